package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "data-type-mismatch", Severity: model.Error,
		Schema: schemaDataTypeMismatch,
		Title:  "event data type not the shape the event uses, or not a known shape",
		Spec:   "The event data object’s type selects the shape of the accompanying data. For example, order_created uses the contents data type.",
		Doc: `Each standard event uses one shape: contents (page_viewed,
contents_viewed, items_added, checkout_started, order_created),
customer_action (lead_created, registration_completed,
appointment_scheduled), plan_enrollment (subscription_created,
trial_started); custom events use custom.

Bad:
` + "```js" + `
oaiq("measure", "lead_created", { type: "lead" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" });
` + "```",
	})
}

func typeMismatchMessage(v *SchemaViolation) (string, string) {
	got := describe(v.Node)
	m, _ := asMeasure(v.Call)
	name, _ := m.EventName()
	if shape := pixel.ShapeOf(name); shape != "" {
		if name == pixel.CustomEvent {
			return fmt.Sprintf("custom events use type %q, got %s", pixel.ShapeCustom, got), fmt.Sprintf("set type: %q", pixel.ShapeCustom)
		}
		return fmt.Sprintf("%s uses the %s data shape, got type %s", name, shape, strings.TrimPrefix(got, "the string ")),
			fmt.Sprintf("set type: %q", shape)
	}
	if s, ok := v.Node.StringValue(); ok {
		if n := suggest.Nearest(s, pixel.Shapes); n != "" {
			return fmt.Sprintf("type %s is not a data shape; did you mean %q?", quote(s), n), ""
		}
	}
	return fmt.Sprintf("type must be a data shape, got %s", got), "use " + joinQuoted(pixel.Shapes, "or")
}

func schemaDataTypeMismatch(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argData, "type") {
		return model.Finding{}, false
	}
	return v.finding(typeMismatchMessage(v))
}
