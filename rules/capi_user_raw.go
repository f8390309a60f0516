package rules

import (
	"fmt"
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-user-raw", Severity: model.Error,
		Title: "raw e-mail, phone number or name in a Conversions API user object",
		Spec:  "emails_sha256, phone_numbers_sha256, external_ids_sha256, first_names_sha256, last_names_sha256 (lists of lowercase 64-hex SHA-256) … Normalisation before hashing (current-docs: Conversions API, event user)",
		Doc: `E-mail addresses, phone numbers and names are sent hashed, never raw: a
raw value in a hash field (or in a field such as ` + "`email`" + `) is personal data
sent in clear, and matches nobody. Findings show the value redacted.

Bad:
` + capiExample(capiUserEvent(`{"emails_sha256": ["jane.doe@shop.example"]}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserRaw,
	})
}

// normalisation says how each kind of value is normalised before hashing.
var normalisation = map[string]string{
	"e-mail address": "trimmed and lower-cased",
	"phone number":   "with its country code, without spaces, ( ) . - , a leading + and leading zeros",
	"name":           "lower-cased, without white space and punctuation",
	"first name":     "lower-cased, without white space and punctuation",
	"last name":      "lower-cased, without white space and punctuation",
}

func checkCAPIUserRaw(p *Pass) {
	capiUsers(p, func(_, user *model.Value) {
		userHashValues(user, func(field string, v *model.Value) {
			kind := rawUserValue(field, v.Str)
			if kind == "" {
				return
			}
			shown := ""
			switch kind {
			case string(pii.Phone):
				shown = " " + strconv.Quote(maskDigits(v.Str))
			case string(pii.Email):
				shown = " " + quote(v.Str)
			}
			p.Report(v.Span, fmt.Sprintf("raw %s%s in user.%s: personal data must be hashed", kind, shown, field),
				fmt.Sprintf("send the SHA-256 (lowercase hex) of the %s, %s", kind, normalisation[kind]))
		})
		for _, f := range user.Fields {
			raw, ok := userRawFields[normalizeName(f.Key)]
			if !ok {
				continue
			}
			p.Report(f.KeySpan, fmt.Sprintf("user.%s holds a raw %s: the Conversions API takes it only hashed", f.Key, raw[0]),
				fmt.Sprintf("send %s: the SHA-256 (lowercase hex) of the value %s", raw[1], normalisation[raw[0]]))
		}
	})
}

// maskDigits hides every digit but the last two: phone numbers that
// pii.Redact does not recognise (digits only) are still not shown.
func maskDigits(s string) string {
	b := []byte(s)
	keep := 2
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			if keep > 0 {
				keep--
				continue
			}
			b[i] = '*'
		}
	}
	return string(b)
}
