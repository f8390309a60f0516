package rules

import (
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "user-field-unconfirmed", Severity: model.Warning,
		Schema: schemaUserFieldUnconfirmed,
		Title:  "a user field only newer third-party material lists (phone_number_sha256, first_name_sha256, last_name_sha256, region, postal_code)",
		Spec:   "P6 (2026-08-11): the user table is still the 5 fields and still forbids phone numbers and phone hashes. P7 (by Sept 2026, [3P] only): three independent third-party sources say the user object now has 9 fields. (current-docs: revisions of the pixel page)",
		Doc: `The pixel page's newest official revision these checks follow (` + pixel.Revision + `)
lists five user fields and forbids phone hashes. Three independent
third-party sources say the live SDK now takes four more,
` + "`phone_number_sha256`, `first_name_sha256`, `last_name_sha256`, `region`" + ` and
` + "`postal_code`" + ` (one says ` + "`postal_code`" + ` replaces ` + "`zip_code`" + `, which stays an
alias), but no official copy has been seen. Such a field is therefore not
an error and not a misspelling: this warning says which revision is
followed and that newer material differs, so you can check the live
documentation before relying on it. A raw value in it (an unhashed phone
number) is still pii-raw's error.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { postal_code: "94107" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { zip_code: "94107" } });`),
	})
}

func userUnconfirmedMessage(key string) (string, string) {
	msg := fmt.Sprintf("user field %q is not in the pixel page's user table as of revision %s, which these checks follow (%s); newer third-party material says the live SDK accepts it, with no official copy seen",
		key, pixel.Revision, joinQuoted(pixel.UserFields, "and"))
	hint := "check the live documentation before relying on it; the five fields above are what the official revision guarantees"
	switch key {
	case "phone_number_sha256":
		msg = fmt.Sprintf("user field %q: revision %s of the pixel page, which these checks follow, forbids phone numbers and their hashes; newer third-party material lists this field, with no official copy seen", key, pixel.Revision)
		hint = "keep it only if the live documentation lists it; hash the normalised number (country code, digits only)"
	case "postal_code":
		hint = `zip_code is the field the official revision documents (third-party material says the SDK accepts it as an alias of postal_code): use zip_code to be safe`
	}
	return msg, hint
}

func schemaUserFieldUnconfirmed(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig, "user")
	if !ok || !slices.Contains(pixel.UserFieldsThirdParty, key) {
		return model.Finding{}, false
	}
	return v.memberFinding(userUnconfirmedMessage(key))
}
