package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Across files as within one, a custom_event_name that differs in case
// only pairs (the Conversions API lower-cases it); any other difference
// is a double count. Review B1.
func TestCrossDedupCustomNameCase(t *testing.T) {
	ev := func(side model.Side, file, custom string) DedupEvent {
		return DedupEvent{Side: side, Pixel: "px_1", ID: "q_1", Name: "custom", Custom: custom, hasCustom: true,
			At: model.Span{File: file}, CustomAt: model.Span{File: file}}
	}
	for _, c := range []struct {
		browser, server string
		want            int
	}{
		{"quote_requested", "Quote_Requested", 0},
		{"Quote_Requested", "quote_requested", 0},
		{"quote_requested", "quote_request", 1},
	} {
		got := CrossDedup([]DedupEvent{ev(model.Browser, "page.html", c.browser)}, []DedupEvent{ev(model.Server, "capi.jsonl", c.server)})
		if len(got) != c.want {
			t.Errorf("browser %q, server %q: %d findings %v, want %d", c.browser, c.server, len(got), got, c.want)
		}
		for _, f := range got {
			if f.Rule != "dedup-custom-name-mismatch" {
				t.Errorf("rule %s", f.Rule)
			}
		}
	}
}
