package snippet_test

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// page puts a snippet where the documentation says: at the top of <head>,
// after the page's Content-Security-Policy when it has one.
func page(csp, s string) string {
	if csp != "" {
		csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
	}
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + csp + s +
		"<meta charset=\"utf-8\">\n<title>Shop</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n" +
		"<body>\n<h1>Thanks</h1>\n<script src=\"/app.js\"></script>\n</body>\n</html>\n"
}

const noncePolicy = "script-src 'nonce-r4nd0m' https://bzrcdn.openai.com; connect-src https://bzr.openai.com https://bzrcdn.openai.com; img-src https://bzr.openai.com"

// Every snippet the command can print lints clean in a page; only debug is
// reported, since it must come out before going live, and a missing nonce
// under a nonce-based policy.
func TestGeneratedSnippetLintsClean(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts snippet.Options
		csp  string
		want []string
	}{
		{"default", snippet.Options{}, "", nil},
		{"nonce", snippet.Options{Nonce: "r4nd0m"}, "", nil},
		{"consent denied", snippet.Options{ConsentDenied: true}, "", nil},
		{"user template", snippet.Options{User: true}, "", nil},
		{"all but debug", snippet.Options{Nonce: "r4nd0m", ConsentDenied: true, User: true}, "", nil},
		{"debug", snippet.Options{Debug: true}, "", []string{"init-debug-enabled"}},
		{"nonce under a nonce policy", snippet.Options{Nonce: "r4nd0m"}, noncePolicy, nil},
		{"no nonce under a nonce policy", snippet.Options{}, noncePolicy, []string{"csp-nonce-missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.PixelID = "px_4f8a2c"
			s, err := snippet.Generate(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := extract.File("index.html", []byte(page(tc.csp, s)), extract.Options{})
			if len(doc.Calls) == 0 {
				t.Fatalf("no calls extracted from\n%s", s)
			}
			findings := rules.Check(doc, rules.Options{})
			var got []string
			for _, f := range findings {
				got = append(got, f.Rule)
			}
			if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
				for _, f := range findings {
					t.Errorf("%d:%d [%s] %s", f.Span.Start.Line, f.Span.Start.Col, f.Rule, f.Message)
				}
				t.Errorf("rules %v, want %v", got, tc.want)
			}
		})
	}
}
