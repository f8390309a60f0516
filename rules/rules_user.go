package rules

// User data: the optional user object of init. Field names and formats come
// from the documentation's field table; format findings come from the
// schema stage (user.schema.json), list look-ups and sentinel hashes from
// the checks here.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(
		&Rule{
			ID: "user-unknown-field", Severity: model.Error,
			Schema: schemaUserUnknownField,
			Title:  "a user field other than the five documented ones",
			Spec:   "Every field in the user object is optional. Include only the fields you have for the user. (Fields: email_sha256, external_id_sha256, country, city, zip_code.)",
			Doc: `The user object has five fields. Anything else is ignored, so the
matching signal it was meant to carry is lost.

Bad:
` + "```js" + `
oaiq("init", { user: { zip: "94107", email_hash: h } });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { user: { zip_code: "94107", email_sha256: h } });
` + "```",
		},
		&Rule{
			ID: "user-in-measure", Severity: model.Error,
			Schema: schemaUserInMeasure,
			Title:  "user data in a measure call",
			Spec:   "User data is request-scoped, so don’t add it to individual oaiq(\"measure\", ...) calls.",
			Doc: `User data belongs in init. A ` + "`user`" + ` object or user fields in a
measure call's event data or options are not used for matching.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", user: { email_sha256: h } });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { user: { email_sha256: h } });
oaiq("measure", "order_created", { type: "contents" });
` + "```",
		},
		&Rule{
			ID: "hash-format", Severity: model.Error,
			Schema: schemaHashFormat,
			Title:  "email_sha256 or external_id_sha256 not 64 lowercase hex characters",
			Spec:   "Send hashes as lowercase, 64-character hexadecimal strings.",
			Doc: `A hash must be the SHA-256 digest in lowercase hex. Upper-case hex,
base64, SHA-1 or MD5 digests do not match anything.

Bad:
` + "```js" + `
user: { email_sha256: "B4C9A289323B21A01C3E940F150EB9B8C542587F1ABFD8F0E1CC1FFC5E475514" }
` + "```" + `
Good:
` + "```js" + `
user: { email_sha256: "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514" }
` + "```",
		},
		&Rule{
			ID: "hash-sentinel", Severity: model.Error,
			Title: "a hash of an empty or absent value, or the documentation's example hash",
			Spec:  "email_sha256: SHA-256 hash of the email address after trimming whitespace and converting it to lowercase.",
			Doc: `Hashing code that runs before the value exists hashes ` + "`\"\"`, `\"undefined\"`, `\"null\"` or `\"[object Object]\"`" + `;
copied documentation sends its example hash. Every visitor then shares one
identifier, which poisons matching.

Bad:
` + "```js" + `
user: { email_sha256: sha256(String(user.email)) } // "undefined" when logged out
` + "```" + `
Good:
` + "```js" + `
if (user.email) oaiq("init", { user: { email_sha256: sha256(user.email.trim().toLowerCase()) } });
` + "```",
			Check: checkHashSentinels,
		},
		&Rule{
			ID: "country-code", Severity: model.Error,
			Schema: schemaCountryCode,
			Title:  "country not an assigned ISO 3166-1 alpha-2 code in upper case",
			Spec:   "country: Two-letter ISO 3166-1 country code, such as US.",
			Doc: `Country must be an assigned ISO 3166-1 alpha-2 code in upper case.
"UK" is not one (the United Kingdom is "GB"); neither are names or
three-letter codes.

Bad:
` + "```js" + `
user: { country: "UK" }
` + "```" + `
Good:
` + "```js" + `
user: { country: "GB" }
` + "```",
			Check: checkCountryCodes,
		},
		&Rule{
			ID: "city-length", Severity: model.Error,
			Schema: schemaCityLength,
			Title:  "city empty or longer than 128 characters",
			Spec:   "city: City name, with a maximum of 128 characters.",
			Doc: `City is a name of 1 to 128 characters. Leave the field out when it is
not known rather than sending an empty string.

Bad:
` + "```js" + `
user: { city: "" }
` + "```" + `
Good:
` + "```js" + `
user: { city: "San Francisco" }
` + "```",
		},
		&Rule{
			ID: "zip-code-format", Severity: model.Error,
			Schema: schemaZipCodeFormat,
			Title:  "zip_code with characters other than letters, digits, spaces or hyphens, or over 32",
			Spec:   "zip_code: Postal or ZIP code. Use letters, numbers, spaces, or hyphens, with a maximum of 32 characters.",
			Doc: `A postal code is a string of letters, digits, spaces or hyphens, up to 32
characters. A number loses leading zeros ("02134" becomes 2134).

Bad:
` + "```js" + `
user: { zip_code: 2134 }
` + "```" + `
Good:
` + "```js" + `
user: { zip_code: "02134" }
` + "```",
		},
	)
}

