package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-user-sentinel", Severity: model.Error,
		Title: "a user hash of an empty value or of the documentation's example",
		Spec:  "The pixel page's email_sha256 and external_id_sha256 examples, and the Conversions API page's examples: SHA-256 of customer_123, 14155552671, ada and lovelace (current-docs: example hashes, treat as sentinels)",
		Doc: `The SHA-256 of "", "undefined" or "null", or a hash copied from the
documentation's examples, proves the value was never the user's: every
such event claims the same person.

Bad:
` + capiExample(capiUserEvent(`{"first_names_sha256": ["fdee430d40bd57deeac186cd9790033d0f06f909a8806e7ce6e717ab7c7d5029"]}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserSentinel,
	})
}

func checkCAPIUserSentinel(p *Pass) {
	capiUsers(p, func(_, user *model.Value) {
		userHashValues(user, func(field string, v *model.Value) {
			if !hashing.IsHex64(v.Str) {
				return
			}
			if what, ok := hashing.Sentinel(v.Str); ok {
				p.Report(v.Span, fmt.Sprintf("user.%s is %s: not a real user's data", field, what),
					"hash the user's own normalised value, and leave the field out when there is none")
			}
		})
	})
}
