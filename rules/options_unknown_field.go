package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "options-unknown-field", Severity: model.Error,
		Schema: schemaOptionsUnknownField,
		Title:  "an option other than event_id, custom_event_name, opt_out",
		Spec:   "The options object supports these fields: event_id, custom_event_name, opt_out.",
		Doc: `Unknown options are ignored: a misspelt event_id means no deduplication.
A misspelt option (` + "`eventId`, `optOut`" + `) gets a safe fix renaming it.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" }, { eventId: "order_12345" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" }, { event_id: "order_12345" });
` + "```",
	})
}

func schemaOptionsUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argOptions)
	if !ok || isUserKey(key) {
		return model.Finding{}, false
	}
	f, ok := v.memberFinding(optionsUnknownMessage(key))
	return withFix(f, ok, renameFix(v.Node, v.Member, meantKey(key, pixel.OptionFields)))
}
