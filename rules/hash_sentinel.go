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
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "eb045d78d273107348b0300c01d29b7552d622abbc6faf81b3ec55359aa9950c" } }); // sha256(String(user.email)) when logged out`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`),
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
