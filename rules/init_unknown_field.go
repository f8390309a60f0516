package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "init-unknown-field", Severity: model.Error,
		Schema: schemaInitUnknownField,
		Title:  "an init field other than pixelId, debug, user",
		Spec:   "pixelId is required. … debug is optional … Add an optional user object to oaiq(\"init\", ...).",
		Doc: `Bad:
` + md("js", `oaiq("init", { pixel_id: "px_123", email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`),
	})
}

func schemaInitUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig)
	if !ok {
		return model.Finding{}, false
	}
	f, ok := v.memberFinding(initUnknownMessage(key))
	return withFix(f, ok, renameFix(v.Node, v.Member, meantKey(key, pixel.InitFields)))
}
