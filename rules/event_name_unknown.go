package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "event-name-unknown", Severity: model.Error,
		Title: "event name not one of the ten standard events nor custom",
		Spec:  "Event name: A supported event name, such as order_created, or \"custom\".",
		Doc: `The pixel drops events it does not know, silently. Names copied from
other ad pixels (` + "`Purchase`, `AddToCart`, `Lead`" + `) are the usual cause.
For those the fix (unsafe: what is measured changes) renames the event
when its data is written for this pixel, amount included, which is in
minor units already; a call written for the other pixel (` + "`value`" + `,
` + "`content_ids`" + `) is translated whole, its value converted to minor
units, every field it reads kept (a computed currency as written). A tag of a tag-manager pixel template gets a hint naming the tag
whose event field to change: the template writes the rest of the call.

Bad:
` + "```js" + `
oaiq("measure", "Purchase", { type: "contents", amount: 2599, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
		Check: checkEventNames,
	})
}

// vendorEvents maps other ad pixels' event names (folded) to ours.
var vendorEvents = map[string]string{
	"purchase": "order_created", "order": "order_created", "ordercompleted": "order_created",
	"checkoutcompleted": "order_created", "conversion": "order_created",
	"ordercomplete": "order_created", "orderplaced": "order_created", "ordersubmitted": "order_created",
	"purchasecompleted": "order_created", "checkoutcomplete": "order_created", "transaction": "order_created",
	"productadded": "items_added", "addedtocart": "items_added",
	"signedup": "registration_completed", "accountcreated": "registration_completed",
	"addtocart": "items_added", "addtobasket": "items_added", "additem": "items_added",
	"initiatecheckout": "checkout_started", "begincheckout": "checkout_started", "startcheckout": "checkout_started",
	"viewcontent": "contents_viewed", "viewitem": "contents_viewed", "productviewed": "contents_viewed",
	"pageview": "page_viewed", "pageviewed": "page_viewed", "viewpage": "page_viewed",
	"lead": "lead_created", "generatelead": "lead_created", "submitform": "lead_created",
	"completeregistration": "registration_completed", "signup": "registration_completed", "register": "registration_completed",
	"subscribe": "subscription_created", "subscription": "subscription_created",
	"starttrial": "trial_started", "trial": "trial_started",
	"schedule": "appointment_scheduled", "bookappointment": "appointment_scheduled",
}

func knownEventNames() []string {
	return append(append([]string(nil), pixel.StandardEvents...), pixel.CustomEvent)
}

func checkEventNames(p *Pass) {
	for _, m := range p.measures() {
		if m.Name == nil || m.Name.IsDynamic() {
			continue // measure-args reports a missing name
		}
		name, ok := m.EventName()
		if !ok {
			p.Report(m.Name.Span, "event name must be a string, got "+describe(m.Name), `use a standard event name such as "order_created", or "custom"`)
			continue
		}
		if pixel.ShapeOf(name) != "" || pixel.IsServerOnlyEvent(name) {
			continue
		}
		msg, hint := eventNameMessage(name)
		var fix *model.Fix
		if tag := templateTagOf(p, m.Call); tag != nil {
			// A pixel template's tag: its event name is a field of the
			// tag; the template writes the rest of the call itself.
			if e := vendorEvents[normalizeName(name)]; e != "" {
				hint = fmt.Sprintf("set the event name of %s to %q", tagLabel(tag), e)
			}
		} else if e := vendorEvents[normalizeName(name)]; e != "" && pixelData(m.Data, e) {
			// Only the name is another pixel's: renaming it is the whole
			// change (the amount is the pixel's, in minor units already).
			fix = replaceStringFix(m.Name, e, fmt.Sprintf("rename the event to %q", e), model.Unsafe)
		} else if t := translateCall(m.Call); t != "" && vendorEvents[normalizeName(name)] != "" {
			hint = "send " + t // another pixel's event: the whole call, in one round
			fix = translateFix(p.Doc, m.Call, t)
		}
		p.ReportFix(m.Name.Span, msg, hint, fix)
	}
}

func eventNameMessage(name string) (string, string) {
	hint := "standard events: " + strings.Join(pixel.StandardEvents, ", ") + `; or "custom" with a custom_event_name option`
	folded := normalizeName(name)
	for _, e := range knownEventNames() {
		if normalizeName(e) == folded {
			if strings.TrimSpace(name) != name && strings.TrimSpace(name) == e {
				return fmt.Sprintf("unknown event name %s: white space around %q", quote(name), e), ""
			}
			return fmt.Sprintf("unknown event name %s; event names are lower snake case: use %q", quote(name), e), ""
		}
	}
	if e, ok := vendorEvents[folded]; ok {
		return fmt.Sprintf("unknown event name %s (another ad pixel's name); use %q", quote(name), e), hint
	}
	if n := suggest.Nearest(name, knownEventNames()); n != "" {
		return fmt.Sprintf("unknown event name %s; did you mean %q?", quote(name), n), hint
	}
	return fmt.Sprintf("unknown event name %s: the pixel drops it", quote(name)), hint
}

// templateTagOf is the container tag whose pixel template makes the call,
// or nil for a call written in code.
func templateTagOf(p *Pass, c *model.Call) *model.ContainerTag {
	if p.Doc.Container == nil {
		return nil
	}
	for _, t := range p.Doc.Container.Tags {
		if t.Template != nil && slices.Contains(t.Calls, c) {
			return t
		}
	}
	return nil
}

// pixelData reports event data written for the pixel: absent, or an
// object whose every field (and every contents item's) belongs to the
// event's data shape.
func pixelData(data *model.Value, event string) bool {
	if data == nil {
		return true
	}
	if !data.Is(model.Object) || data.Open {
		return false
	}
	for _, f := range data.Fields {
		if !slices.Contains(pixel.ShapeFields[pixel.ShapeOf(event)], f.Key) {
			return false
		}
	}
	if cs := data.Get("contents"); cs != nil {
		if !cs.Is(model.Array) || cs.Open {
			return false
		}
		for _, it := range cs.Items {
			if !it.Is(model.Object) || it.Open {
				return false
			}
			for _, f := range it.Fields {
				if !slices.Contains(pixel.ContentsItemFields, f.Key) {
					return false
				}
			}
		}
	}
	return true
}
