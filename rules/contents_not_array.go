package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "contents-not-array", Severity: model.Error,
		Schema: schemaContentsNotArray,
		Title:  "contents not an array of objects",
		Spec:   "Use only the documented fields inside contents[].",
		Doc: `contents is an array of item objects, even for a single item.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: { id: "sku_123" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123" }] });`),
	})
}

func schemaContentsNotArray(v *SchemaViolation) (model.Finding, bool) {
	if field, ok := v.dataField(); ok && field == "contents" {
		return v.finding("contents must be an array of item objects, got "+describe(v.Node),
			`send contents: [{id: "sku_123", quantity: 1}], even for a single item`)
	}
	if v.valueAt(argData, "contents", "*") {
		return v.finding("contents["+v.Loc[1]+"] must be an object, got "+describe(v.Node),
			`each item is an object such as {id: "sku_123", name: "Starter bundle", content_type: "product", quantity: 1}`)
	}
	return model.Finding{}, false
}
