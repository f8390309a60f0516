package rules

import (
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "amount-negative", Severity: model.Warning,
		Schema: schemaAmountNegative,
		Title:  "a negative amount or a quantity below 1",
		Spec:   "Use integer values for amount and quantity.",
		Doc: `A conversion's value is not negative and an item's quantity is at least
one; refunds and removed items are not conversions.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123", quantity: 0 }] });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123", quantity: 1 }] });`),
	})
}

func negativeMessage(path, field string, v *model.Value) (string, string) {
	if field == "quantity" {
		return fmt.Sprintf("%s is %s; a quantity is at least 1", path, numText(v)), "leave out items that were not bought"
	}
	return fmt.Sprintf("%s is negative (%s); a conversion's value is not", path, numText(v)), "send the value of the conversion as a positive integer"
}

func schemaAmountNegative(v *SchemaViolation) (model.Finding, bool) {
	field, ok := v.dataField()
	if _, minimum := v.Kind.(*kind.Minimum); !ok || !minimum || (field != "amount" && field != "quantity") {
		return model.Finding{}, false
	}
	return v.finding(negativeMessage(fieldPath(v.Loc), field, v.Node))
}
