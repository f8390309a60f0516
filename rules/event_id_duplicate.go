package rules

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
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
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" }, { event_id: "order_12345" });
oaiq("measure", "order_created", { type: "contents", amount: 4999, currency: "USD" }, { event_id: "order_12345" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" }, { event_id: "order_12345" });
oaiq("measure", "order_created", { type: "contents", amount: 4999, currency: "USD" }, { event_id: "order_12346" });`),
		Check: checkEventIDDuplicate,
	})
}

// eventIdentity is what makes two events the same conversion on one side.
func eventIdentity(m measureCall) string {
	name, _ := m.EventName()
	if custom, ok := m.CustomName(); ok && name == pixel.CustomEvent {
		name += "/" + custom
	}
	return name
}

const eventIDDuplicateHint = "give each conversion its own event_id, such as the order number"

func eventIDDuplicateMsg(id string, firstLine int, identity string) string {
	return fmt.Sprintf("event_id %s was already used on line %d by another %s event with different data; one of them would be dropped as the other's duplicate",
		quote(id), firstLine, identity)
}

// eventIDKey is the pixel's own deduplication key, what makes two events
// one conversion: pixel, event name (or custom name) and event_id, per side.
func eventIDKey(m measureCall, id string) string {
	to := m.PixelID
	if single, ok := m.Target.StringValue(); ok {
		to = single // measureSingle (or an image tag) names its one pixel
	}
	return strings.Join([]string{m.Side.String(), to, eventIdentity(m), id}, "\x00")
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
		if m.Image != nil && m.Image.NoScript {
			continue // a <noscript> fallback fires only when the JavaScript pixel cannot: never both
		}
		key := eventIDKey(m, id)
		data := m.Data.Plain(nil)
		prev, dup := seen[key]
		if !dup {
			seen[key] = first{m, data}
			continue
		}
		if !reflect.DeepEqual(prev.data, data) {
			p.Report(v.Span, eventIDDuplicateMsg(id, prev.m.Span.Start.Line, eventIdentity(m)), eventIDDuplicateHint)
		}
	}
}
