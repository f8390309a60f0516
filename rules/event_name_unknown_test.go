package rules_test

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// Another pixel's event name on data written for this pixel: the fix
// renames the event and nothing else. Its amount is in minor units
// already; multiplying by 100 belongs to translating a foreign value
// (review A2).
func TestVendorEventNameOnPixelDataIsOnlyRenamed(t *testing.T) {
	for _, tc := range []struct{ code, want string }{
		{`oaiq("measure", "Purchase", { type: "contents", amount: 2599, currency: "USD" })`, "order_created"},
		{`oaiq("measure", "AddToCart", { type: "contents", amount: 2599, currency: "USD", contents: [{ id: "a", quantity: 1, amount: 2599 }] })`, "items_added"},
		{`oaiq("measure", "Lead")`, "lead_created"},
	} {
		doc, _ := extract.Script("t.js", []byte(tc.code), extract.Options{})
		var f *model.Finding
		for _, x := range rules.Check(doc, rules.Options{}) {
			if x.Rule == "event-name-unknown" {
				f = &x
			}
		}
		if f == nil || f.Fix == nil {
			t.Errorf("%s: no event-name-unknown finding with a fix: %+v", tc.code, f)
			continue
		}
		if len(f.Fix.Edits) != 1 || f.Fix.Edits[0].New != tc.want || f.Fix.Applicability != model.Unsafe {
			t.Errorf("%s: fix %+v, want one unsafe edit writing %s", tc.code, f.Fix, tc.want)
		}
		if strings.Contains(f.Hint, "259900") {
			t.Errorf("%s: hint multiplies the amount: %s", tc.code, f.Hint)
		}
	}
}

// A call translated whole keeps the pixel's own amount as written; only a
// foreign value is converted to minor units.
func TestTranslationKeepsThePixelsAmount(t *testing.T) {
	for _, tc := range []struct{ code, hint string }{
		{`oaiq('track', 'Purchase', { amount: 2599, currency: 'USD' })`, `send oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" })`},
		{`oaiq('measure', 'Purchase', { amount: cart.amount, currency: 'USD', content_ids: ['a'] })`, `send oaiq("measure", "order_created", { type: "contents", amount: cart.amount, currency: "USD", contents: [{ id: "a", quantity: 1 }] })`},
		{`oaiq('measure', 'Purchase', { value: 25.99, currency: 'USD', content_ids: ['a'] })`, `send oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", contents: [{ id: "a", quantity: 1 }] })`},
	} {
		doc, _ := extract.Script("t.js", []byte(tc.code), extract.Options{})
		found := false
		for _, f := range rules.Check(doc, rules.Options{}) {
			if f.Rule == "event-name-unknown" || f.Rule == "command-unknown" {
				found = true
				if f.Hint != tc.hint {
					t.Errorf("%s:\n got hint %s\nwant hint %s", tc.code, f.Hint, tc.hint)
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding", tc.code)
		}
	}
}
