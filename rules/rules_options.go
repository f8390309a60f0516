package rules

// Options: the fourth measure argument, with event_id, custom_event_name
// and opt_out. Value findings come from the schema stage (options.schema.json);
// event-id-duplicate sees the whole document.

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(
		&Rule{
			ID: "options-unknown-field", Severity: model.Error,
			Schema: schemaOptionsUnknownField,
			Title:  "an option other than event_id, custom_event_name, opt_out",
			Spec:   "The options object supports these fields: event_id, custom_event_name, opt_out.",
			Doc: `Unknown options are ignored: a misspelt event_id means no deduplication.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" }, { eventId: "order_12345" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" }, { event_id: "order_12345" });
` + "```",
		},
		&Rule{
			ID: "opt-out-type", Severity: model.Error,
			Schema: schemaOptOutType,
			Title:  "opt_out not a boolean",
			Spec:   "opt_out: Set to true to opt out the event from future user-level personalization. Defaults to false.",
			Doc: `opt_out is a boolean. The string "false" is not false.

Bad:
` + "```js" + `
{ opt_out: "true" }
` + "```" + `
Good:
` + "```js" + `
{ opt_out: true }
` + "```",
		},
		&Rule{
			ID: "event-id-empty", Severity: model.Error,
			Schema: schemaEventIDEmpty,
			Title:  "event_id empty, blank, not a string, or a missing value turned into text",
			Spec:   "event_id: Set a unique ID when deduplicating the same event sent from the browser and server.",
			Doc: `An empty event_id deduplicates nothing (or everything). So does one built
from a missing value: String(undefined) is "undefined", and every event
that gets it shares one ID, so real conversions are dropped as duplicates.

Bad:
` + "```js" + `
{ event_id: "" }
{ event_id: String(order.id) } // "undefined" when the order has no id yet
` + "```" + `
Good:
` + "```js" + `
{ event_id: "order_12345" }
` + "```",
			Check: checkEventIDStringified,
		},
		&Rule{
			ID: "event-id-duplicate", Severity: model.Warning,
			Title: "one event_id used by different conversions of the same event",
			Spec:  "Deduplication matches on your Pixel ID, the event name, and event_id. For custom events, custom_event_name replaces the standard event name in that match.",
			Doc: `An event_id identifies one conversion. Two events on the same side with
the same pixel, event name (or custom_event_name) and event_id are one
conversion to the pixel: when their data differs, one real conversion is
dropped as the other's duplicate. The same event_id on different events
(checkout_started and order_created for one order) is fine: deduplication
matches on the event name too.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" }, { event_id: "order_12345" });
oaiq("measure", "order_created", { type: "contents", amount: 4999, currency: "USD" }, { event_id: "order_12345" });
` + "```" + `
Good: one event_id per order, such as the order number.`,
			Check: checkEventIDDuplicate,
		},
	)
}

func eventIDMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	switch {
	case v.Is(model.Number):
		return "event_id must be a string, got the number " + numText(v), fmt.Sprintf("send event_id: %q", numText(v))
	case !ok:
		return "event_id must be a non-empty string, got " + describe(v), "generate a unique ID per conversion, such as the order number"
	case s == "":
		return "event_id is empty", "generate a unique ID per conversion, such as the order number, or leave event_id out"
	}
	return "event_id is blank", "generate a unique ID per conversion, such as the order number, or leave event_id out"
}

// stringified are what JavaScript makes of a missing value turned into text.
var stringified = map[string]bool{"undefined": true, "null": true, "[object Object]": true, "NaN": true}

// checkEventIDStringified reports event_ids that are a missing value turned
// into text; the schema stage reports empty, blank and non-string ones.
func checkEventIDStringified(p *Pass) {
	for _, m := range p.measures() {
		v, id, ok := m.EventID()
		if !ok || !stringified[strings.TrimSpace(id)] {
			continue
		}
		p.Report(v.Span, fmt.Sprintf("event_id is the string %q: the value it was built from was missing (or an object), and every event that gets it shares one ID", strings.TrimSpace(id)),
			"build event_id only once the order (or lead) id exists, such as the order number")
	}
}

var optionAliases = map[string]string{
	"eventid": "event_id", "id": "event_id", "dedupid": "event_id", "deduplicationid": "event_id", "orderid": "event_id",
	"customeventname": "custom_event_name", "eventname": "custom_event_name", "name": "custom_event_name",
	"optout": "opt_out", "donotpersonalize": "opt_out",
}

func optionsUnknownMessage(key string) (string, string) {
	hint := "options take " + joinQuoted(pixel.OptionFields, "and")
	if alias, ok := optionAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("option %q is not supported; did you mean %q?", key, alias), hint
	}
	if slices.Contains(pixel.ShapeFields[pixel.ShapeCustom], key) || slices.Contains(pixel.ContentsItemFields, key) {
		return fmt.Sprintf("%q is event data, not an option: move it to the event data object (the third argument)", key), ""
	}
	if n := nearest(key, pixel.OptionFields); n != "" {
		return fmt.Sprintf("option %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("option %q is not supported", key), hint
}

// eventIdentity is what makes two events the same conversion on one side.
func eventIdentity(m measureCall) string {
	name, _ := m.EventName()
	if custom, ok := m.CustomName(); ok && name == pixel.CustomEvent {
		name += "/" + custom
	}
	return name
}

func checkEventIDDuplicate(p *Pass) {
	type first struct {
		m    measureCall
		data any
	}
	seen := map[string]first{}
	for _, m := range p.measures() {
		v, id, ok := m.EventID()
		if !ok || strings.TrimSpace(id) == "" || m.Name.IsDynamic() {
			continue
		}
		// The pixel's own deduplication key: pixel, event name (or custom
		// name) and event_id, per side.
		key := strings.Join([]string{m.Side.String(), m.PixelID, eventIdentity(m), id}, "\x00")
		data := m.Data.Plain(nil)
		prev, dup := seen[key]
		if !dup {
			seen[key] = first{m, data}
			continue
		}
		if !reflect.DeepEqual(prev.data, data) {
			p.Report(v.Span, fmt.Sprintf("event_id %s was already used on line %d by another %s event with different data; one of them would be dropped as the other's duplicate",
				quote(id), prev.m.Span.Start.Line, eventIdentity(m)), "give each conversion its own event_id, such as the order number")
		}
	}
}
