package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// The bundled Next.js example: a late <Script>, debug left on, a wrong
// event name and a lower-case currency in TSX, each at its line and column
// in the file as written (non-ASCII text comes before each of them).
func TestCheckNextjsExampleFindsFrameworkMistakesAtExactPositions(t *testing.T) {
	out, errOut, code := runCLI(t, "", "check", "../../examples/nextjs", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("code %d, want %d\nstderr: %s\n%s", code, ExitFindings, errOut, out)
	}
	var raw struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	type key struct {
		rule, file        string
		line, col, endCol int
	}
	got := map[key]map[string]any{}
	for _, f := range raw.Findings {
		file := f["file"].(string)
		file = file[strings.Index(file, "examples/nextjs/")+len("examples/nextjs/"):]
		k := key{f["rule"].(string), file, int(f["line"].(float64)), int(f["column"].(float64)), int(f["end_column"].(float64))}
		got[k] = f
		if f["severity"] != "info" && f["rule"] != "event-name-unknown" && f["rule"] != "currency-code" && f["rule"] != "snippet-late" && f["rule"] != "init-debug-enabled" {
			t.Errorf("unexpected %v", f)
		}
	}
	want := []key{
		{"snippet-late", "app/layout.tsx", 12, 20, 38},
		{"init-debug-enabled", "app/layout.tsx", 29, 64, 68},
		{"event-name-unknown", "app/checkout/success/page.tsx", 16, 30, 46},
		{"currency-code", "app/checkout/success/page.tsx", 16, 92, 97},
	}
	for _, w := range want {
		f, ok := got[w]
		if !ok {
			t.Errorf("missing %+v in\n%s", w, out)
			continue
		}
		if w.rule == "snippet-late" && (!strings.Contains(f["message"].(string), `strategy="afterInteractive"`) || !strings.Contains(f["hint"].(string), "beforeInteractive")) {
			t.Errorf("snippet-late must name the strategy and the fix: %v", f)
		}
	}
}
