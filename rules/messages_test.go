package rules

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
)

// TestMessagesNameTheRealProblem: a finding's message and hint say what is
// actually wrong (white space is not a case error, a hash field holding an
// address needs hashing, not moving) and never propose nonsense fixes.
func TestMessagesNameTheRealProblem(t *testing.T) {
	cases := []struct{ record, rule, want string }{
		{`["init",{"pixelId":"p","user":{"country":" US"}}]`, "country-code", `white space around the code: use "US"`},
		{`["measure","order_created",{"type":"contents","amount":1,"currency":"USD "}]`, "currency-code", `white space around the code: use "USD"`},
		{`["measure","order_created ",{"type":"contents"}]`, "event-name-unknown", `white space around "order_created"`},
		{`["measure","order_created",{"type":"contents","amount":"NaN","currency":"USD"}]`, "amount-not-integer", `such as 2599 for 25.99 USD`},
		{`["measure","order_created",{"type":"contents","amount":1e400,"currency":"USD"}]`, "amount-not-integer", `overflows to Infinity`},
		{`["measure","order_created",{"type":"contents","amount":-1e400,"currency":"USD"}]`, "amount-not-integer", `overflows to -Infinity`},
		{`["measure","order_created",{"type":"contents","amount":4999}]`, "currency-missing", `4999 is 49.99 in USD but 4999 in JPY`},
		{`["measure","order_created",{"type":"contents","amount":"x"}]`, "currency-missing", `the string "x" means nothing without one`},
		{`["init",{"pixelId":"p","user":{"email_sha256":"` + strings.Repeat("z", 64) + `"}}]`, "hash-format", `not all hex digits`},
		{`["init",{"pixelId":"p","user":{"email_sha256":"jane@example.org"}}]`, "pii-raw", `hash it:`},
		{`["init",{"pixelId":"p","user":{"phone_sha256":"` + strings.Repeat("a", 64) + `"}}]`, "pii-raw", `phone numbers or their hashes`},
		{`["consent","jane@example.org"]`, "pii-raw", `in the consent value`},
		{`["measure","custom",{"type":"custom"},{"custom_event_name":"Café"}]`, "custom-name-format", `use "cafe"`},
	}
	for _, c := range cases {
		doc, _ := eventlog.Parse("m.jsonl", []byte(`["init",{"pixelId":"px_1"}]`+"\n"+c.record+"\n"))
		found := false
		for _, f := range Check(doc, Options{}) {
			if f.Rule == c.rule {
				found = true
				if text := f.Message + " | " + f.Hint; !strings.Contains(text, c.want) || strings.Contains(text, "NaN for") || strings.Contains(text, "+Inf") {
					t.Errorf("%s: %s: %q, want it to say %q", c.record, c.rule, text, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s finding", c.record, c.rule)
		}
	}
}
