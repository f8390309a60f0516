package rules_test

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// Another vendor's call gets one finding whose hint is the whole call the
// pixel expects.
func TestVendorCallTranslatedInOneFinding(t *testing.T) {
	tests := []struct{ code, hint string }{
		{`oaiq('track','Purchase',{value: 189.99, currency:'USD', content_ids:['tent-2p'], num_items:1})`,
			`send oaiq("measure", "order_created", { type: "contents", amount: 18999, currency: "USD", contents: [{ id: "tent-2p", quantity: 1 }] })`},
		{`oaiq('track', 'Lead')`, `send oaiq("measure", "lead_created", { type: "customer_action" })`},
		{`oaiq('trackCustom', 'QuoteRequested', {value: 10, currency: 'eur'}, {eventID: 'evt-1'})`,
			`send oaiq("measure", "custom", { type: "custom", amount: 1000, currency: "EUR" }, { custom_event_name: "QuoteRequested", event_id: "evt-1" })`},
		{`oaiq('event', 'purchase', {value: order.total, currency: 'JPY', items: [{item_id: 'sku-1', quantity: 2}]})`,
			`send oaiq("measure", "order_created", { type: "contents", amount: Math.round(order.total), currency: "JPY", contents: [{ id: "sku-1", quantity: 2 }] })`},
		{`oaiq('track', 'Purchase', {value: 5, currency: 'USD', ...extra})`, `the pixel's commands are "init", "measure", "consent" and "measureSingle"; it ignores anything else`},
		{`oaiq('track', 'SomethingElse', {value: 5})`, `the pixel's commands are "init", "measure", "consent" and "measureSingle"; it ignores anything else`},
	}
	for _, tt := range tests {
		doc, _ := extract.Script("t.js", []byte(tt.code), extract.Options{})
		fs := rules.Check(doc, rules.Options{})
		if len(fs) != 1 || fs[0].Rule != "command-unknown" {
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule+": "+f.Message)
			}
			t.Errorf("%s: want one command-unknown, got %s", tt.code, strings.Join(got, "; "))
			continue
		}
		if fs[0].Hint != tt.hint {
			t.Errorf("%s:\n got hint %s\nwant hint %s", tt.code, fs[0].Hint, tt.hint)
		}
	}
}

// measure with another pixel's event name and data: the event-name finding
// carries the whole call.
func TestVendorEventTranslatedInItsHint(t *testing.T) {
	doc, _ := extract.Script("t.js", []byte(`oaiq('measure', 'Purchase', {value: 189.99, currency: 'USD', content_ids: ['tent-2p'], num_items: 1})`), extract.Options{})
	want := `send oaiq("measure", "order_created", { type: "contents", amount: 18999, currency: "USD", contents: [{ id: "tent-2p", quantity: 1 }] })`
	for _, f := range rules.Check(doc, rules.Options{}) {
		if f.Rule == "event-name-unknown" {
			if f.Hint != want {
				t.Errorf("hint %s\nwant %s", f.Hint, want)
			}
			return
		}
	}
	t.Error("no event-name-unknown finding")
}
