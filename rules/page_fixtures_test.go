package rules_test

// End-to-end page fixtures: testdata/page/*.html go through the extractor
// and every rule; the findings of the page rules must match the inline
// expectations, `<!-- want "rule-id" -->` or `// want "rule-id:info"`, on
// the line where each finding starts. Missing and unexpected findings both
// fail. Call rules are left to their own fixtures.

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

var pageRuleIDs = map[string]bool{
	"snippet-missing": true, "snippet-not-in-head": true, "snippet-late": true, "snippet-duplicate": true,
	"snippet-src": true, "snippet-modified": true, "csp-blocks-sdk": true, "csp-nonce-missing": true,
	"server-api-in-browser": true, "parse-error": true, "call-before-loader": true,
}

var wantRE = regexp.MustCompile(`want "([a-z0-9-]+)(?::(error|warning|info))?"`)

func TestPageFixtures(t *testing.T) {
	files, err := filepath.Glob("../testdata/page/*.htm*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := extract.Page(path, data, extract.Options{Resolver: extract.DirResolver{PageDir: filepath.Dir(path)}})
			checkWants(t, path, string(data), pageFindings(rules.Check(doc, rules.Options{})))
		})
	}
}

func pageFindings(all []model.Finding) []model.Finding {
	var out []model.Finding
	for _, f := range all {
		if pageRuleIDs[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}

func checkWants(t *testing.T, path, text string, got []model.Finding) {
	t.Helper()
	type expectation struct {
		line     int
		rule     string
		severity string
	}
	var wants []expectation
	for i, line := range strings.Split(text, "\n") {
		for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
			wants = append(wants, expectation{i + 1, m[1], m[2]})
		}
	}
	used := make([]bool, len(wants))
	for _, f := range got {
		found := false
		for i, w := range wants {
			if !used[i] && w.line == f.Span.Start.Line && w.rule == f.Rule && (w.severity == "" || w.severity == f.Severity.String()) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s:%d: unexpected %s %s: %s (hint: %s)", path, f.Span.Start.Line, f.Severity, f.Rule, f.Message, f.Hint)
		}
	}
	var missing []string
	for i, w := range wants {
		if !used[i] {
			missing = append(missing, w.rule)
			t.Errorf("%s:%d: missing %s %s", path, w.line, w.rule, w.severity)
		}
	}
	sort.Strings(missing)
}

// TestPageHeaderPolicies checks response-header policies, which have no
// line to annotate: the page's own markup is clean.
func TestPageHeaderPolicies(t *testing.T) {
	data, err := os.ReadFile("../testdata/page/late.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		enforced  []string
		reporting []string
		want      []string // rule: message fragment
	}{
		{"nonce header, snippet without nonce", []string{"script-src 'nonce-abc' 'strict-dynamic'"}, nil,
			[]string{`csp-nonce-missing: the Content-Security-Policy response header blocks the inline pixel snippet`}},
		{"connect locked down", []string{"default-src 'self' 'unsafe-inline' https://bzrcdn.openai.com; img-src *"}, nil,
			[]string{"csp-blocks-sdk: the Content-Security-Policy response header blocks the pixel: sending events to https://bzr.openai.com (blocked by default-src)"}},
		{"report-only header", nil, []string{"default-src 'none'"},
			[]string{"csp-blocks-sdk: the Content-Security-Policy-Report-Only response header would block the pixel once enforced (today it only reports): loading the SDK from https://bzrcdn.openai.com (blocked by default-src), sending events to https://bzr.openai.com (blocked by default-src) and image requests to https://bzr.openai.com (blocked by default-src)"}},
		{"two headers, one blocks", []string{"script-src https: 'unsafe-inline'", "img-src 'self'"}, nil,
			[]string{"csp-blocks-sdk: the Content-Security-Policy response header blocks the pixel: image requests to https://bzr.openai.com (blocked by img-src)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := extract.Page("late.html", data, extract.Options{
				URL: "https://shop.example.com/thanks", CSPHeaders: tt.enforced, CSPReportOnlyHeaders: tt.reporting,
			})
			var got []string
			for _, f := range pageFindings(rules.Check(doc, rules.Options{})) {
				if strings.HasPrefix(f.Rule, "csp-") {
					got = append(got, f.Rule+": "+f.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d findings like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got %q, want prefix %q", got[i], tt.want[i])
				}
			}
		})
	}
}
