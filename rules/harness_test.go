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

// logFixtures lists testdata/log/*.jsonl and *.json (their expectations
// are checked by TestFixtures).
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

func lintFile(t *testing.T, path string) []model.Finding {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := eventlog.Parse(filepath.Base(path), data)
	return Check(doc, Options{})
}

func findingKey(f model.Finding) string {
	return fmt.Sprintf("%d:%d %s %s", f.Span.Start.Line, f.Span.Start.Col, f.Rule, f.Span.Pointer)
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

// TestEveryRuleIsDocumented: each rule has a title, doc, spec sentence and
// severity. That each rule is raised is proven by its documentation's Bad
// example (TestDocExamplesRun) and by the fixtures (TestFixtures).
func TestEveryRuleIsDocumented(t *testing.T) {
	for _, r := range All() {
		if r.Title == "" || r.Doc == "" || r.Spec == "" {
			t.Errorf("%s: missing Title, Doc or Spec", r.ID)
		}
		if r.Severity == 0 {
			t.Errorf("%s: no severity", r.ID)
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
