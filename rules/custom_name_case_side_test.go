package rules_test

import (
	"strings"
	"testing"
)

// The unsafe rename of a custom name says which other side must change:
// the server's for a browser call, the browser's for a server event.
func TestCustomNameCaseFixNamesTheOtherSide(t *testing.T) {
	for _, tt := range []struct{ name, code, other string }{
		{"page.js", `oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "QuoteRequested" });`, "server"},
		{"send.js", `await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", body: JSON.stringify({ events: [{ id: "a", type: "custom", custom_event_name: "QuoteRequested", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "custom" } }] }) });`, "browser"},
	} {
		found := false
		for _, f := range lintInput(tt.name, []byte(tt.code), lintOptions{}) {
			if f.Rule != "custom-name-case" {
				continue
			}
			found = true
			if f.Fix == nil || !strings.Contains(f.Fix.Description, "(change the "+tt.other+" side too)") {
				t.Errorf("%s: fix %+v, want it to name the %s side", tt.name, f.Fix, tt.other)
			}
		}
		if !found {
			t.Errorf("%s: no custom-name-case finding", tt.name)
		}
	}
}
