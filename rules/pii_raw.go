package rules

import "github.com/oaiq-lint/oaiq-lint/model"

var piiRaw = &Rule{
	ID:       "pii-raw",
	Severity: model.Error,
	Title:    "raw e-mail address, phone number or external ID in a call",
	Spec:     "Don't send raw email addresses, raw external IDs, phone numbers, or phone number hashes.",
	Doc: `The pixel matches conversions on hashed identifiers only. A raw e-mail
address or phone number in any field (a user field, an item name, an event
id) leaks personal data to an ad platform, and a field meant for one
(` + "`email`, `phone`, `phone_sha256`, `external_id`" + `) does the same. Findings show
the value redacted.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123", user: { email: "jane@example.org" } });
` + "```" + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } }); // sha256 of the trimmed, lower-cased address`),
	Check: func(p *Pass) {
		for _, c := range p.Doc.Calls {
			for _, h := range personalData(c).hits {
				p.Report(h.span, h.msg, h.hint)
			}
		}
	},
}

func init() { register(piiRaw) }
