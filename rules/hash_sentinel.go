package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
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
	})
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
