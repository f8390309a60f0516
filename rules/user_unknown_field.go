package rules

import (
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "user-unknown-field", Severity: model.Error,
		Schema: schemaUserUnknownField,
		Title:  "a user field other than the five documented ones",
		Spec:   "Every field in the user object is optional. Include only the fields you have for the user. (Fields: email_sha256, external_id_sha256, country, city, zip_code.)",
		Doc: `The user object has five fields (revision P6, the one these checks
follow). Anything else is ignored, so the matching signal it was meant to
carry is lost. The fields only third-party material lists
(` + "`phone_number_sha256`, `first_name_sha256`, `last_name_sha256`, `region`, `postal_code`" + `)
are user-field-unconfirmed's warning instead.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { zip: "94107", email_hash: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { zip_code: "94107", email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`),
	})
}

// userAliases are names people give user fields, mapped to the real ones.
var userAliases = map[string]string{
	"emailhash": "email_sha256", "hashedemail": "email_sha256", "emailsha": "email_sha256", "em": "email_sha256",
	"sha256email": "email_sha256", "emailsha256hash": "email_sha256",
	"externalidhash": "external_id_sha256", "hashedexternalid": "external_id_sha256", "externalidsha256": "external_id_sha256",
	"zip": "zip_code", "zipcode": "zip_code", "postalcode": "zip_code", "postcode": "zip_code", "postal": "zip_code",
	"countrycode": "country", "ct": "city", "town": "city",
}

func userUnknownMessage(key string) (string, string) {
	hint := "user takes " + joinQuoted(pixel.UserFields, "and")
	if alias, ok := userAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("user field %q is not supported; did you mean %q?", key, alias), hint
	}
	if n := suggest.Nearest(key, pixel.UserFields); n != "" {
		return fmt.Sprintf("user field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("user field %q is not supported", key), hint
}

func schemaUserUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig, "user")
	if !ok || slices.Contains(pixel.UserFieldsThirdParty, key) {
		return model.Finding{}, false // newer third-party fields are user-field-unconfirmed's warning
	}
	f, ok := v.memberFinding(userUnknownMessage(key))
	return withFix(f, ok, renameFix(v.Node, v.Member, meantKey(key, pixel.UserFields)))
}