// userObjects returns the user objects of the document's browser inits.
func userObjects(p *Pass) []*model.Value {
	var out []*model.Value
	for _, c := range p.inits() {
		if u := initConfig(c).Get("user"); u.Is(model.Object) {
			out = append(out, u)
		}
	}
	return out
}

func checkHashSentinels(p *Pass) {
	for _, u := range userObjects(p) {
		for _, field := range []string{"email_sha256", "external_id_sha256"} {
			v := u.Get(field)
			s, ok := v.StringValue()
			if !ok || !hashing.IsHex64(strings.ToLower(s)) {
				continue
			}
			if what, bad := hashing.Sentinel(s); bad {
				p.Report(v.Span, fmt.Sprintf("%s is %s, not a hash of real user data", field, what),
					"hash the real value only when it exists, and leave the field out otherwise")
			}
		}
	}
}

// checkCountryCodes finds well-formed codes that ISO 3166-1 does not assign;
// malformed ones are the schema stage's.
func checkCountryCodes(p *Pass) {
	for _, u := range userObjects(p) {
		v := u.Get("country")
		s, ok := v.StringValue()
		if !ok || len(s) != 2 || strings.ToUpper(s) != s || isodata.IsCountry(s) {
			continue
		}
		msg, hint := countryMessage(v)
		p.Report(v.Span, msg, hint)
	}
}

func hashMessage(field string, v *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return fmt.Sprintf("user.%s must be a string of 64 lowercase hex characters, got %s", field, describe(v)),
			"send the SHA-256 digest as a lowercase hex string"
	}
	if hashing.IsHex64(strings.ToLower(s)) {
		return fmt.Sprintf("user.%s is upper-case hex; hashes must be lowercase", field),
			"lower-case the digest (hex.toLowerCase() in JavaScript)"
	}
	if t := strings.TrimSpace(s); t != s && hashing.IsHex64(strings.ToLower(t)) {
		return fmt.Sprintf("user.%s has white space around the digest", field), "trim the hex string"
	}
	n := utf8.RuneCountInString(s)
	what := ""
	switch {
	case n == 40 && isHex(s):
		what = " (a SHA-1 digest?)"
	case n == 32 && isHex(s):
		what = " (an MD5 digest?)"
	case n == 128 && isHex(s):
		what = " (a SHA-512 digest?)"
	case n == 44 && strings.HasSuffix(s, "="):
		what = " (a base64-encoded digest?)"
	case n == 64:
		return fmt.Sprintf("user.%s has 64 characters but they are not all hex digits (0-9, a-f)", field),
			"hash with SHA-256 and encode the digest as lowercase hex"
	}
	return fmt.Sprintf("user.%s must be 64 lowercase hex characters (a SHA-256 digest), got %d characters%s", field, n, what),
		"hash with SHA-256 and encode the digest as lowercase hex"
}

func isHex(s string) bool {
	for _, r := range strings.ToLower(s) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

func countryMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return "user.country must be a two-letter ISO 3166-1 code string, got " + describe(v), `send a code such as "US"`
	}
	if fix, has := isodata.CountryFix(s); has {
		if fix == strings.ToUpper(strings.TrimSpace(s)) {
			return caseOrSpaceMessage("user.country", fix, s), ""
		}
		return fmt.Sprintf("user.country %s is not an ISO 3166-1 code; use %q", quote(s), fix), ""
	}
	return fmt.Sprintf("user.country %s is not an assigned ISO 3166-1 alpha-2 code", quote(s)),
		`send the two-letter code in upper case, such as "US", "GB" or "DE", or leave the field out`
}

func cityMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	switch {
	case !ok:
		return "user.city must be a string of 1 to 128 characters, got " + describe(v), ""
	case s == "":
		return "user.city is empty", "leave the field out when the city is not known"
	case strings.TrimSpace(s) == "":
		return "user.city is blank", "leave the field out when the city is not known"
	}
	return fmt.Sprintf("user.city is %d characters long, more than the 128 allowed", utf8.RuneCountInString(s)),
		"send the city name alone"
}

func zipMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	switch {
	case !ok && v.Is(model.Number):
		return fmt.Sprintf("user.zip_code must be a string, got the number %s", numText(v)),
			fmt.Sprintf("send zip_code: %q (a number loses leading zeros)", numText(v))
	case !ok:
		return "user.zip_code must be a string, got " + describe(v), ""
	case s == "":
		return "user.zip_code is empty", "leave the field out when the postal code is not known"
	case utf8.RuneCountInString(s) > 32:
		return fmt.Sprintf("user.zip_code is %d characters long, more than the 32 allowed", utf8.RuneCountInString(s)), ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-') {
			return fmt.Sprintf("user.zip_code %s contains %q: only letters, digits, spaces and hyphens are allowed", quote(s), r),
				"remove other characters"
		}
	}
	return "user.zip_code " + quote(s) + " is not a valid postal code", ""
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
	if n := nearest(key, pixel.UserFields); n != "" {
		return fmt.Sprintf("user field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("user field %q is not supported", key), hint
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
