package rules

import (
	"fmt"
	"slices"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "data-type-missing", Severity: model.Error,
		Schema: schemaDataTypeMissing,
		Title:  "event data without type",
		Spec:   "Event data: An object whose type matches the event’s data shape.",
		Doc: `The type field selects the data shape; without it the event cannot be
read.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { amount: 2599, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
	})
}

func typeMissingMessage(v *SchemaViolation) (string, string) {
	m, _ := asMeasure(v.Call)
	if name, ok := m.EventName(); ok {
		if shape := pixel.ShapeOf(name); shape != "" {
			return "event data has no type", fmt.Sprintf("%s uses the %s shape: add type: %q", name, shape, shape)
		}
	}
	return "event data has no type", "add type: " + joinQuoted(pixel.Shapes, "or")
}

func schemaDataTypeMissing(v *SchemaViolation) (model.Finding, bool) {
	if _, ok := v.Kind.(*kind.Required); !ok || !v.valueAt(argData) {
		return model.Finding{}, false
	}
	f, ok := v.finding(typeMissingMessage(v))
	return withFix(f, ok, typeMissingFix(v))
}

// typeMissingFix adds the type a standard event's shape fixes (custom
// events and unknown names have no single answer).
func typeMissingFix(v *SchemaViolation) *model.Fix {
	m, isMeasure := asMeasure(v.Call)
	name, ok := m.EventName()
	if !isMeasure || !ok || v.Node.Field("type") != nil {
		return nil
	}
	shape := pixel.ShapeOf(name)
	if shape == "" || !slices.Contains(pixel.StandardEvents, name) {
		return nil
	}
	return model.NewFix(fmt.Sprintf("add type: %q", shape), model.Safe,
		model.E(addMember(v.Node, fmt.Sprintf("%s: %q", keyText(v.Node, "type"), shape))))
}
