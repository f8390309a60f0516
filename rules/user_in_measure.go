package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "user-in-measure", Severity: model.Error,
		Schema: schemaUserInMeasure,
		Title:  "user data in a measure call",
		Spec:   "User data is request-scoped, so don’t add it to individual oaiq(\"measure\", ...) calls.",
		Doc: `User data belongs in init. A ` + "`user`" + ` object or user fields in a
measure call's event data or options are not used for matching.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });
oaiq("measure", "order_created", { type: "contents" });`),
	})
}

func userInMeasureMessage(key string, arg int) string {
	where := "event data"
	if arg == argOptions {
		where = "options"
	}
	if key == "user" {
		return "user data in a measure call's " + where + " is ignored: it belongs in init"
	}
	return fmt.Sprintf("%q is a user field; in a measure call's %s it is ignored: it belongs in init's user object", key, where)
}

func schemaUserInMeasure(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData)
	if !ok {
		key, ok = v.unknownIn(argOptions)
	}
	if !ok || !isUserKey(key) {
		return model.Finding{}, false
	}
	return v.memberFinding(userInMeasureMessage(key, v.Arg),
		`user data is request-scoped: pass it as oaiq("init", {user: {…}}) and call init again when it changes`)
}
