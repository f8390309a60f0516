package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "event-id-empty", Severity: model.Error,
		Schema: schemaEventIDEmpty,
		Title:  "event_id empty, blank, not a string, or a missing value turned into text",
		Spec:   "event_id: Set a unique ID when deduplicating the same event sent from the browser and server.",
		Doc: `An empty event_id deduplicates nothing (or everything). So does one built
from a missing value: String(undefined) is "undefined", and every event
that gets it shares one ID, so real conversions are dropped as duplicates.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" }, { event_id: "" });`) + `
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" }, { event_id: "undefined" }); // String(order.id) before the order has an id`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" }, { event_id: "order_12345" });`),
		Check: checkEventIDStringified,
	})
}

// eventIDField is the name the call's own source gives the event id: a
// Conversions API event's "id" (required there), else the pixel's
// event_id option.
func eventIDField(c *model.Call) (name, orLeaveOut string) {
	if c != nil && c.Event != nil {
		return pixel.EventID, ""
	}
	return "event_id", ", or leave event_id out"
}

func eventIDMessage(c *model.Call, v *model.Value) (string, string) {
	name, leave := eventIDField(c)
	s, ok := v.StringValue()
	switch {
	case v.Is(model.Number):
		return name + " must be a string, got the number " + numText(v), fmt.Sprintf("send %s: %q", name, numText(v))
	case !ok:
		return name + " must be a non-empty string, got " + describe(v), "generate a unique ID per conversion, such as the order number"
	case s == "":
		return name + " is empty", "generate a unique ID per conversion, such as the order number" + leave
	}
	return name + " is blank", "generate a unique ID per conversion, such as the order number" + leave
}

// checkEventIDStringified reports event_ids that are a missing value turned
// into text; the schema stage reports empty, blank and non-string ones.
func checkEventIDStringified(p *Pass) {
	for _, m := range p.measures() {
		v, id, ok := m.EventID()
		if !ok || !stringified[strings.TrimSpace(id)] {
			continue
		}
		name, _ := eventIDField(m.Call)
		p.Report(v.Span, fmt.Sprintf("%s is the string %q: the value it was built from was missing (or an object), and every event that gets it shares one ID", name, strings.TrimSpace(id)),
			"build "+name+" only once the order (or lead) id exists, such as the order number")
	}
}

func schemaEventIDEmpty(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "event_id") {
		return model.Finding{}, false
	}
	return v.finding(eventIDMessage(v.Call, v.Node))
}
