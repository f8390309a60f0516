package rules

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-user-hash", Severity: model.Error,
		Title: "a user hash that is not 64 lowercase hex characters",
		Spec:  "emails_sha256, phone_numbers_sha256, external_ids_sha256, first_names_sha256, last_names_sha256 (lists of lowercase 64-hex SHA-256) (current-docs: Conversions API, event user)",
		Doc: `Hashed user fields hold SHA-256 digests as 64 lowercase hex characters
(in lists in the newest revision, as single strings in earlier ones).
Upper-case hex, SHA-1, MD5 or base64 digests match nobody.

Bad:
` + capiExample(capiUserEvent(`{"emails_sha256": ["A522B5489BFC961B75E6ADEFBB546C29B1D03A6E96588D7DAE866C225CEB65DA"]}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserHash,
	})
}

func checkCAPIUserHash(p *Pass) {
	capiUsers(p, func(_, user *model.Value) {
		userHashValues(user, func(field string, v *model.Value) {
			if hashing.IsHex64(v.Str) || rawUserValue(field, v.Str) != "" {
				return // fine, or capi-user-raw's
			}
			msg, hint := hashMessage(field, v)
			if strings.TrimSpace(v.Str) == "" {
				msg, hint = "user."+field+" holds an empty string", "leave out values you do not have instead of sending empty ones"
			}
			p.Report(v.Span, msg, hint)
		})
	})
}
