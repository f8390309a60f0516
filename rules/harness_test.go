package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// logFixtures lists testdata/log/*.jsonl and *.json; each has a sibling
// .want file with one expected finding per line: "line:col rule pointer".
func logFixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.jsonl", "*.json"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "log", pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Fatal("no log fixtures")
	}
	return out
}

func wantPath(fixture string) string {
	return strings.TrimSuffix(fixture, filepath.Ext(fixture)) + ".want"
}

// findingKey is how a finding is written in a .want file.
func findingKey(f model.Finding) string {
	k := fmt.Sprintf("%d:%d %s", f.Span.Start.Line, f.Span.Start.Col, f.Rule)
	if f.Span.Pointer != "" {
		k += " " + f.Span.Pointer
	}
	return k
}

func readWant(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: every fixture needs a .want file (empty when clean): %v", path, err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Join(strings.Fields(line), " "))
	}
	return out
}

func lintFile(t *testing.T, path string) []model.Finding {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := eventlog.Parse(filepath.Base(path), data)
	return Check(doc, Options{})
}

// TestLogFixtures fails on an expected finding that is missing and on any
// finding nobody expected.
func TestLogFixtures(t *testing.T) {
	for _, fx := range logFixtures(t) {
		t.Run(filepath.Base(fx), func(t *testing.T) {
			want := map[string]int{}
			for _, w := range readWant(t, wantPath(fx)) {
				want[w]++
			}
			got := map[string]int{}
			byKey := map[string]model.Finding{}
			for _, f := range lintFile(t, fx) {
				k := findingKey(f)
				got[k]++
				byKey[k] = f
			}
			for k, n := range got {
				if want[k] < n {
					f := byKey[k]
					t.Errorf("unexpected: %s  (%s: %s | %s)", k, f.Severity, f.Message, f.Hint)
				}
			}
			for k, n := range want {
				if got[k] < n {
					t.Errorf("missing:    %s", k)
				}
			}
		})
	}
}

// TestSpecExamplesAreClean: every example call of the documentation is
// free of errors and warnings.
func TestSpecExamplesAreClean(t *testing.T) {
	fs := lintFile(t, filepath.Join("..", "testdata", "log", "spec-examples.jsonl"))
	for _, f := range fs {
		if f.Severity >= model.Warning {
			t.Errorf("%s: %s %s", findingKey(f), f.Severity, f.Message)
		}
	}
}

// TestEveryRuleIsDocumentedAndTriggered: each rule has a title, doc, spec
// sentence, and at least one fixture expecting it.
func TestEveryRuleIsDocumentedAndTriggered(t *testing.T) {
	triggered := map[string]bool{}
	for _, fx := range logFixtures(t) {
		for _, w := range readWant(t, wantPath(fx)) {
			if f := strings.Fields(w); len(f) > 1 {
				triggered[f[1]] = true
			}
		}
	}
	for id := range goFixtureRules {
		triggered[id] = true
	}
	for _, r := range All() {
		if r.Title == "" || r.Doc == "" || r.Spec == "" {
			t.Errorf("%s: missing Title, Doc or Spec", r.ID)
		}
		if r.Severity == 0 {
			t.Errorf("%s: no severity", r.ID)
		}
		if strings.HasPrefix(r.ID, "snippet-") || strings.HasPrefix(r.ID, "csp-") || r.ID == "server-api-in-browser" || r.ID == "parse-error" || r.ID == "call-before-loader" {
			continue // page rules: their fixtures live with the page extractor
		}
		if !triggered[r.ID] {
			t.Errorf("%s: no fixture triggers it", r.ID)
		}
	}
}

// TestNoRawPersonalDataInFindings: no message or hint repeats an e-mail
// address or phone number that a fixture holds.
func TestNoRawPersonalDataInFindings(t *testing.T) {
	for _, fx := range logFixtures(t) {
		for _, f := range lintFile(t, fx) {
			for _, s := range []string{f.Message, f.Hint} {
				if strings.Contains(s, "@") && !strings.Contains(s, "***@") {
					t.Errorf("%s %s: raw e-mail in %q", filepath.Base(fx), findingKey(f), s)
				}
				for _, raw := range []string{"jane.doe@example.org", "415-555-0199", "+1 415 555 0199", "4155550199", "user@example.com"} {
					if strings.Contains(s, raw) {
						t.Errorf("%s %s: raw personal data %q in %q", filepath.Base(fx), findingKey(f), raw, s)
					}
				}
			}
		}
	}
}
