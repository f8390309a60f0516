package rules_test

// Response-header policies of a page fixture: a header has no line in the
// page to carry an inline expectation.

import (
	"os"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

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
			[]string{"csp-blocks-sdk: the Content-Security-Policy-Report-Only response header would block the pixel once enforced (today it only reports): loading the SDK from https://bzrcdn.openai.com (blocked by default-src), sending events to https://bzr.openai.com (blocked by default-src), fetching the per-pixel configuration from https://bzrcdn.openai.com (blocked by default-src) and image requests to https://bzr.openai.com (blocked by default-src)"}},
		{"two headers, one blocks", []string{"script-src https: 'unsafe-inline'", "img-src 'self'"}, nil,
			[]string{"csp-blocks-sdk: the Content-Security-Policy response header blocks the pixel: image requests to https://bzr.openai.com (blocked by img-src)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := extract.Page("late.html", data, extract.Options{
				URL: "https://shop.example.com/thanks", CSPHeaders: tt.enforced, CSPReportOnlyHeaders: tt.reporting,
			})
			var got []string
			for _, f := range rules.Check(doc, rules.Options{}) {
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
