package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "init-unknown-field", Severity: model.Error,
		Schema: schemaInitUnknownField,
		Title:  "an init field other than pixelId, debug, user",
		Spec:   "pixelId is required. … debug is optional … Add an optional user object to oaiq(\"init\", ...).",
		Doc: `Bad:
` + "```js" + `
oaiq("init", { pixel_id: "px_123", email_sha256: h });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123", user: { email_sha256: h } });
` + "```",
	})
}

func schemaInitUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig)
	if !ok {
		return model.Finding{}, false
	}
	return v.memberFinding(initUnknownMessage(key))
}
