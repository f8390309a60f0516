package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "opt-out-type", Severity: model.Error,
		Schema: schemaOptOutType,
		Title:  "opt_out not a boolean",
		Spec:   "opt_out: Set to true to opt out the event from future user-level personalization. Defaults to false.",
		Doc: `opt_out is a boolean. The string "false" is not false.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" }, { opt_out: "true" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" }, { opt_out: true });`),
	})
}

func schemaOptOutType(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "opt_out") {
		return model.Finding{}, false
	}
	hint := "use opt_out: true, or leave it out (it defaults to false)"
	if s, ok := v.Node.StringValue(); ok && (s == "true" || s == "false") {
		hint = "use opt_out: " + s + " without quotes"
	}
	return v.finding("opt_out must be a boolean, got "+describe(v.Node), hint)
}
