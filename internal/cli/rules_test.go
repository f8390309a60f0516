package cli

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

var updateRulesDoc = flag.Bool("update-rules-doc", false, "rewrite docs/rules.md from the rule registry")

var rulesDocPath = filepath.Join("..", "..", "docs", "rules.md")

// docs/rules.md is generated; this fails when the registry changed and the
// document was not regenerated.
func TestRulesDocMatchesRegistry(t *testing.T) {
	want := report.RulesMarkdown(rules.All())
	if *updateRulesDoc {
		if err := os.WriteFile(rulesDocPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(rulesDocPath)
	if err != nil || string(got) != want {
		t.Errorf("docs/rules.md is out of date with the rule registry (%v); regenerate it: go generate ./internal/cli", err)
	}
	out, _, code := runCLI(t, "", "rules", "--format", "markdown")
	if code != ExitOK || out != want {
		t.Errorf("rules --format markdown (code %d) differs from what the document is generated from", code)
	}
}

func TestRulesListsEveryRuleAligned(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Skip("no rules registered yet")
	}
	out, _, code := runCLI(t, "", "rules")
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(all)+1 || !strings.HasPrefix(lines[0], "RULE") {
		t.Fatalf("want a header and %d rules, got %d lines", len(all), len(lines))
	}
	sevCol := strings.Index(lines[0], "SEVERITY")
	for i, r := range all {
		line := lines[i+1]
		if !strings.HasPrefix(line, r.ID+" ") || !strings.HasSuffix(line, r.Title) {
			t.Errorf("line %q does not list %s", line, r.ID)
		}
		if !strings.HasPrefix(line[sevCol:], r.Severity.String()) {
			t.Errorf("severity column not aligned: %q", line)
		}
	}
}

func TestRulesJSON(t *testing.T) {
	out, _, code := runCLI(t, "", "rules", "--format", "json")
	var doc struct {
		Version int `json:"version"`
		Rules   []struct {
			ID, Severity, Title, Doc, Spec string
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != ExitOK {
		t.Fatalf("code %d, %v\n%s", code, err, out)
	}
	all := rules.All()
	if doc.Version != 1 || len(doc.Rules) != len(all) {
		t.Fatalf("version %d, %d rules, want %d", doc.Version, len(doc.Rules), len(all))
	}
	for i, r := range all {
		got := doc.Rules[i]
		if got.ID != r.ID || got.Severity != r.Severity.String() || got.Title != r.Title || got.Doc != r.Doc || got.Spec != r.Spec {
			t.Errorf("rule %d: %+v", i, got)
		}
	}
}

func TestRulesFormatErrors(t *testing.T) {
	for _, args := range [][]string{
		{"rules", "--format", "sarif"},
		{"rules", "--format", "json=out.json"},
		{"rules", "--format", "json", "--format", "text"},
	} {
		if _, _, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: code %d, want 2", args, code)
		}
	}
}

// Every registered rule explains itself: title, severity, doc and the
// sentence of the specification it comes from.
func TestExplainEveryRule(t *testing.T) {
	for _, r := range rules.All() {
		out, _, code := runCLI(t, "", "explain", r.ID)
		if code != ExitOK {
			t.Errorf("%s: code %d", r.ID, code)
			continue
		}
		if !strings.HasPrefix(out, r.ID+" ("+r.Severity.String()+"): "+r.Title+"\n") {
			t.Errorf("%s: heading %q", r.ID, strings.SplitN(out, "\n", 2)[0])
		}
		if strings.Contains(out, "```") {
			t.Errorf("%s: code fences left in terminal output", r.ID)
		}
		if r.Spec != "" && !strings.Contains(out, "Specification:\n  > ") {
			t.Errorf("%s: no specification quote", r.ID)
		}
	}
}

func TestExplainForgivesSpellingAndSuggests(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Skip("no rules registered yet")
	}
	id := all[0].ID
	for _, spelling := range []string{strings.ToUpper(id), "[" + id + "]", strings.ReplaceAll(id, "-", "_")} {
		if _, _, code := runCLI(t, "", "explain", spelling); code != ExitOK {
			t.Errorf("explain %q: code %d", spelling, code)
		}
	}
	typo := id[:len(id)-1] + "q"
	if rules.Lookup(typo) == nil {
		_, errOut, code := runCLI(t, "", "explain", typo)
		if code != ExitUsage || !strings.Contains(errOut, `did you mean "`+id+`"`) {
			t.Errorf("explain %q: code %d, %q", typo, code, errOut)
		}
	}
	_, errOut, code := runCLI(t, "", "explain", "zzzzzzzzzzzzzzzzzzzzzzz")
	if code != ExitUsage || !strings.Contains(errOut, "'oaiq-lint rules' lists them all") || strings.Contains(errOut, "did you mean") {
		t.Errorf("unknown id: code %d, %q", code, errOut)
	}
}

func TestClosestIDs(t *testing.T) {
	ids := []string{"hash-format", "hash-sentinel", "country-code", "city-length"}
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"hash-fromat", `"hash-format"`},
		{"county-code", `"country-code"`},
		{"sentinel", `"hash-sentinel"`},
		{"nothing-like-it", ""},
	} {
		if got := strings.Join(suggest.Closest(tc.in, ids), " or "); got != tc.want {
			t.Errorf("closestIDs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
