package rules

import (
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "field-type", Severity: model.Error,
		Schema: schemaFieldType,
		Title:  "a documented field with the wrong JSON type",
		Spec:   "oaiq(\"init\", { pixelId: \"<YOUR-PIXEL-ID>\" }) … plan_id: \"pro_monthly\" … id: \"sku_123\" (the documentation's examples give each field's type)",
		Doc: `init takes a config object; pixelId (also measureSingle's first argument), plan_id and the contents[] item's
id, name and content_type are strings; debug is a boolean; user is an object.

Bad:
` + "```js" + `
oaiq("init", "px_123");
oaiq("measure", "subscription_created", { type: "plan_enrollment", plan_id: 42 });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("measure", "subscription_created", { type: "plan_enrollment", plan_id: "42" });
` + "```",
		Check: checkInitConfigType,
	})
}

func stringFix(v *model.Value) string {
	if v.Is(model.Number) {
		return fmt.Sprintf("send it as a string: %q", numText(v))
	}
	return "send it as a string"
}

func initFieldTypeMessage(field string, v *model.Value) (string, string) {
	switch field {
	case "pixelId":
		return "pixelId must be a string, got " + describe(v), stringFix(v)
	case "debug":
		return "debug must be a boolean, got " + describe(v), "use debug: true while testing and leave it out in production"
	case "user":
		return "user must be an object, got " + describe(v), `send user: {email_sha256: "…", country: "US"}`
	}
	return field + " has the wrong type: " + describe(v), ""
}

func checkInitConfigType(p *Pass) {
	for _, c := range p.inits() {
		v := c.Arg(argInitConfig)
		if v == nil || v.IsDynamic() || v.Is(model.Object) {
			continue
		}
		hint := `oaiq("init", { pixelId: "…" })`
		if s, ok := v.StringValue(); ok {
			hint = fmt.Sprintf("oaiq(\"init\", { pixelId: %s })", quote(s))
		}
		p.Report(v.Span, "init takes a config object, got "+describe(v), hint)
	}
	for _, m := range p.measures() {
		if v := m.Target; v != nil && !v.IsDynamic() && !v.Is(model.String) {
			msg, hint := initFieldTypeMessage("pixelId", v)
			p.Report(v.Span, "measureSingle's "+msg, hint)
		}
	}
}

func schemaFieldType(v *SchemaViolation) (model.Finding, bool) {
	if v.valueAt(argInitConfig, "*") {
		return v.finding(initFieldTypeMessage(v.field(), v.Node))
	}
	if _, ok := v.Kind.(*kind.Type); !ok {
		return model.Finding{}, false // an empty content_type is content-type-empty's
	}
	switch field, _ := v.dataField(); field {
	case "plan_id", "id", "name", "content_type":
		return v.finding(fieldPath(v.Loc)+" must be a string, got "+describe(v.Node), stringFix(v.Node))
	}
	return model.Finding{}, false
}
