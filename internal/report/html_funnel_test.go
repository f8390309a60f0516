package report

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestFunnelCountsTargetsCallsAndEventIDs(t *testing.T) {
	f := newFunnel(htmlStandardEvents)
	f.add(Result{Events: []EventInfo{
		{Name: "order_created", EventID: Present},
		{Name: "order_created", EventID: Absent},
		{Name: "order_created", EventID: Unknown},
		{Name: "custom", Custom: "quote_requested", EventID: Present},
		{Name: "custom"},
	}})
	f.add(Result{Events: []EventInfo{
		{Name: "order_created", EventID: Present, Side: model.Server},
		{Name: "custom", Custom: "quote_requested", Side: model.Server},
		{Name: "Purchase"},
		{Name: ""},
	}})
	rows := map[string]funnelRow{}
	groups := map[string]string{}
	for _, g := range f.view().Groups {
		for _, r := range g.Rows {
			rows[r.Event+r.Note] = r
			groups[r.Event+r.Note] = g.Title
		}
	}
	cases := []struct {
		key                      string
		targets, browser, server int
		share, class, group      string
		conversion               bool
	}{
		{"order_created", 2, 3, 1, "2 of 3 (67%), 1 not known statically", "partial", "Standard events", true},
		{"quote_requested", 2, 1, 1, "1 of 2 (50%)", "partial", "Custom events", true},
		{"customcustom_event_name missing or not known statically", 1, 1, 0, "0 of 1 (0%)", "bad", "Custom events", true},
		{"Purchase", 1, 1, 0, "0 of 1 (0%)", "bad", "Other event names (not standard events of the JavaScript pixel)", false},
		{"event name not known statically", 1, 1, 0, "0 of 1 (0%)", "bad", "Other event names (not standard events of the JavaScript pixel)", false},
		{"trial_started", 0, 0, 0, "", "", "Standard events", true},
		{"page_viewed", 0, 0, 0, "", "", "Standard events", false},
	}
	for _, c := range cases {
		r, ok := rows[c.key]
		if !ok {
			t.Errorf("no funnel row %q", c.key)
			continue
		}
		if r.Targets != c.targets || r.Browser != c.browser || r.Server != c.server {
			t.Errorf("%s: targets/browser/server = %d/%d/%d, want %d/%d/%d", c.key, r.Targets, r.Browser, r.Server, c.targets, c.browser, c.server)
		}
		if r.Share() != c.share || r.ShareClass() != c.class || r.Conversion != c.conversion {
			t.Errorf("%s: share %q (%s) conversion %v, want %q (%s) %v", c.key, r.Share(), r.ShareClass(), r.Conversion, c.share, c.class, c.conversion)
		}
		if groups[c.key] != c.group {
			t.Errorf("%s: in group %q, want %q", c.key, groups[c.key], c.group)
		}
	}
	if n := len(f.view().Groups[0].Rows); n != 10 {
		t.Errorf("standard group has %d rows, want all 10 standard events", n)
	}
}

// Browser events pair with server events of the same name, event_id and
// pixel from any input of the run.
func TestFunnelCountsServerTwins(t *testing.T) {
	f := newFunnel(htmlStandardEvents)
	f.add(Result{Events: []EventInfo{
		{Name: "order_created", EventID: Present, ID: "o_1", Pixel: "px_1"},
		{Name: "order_created", EventID: Present, ID: "o_2", Pixel: "px_1"},
		{Name: "order_created", EventID: Present, ID: "o_3", Pixel: "px_1"},
		{Name: "order_created", EventID: Absent},
	}})
	f.add(Result{Events: []EventInfo{
		{Name: "order_created", EventID: Present, ID: "o_1", Pixel: "px_1", Side: model.Server},
		{Name: "order_created", EventID: Present, ID: "o_2", Pixel: "px_9", Side: model.Server},
		{Name: "checkout_started", EventID: Present, ID: "o_3", Pixel: "px_1", Side: model.Server},
	}})
	for _, g := range f.view().Groups {
		for _, r := range g.Rows {
			switch r.Event {
			case "order_created":
				if r.Twins() != "1 of 3" {
					t.Errorf("order_created twins = %q, want 1 of 3", r.Twins())
				}
			case "checkout_started":
				if r.Twins() != "" {
					t.Errorf("checkout_started twins = %q, want none", r.Twins())
				}
			}
		}
	}
}

// The Conversions API lower-cases custom_event_name: the server's
// Quote_Requested is counted in the browser's quote_requested row; a
// browser name keeps its case (review B1).
func TestFunnelServerCustomNameLowerCased(t *testing.T) {
	f := newFunnel(htmlStandardEvents)
	f.add(Result{Events: []EventInfo{
		{Name: "custom", Custom: "quote_requested"},
		{Name: "custom", Custom: "Quote_Requested", Side: model.Server},
		{Name: "custom", Custom: "Demo_Booked"},
	}})
	rows := map[string]funnelRow{}
	for _, g := range f.view().Groups {
		for _, r := range g.Rows {
			rows[r.Event] = r
		}
	}
	if r := rows["quote_requested"]; r.Browser != 1 || r.Server != 1 {
		t.Errorf("quote_requested: browser/server %d/%d, want 1/1", r.Browser, r.Server)
	}
	if _, ok := rows["Quote_Requested"]; ok {
		t.Error("the server's Quote_Requested has a row of its own")
	}
	if r := rows["Demo_Booked"]; r.Browser != 1 {
		t.Errorf("a browser name lost its case: %v", rows)
	}
}
