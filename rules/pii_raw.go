package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

var piiRaw = &Rule{
	ID:       "pii-raw",
	Severity: model.Error,
	Title:    "raw e-mail address, phone number or external ID in a call",
	Spec:     "Don't send raw email addresses, raw external IDs, phone numbers, or phone number hashes.",
	Doc: `The pixel matches conversions on hashed identifiers only. A raw e-mail
address or phone number in any field (a user field, an item name, an event
id) leaks personal data to an ad platform, and a field meant for one
(` + "`email`, `phone`, `phone_sha256`, `external_id`" + `) does the same. A Conversions
API event's ` + "`source_url`" + ` is sent as it is: personal data in its query
(a thank-you page's ` + "`?email=…`" + `) leaks too: an e-mail address by its shape
in any parameter, a phone number written as one in a parameter named for
it (` + "`?email=1`" + ` or ` + "`?phone=ios`" + ` is no personal data). Findings show the
value redacted.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123", user: { email: "jane@example.org" } });
` + "```" + `
Bad (a Conversions API event's source_url):
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks?email=jane@example.org", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } }); // sha256 of the trimmed, lower-cased address`),
	Check: func(p *Pass) {
		for _, c := range p.Doc.Calls {
			for _, h := range personalData(c).hits {
				p.Report(h.span, h.msg, h.hint)
			}
			checkSourceURLPersonalData(p, c)
		}
	},
}

// checkSourceURLPersonalData reports raw personal data in a Conversions
// API event's source_url query (a thank-you page's ?email=…): the URL is
// sent to the ad platform as it is. (The event's user object is
// capi-user-raw's.)
func checkSourceURLPersonalData(p *Pass, c *model.Call) {
	if c.Event == nil {
		return
	}
	v := c.Event.Get(pixel.EventSourceURL)
	s, ok := v.StringValue()
	if !ok {
		return
	}
	if kind, found := queryPersonalData(s); found {
		p.Report(v.Span, fmt.Sprintf("raw %s in source_url %s: the URL is sent to the ad platform as it is", kind, quoteURL(s)),
			"send the page's origin and path only (the API recommends them), without the query that carries personal data")
	}
}

// queryPersonalData finds the first raw e-mail address or phone number in
// a URL's query: an e-mail address by its shape, a phone number written
// as one in a parameter named for it (phone=, tel=). Digits alone are no finding: a query
// is full of order numbers and dates. Every server event passes here, so
// the query is walked without copies and the shape search runs only on a
// value holding an '@'.
func queryPersonalData(u string) (pii.Kind, bool) {
	_, query, ok := strings.Cut(u, "?")
	if !ok {
		return "", false
	}
	query, _, _ = strings.Cut(query, "#")
	for query != "" {
		var kv string
		kv, query, _ = strings.Cut(query, "&")
		k, val, _ := strings.Cut(kv, "=")
		if val == "" {
			continue
		}
		// A parameter named for a phone counts when its value is written
		// like one (?phone=ios is a platform); an address is found by its
		// shape, whatever the parameter's name (?email=1 is a flag).
		if kind, named := pii.KeyKind(k); named && kind == pii.Phone {
			if dec, err := url.QueryUnescape(val); err == nil && pii.IsPhone(dec) {
				return kind, true
			}
		}
		if strings.Contains(val, "@") || strings.Contains(val, "%40") {
			for _, m := range pii.Find(val) {
				if m.Kind == pii.Email {
					return m.Kind, true
				}
			}
		}
	}
	return "", false
}

func init() { register(piiRaw) }
