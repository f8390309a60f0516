package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/csp"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func meta(text string) model.CSPPolicy {
	return model.CSPPolicy{Origin: "meta", Text: text, Span: span(3, 3)}
}

func header(text string) model.CSPPolicy {
	return model.CSPPolicy{Origin: "header", Text: text, Span: model.Span{File: "https://shop.example.com/"}}
}

// cspPage is a page with the given loaders (the documented stub when none)
// and policies.
func cspPage(policies []model.CSPPolicy, loaders ...model.LoaderSighting) *model.Document {
	if len(loaders) == 0 {
		loaders = []model.LoaderSighting{stub()}
	}
	return page(model.PageFacts{Loaders: loaders, Policies: policies})
}

func withNonce(l model.LoaderSighting, nonce string) model.LoaderSighting {
	l.Nonce = nonce
	return l
}

var snippetHash = csp.HashSource("sha256", docSnippet)

func TestCSPBlocksSDK(t *testing.T) {
	const google = "script-src 'nonce-r4nd0m' 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'"
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"no policy", cspPage(nil), nil},
		{"default-src self only", cspPage([]model.CSPPolicy{meta("default-src 'self'")}), []want{{model.Error, 3,
			[]string{"the <meta> Content-Security-Policy (line 3) blocks the pixel: loading the SDK from https://bzrcdn.openai.com (blocked by default-src), sending events to https://bzr.openai.com (blocked by default-src), fetching the per-pixel configuration from https://bzrcdn.openai.com (blocked by default-src) and image requests to https://bzr.openai.com (blocked by default-src)"},
			[]string{
				"add the directives `script-src 'self' https://bzrcdn.openai.com " + snippetHash + "`, `connect-src 'self' https://bzr.openai.com https://bzrcdn.openai.com` and `img-src 'self' https://bzr.openai.com` (each repeats default-src, which it replaces for its requests)"}}}},
		{"self on a known origin", func() *model.Document {
			d := cspPage([]model.CSPPolicy{meta("default-src 'self'; script-src 'self' 'unsafe-inline' https://bzrcdn.openai.com")})
			d.Page.URL = "https://shop.example.com/thanks"
			return d
		}(), []want{{model.Error, 3, []string{"blocks the pixel: sending events to https://bzr.openai.com (blocked by default-src), fetching the per-pixel configuration from https://bzrcdn.openai.com (blocked by default-src) and image requests"}, nil}}},
		{"the documented good policy (four rows since P5)", cspPage([]model.CSPPolicy{meta("default-src 'self'; script-src 'self' " + snippetHash +
			" https://bzrcdn.openai.com; connect-src 'self' https://bzr.openai.com https://bzrcdn.openai.com; img-src 'self' https://bzr.openai.com")}), nil},
		{"the three rows of P3 block the configuration fetch", cspPage([]model.CSPPolicy{meta("default-src 'self'; script-src 'self' " + snippetHash +
			" https://bzrcdn.openai.com; connect-src 'self' https://bzr.openai.com; img-src 'self' https://bzr.openai.com")}), []want{{model.Error, 3,
			[]string{"the <meta> Content-Security-Policy (line 3) blocks the pixel: fetching the per-pixel configuration from https://bzrcdn.openai.com (blocked by connect-src)"},
			[]string{"add https://bzrcdn.openai.com to connect-src"}}}},
		{"google's strict policy with nonce", cspPage([]model.CSPPolicy{header(google)}, withNonce(stub(), "r4nd0m")), nil},
		{"strict-dynamic: the nonce is csp-nonce-missing's, not ours", cspPage([]model.CSPPolicy{header(google)}), nil},
		{"wildcard subdomains", cspPage([]model.CSPPolicy{meta("default-src 'self' 'unsafe-inline' *.openai.com")}), nil},
		{"https scheme", cspPage([]model.CSPPolicy{meta("default-src https: 'unsafe-inline'")}), nil},
		{"none", cspPage([]model.CSPPolicy{meta("default-src 'none'; script-src 'unsafe-inline' https://bzrcdn.openai.com")}), []want{{model.Error, 3,
			[]string{"sending events to https://bzr.openai.com (blocked by default-src), fetching the per-pixel configuration from https://bzrcdn.openai.com (blocked by default-src) and image requests to https://bzr.openai.com (blocked by default-src)"},
			[]string{"add the directives `connect-src https://bzr.openai.com https://bzrcdn.openai.com` and `img-src https://bzr.openai.com`"}}}},
		{"existing directives get the source", cspPage([]model.CSPPolicy{meta("script-src 'self' 'unsafe-inline'; connect-src 'self'; img-src data:")}), []want{{model.Error, 3,
			[]string{"(blocked by script-src)", "(blocked by connect-src)", "(blocked by img-src)"},
			[]string{"add https://bzrcdn.openai.com to script-src; add https://bzr.openai.com https://bzrcdn.openai.com to connect-src; add https://bzr.openai.com to img-src"}}}},
		{"script-src-elem overrides script-src", cspPage([]model.CSPPolicy{meta("script-src https://bzrcdn.openai.com 'unsafe-inline'; script-src-elem 'self' 'unsafe-inline'")}), []want{{model.Error, 3,
			[]string{"blocks the pixel: loading the SDK from https://bzrcdn.openai.com (blocked by script-src-elem)"},
			[]string{"add https://bzrcdn.openai.com to script-src-elem"}}}},
		{"report-only never blocks, but says it would", cspPage([]model.CSPPolicy{{Origin: "header", Text: "default-src 'none'", ReportOnly: true}}), []want{{model.Info, 0,
			[]string{"Content-Security-Policy-Report-Only response header would block the pixel once enforced (today it only reports)"}, nil}}},
		{"report-only in meta is ignored by browsers", cspPage([]model.CSPPolicy{{Origin: "meta", Text: "default-src 'none'", ReportOnly: true}}), nil},
		{"header with two policies", cspPage([]model.CSPPolicy{header("script-src https: 'unsafe-inline', connect-src 'none'")}), []want{{model.Error, 0,
			[]string{"policy 2 of Content-Security-Policy response header blocks the pixel: sending events to https://bzr.openai.com (blocked by connect-src)"}, nil}}},
		{"two policies both block", cspPage([]model.CSPPolicy{meta("connect-src 'self'"), header("img-src 'self'")}), []want{
			{model.Error, 0, []string{"the Content-Security-Policy response header blocks the pixel: image requests"}, nil},
			{model.Error, 3, []string{"the <meta> Content-Security-Policy (line 3) blocks the pixel: sending events"}, nil}}},
		{"templated source is not judged", cspPage([]model.CSPPolicy{meta("default-src 'self' {{ csp_hosts }} 'unsafe-inline'")}), nil},
		{"script tag under nonce policy is csp-nonce-missing's", cspPage([]model.CSPPolicy{header("script-src 'nonce-r4nd0m'")}, scriptTag()), nil},
		{"script tag under hash-only policy", cspPage([]model.CSPPolicy{meta("script-src 'self' 'sha256-AAAA'")}, scriptTag()), []want{{model.Error, 3,
			[]string{"loading the SDK from https://bzrcdn.openai.com (blocked by script-src)"}, nil}}},
		{"calls without a loader still need the hosts", func() *model.Document {
			d := cspPage([]model.CSPPolicy{meta("connect-src 'self'")})
			d.Page.Loaders = nil
			return d
		}(), []want{{model.Error, 3, []string{"sending events"}, nil}}},
		{"a page without the pixel", &model.Document{Kind: model.Page, Page: &model.PageFacts{HasHead: true, Policies: []model.CSPPolicy{meta("default-src 'none'")}}}, nil},
		{"fragment never", withKind(cspPage([]model.CSPPolicy{meta("default-src 'self'")}), model.Fragment), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runRule(t, "csp-blocks-sdk", tt.doc)
			SortFindings(got)
			expect(t, got, tt.wants...)
		})
	}
}

func TestCSPNonceMissing(t *testing.T) {
	const strict = "script-src 'nonce-r4nd0m' 'strict-dynamic'"
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"no policy", cspPage(nil), nil},
		{"nonce present", cspPage([]model.CSPPolicy{header(strict)}, withNonce(stub(), "r4nd0m")), nil},
		{"nonce missing", cspPage([]model.CSPPolicy{header(strict)}), []want{{model.Error, 5,
			[]string{"the Content-Security-Policy response header blocks the inline pixel snippet, so the pixel never loads: its <script> has no nonce; script-src allows inline scripts only by nonce or hash, and none matches this script"},
			[]string{`add nonce="r4nd0m" from the page's policy to this <script>, or add ` + snippetHash + " to script-src"}}}},
		{"wrong nonce", cspPage([]model.CSPPolicy{header(strict)}, withNonce(stub(), "stale")), []want{{model.Error, 5,
			[]string{`its <script> has nonce "stale", which the policy does not list`}, nil}}},
		{"nonce on the element, none in the policy", cspPage([]model.CSPPolicy{meta("script-src 'self'")}, withNonce(stub(), "abc")), []want{{model.Error, 5,
			[]string{`its <script> has nonce "abc" but the policy lists none; script-src has no 'unsafe-inline', nonce or hash, so it blocks every inline script`},
			[]string{"add " + snippetHash + " to script-src"}}}},
		{"matching hash", cspPage([]model.CSPPolicy{meta("script-src " + snippetHash + " https://bzrcdn.openai.com")}), nil},
		{"hash of CRLF text matches the LF hash", func() *model.Document {
			l := stub()
			l.Inline = "a\r\nb"
			return cspPage([]model.CSPPolicy{meta("script-src 'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='")}, l)
		}(), nil},
		{"stale hash", cspPage([]model.CSPPolicy{meta("script-src 'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg=' https://bzrcdn.openai.com")}), []want{{model.Error, 5,
			[]string{"script-src allows inline scripts only by nonce or hash, and none matches this script"},
			[]string{"add " + snippetHash + " to script-src"}}}},
		{"unsafe-inline without nonce", cspPage([]model.CSPPolicy{meta("script-src 'unsafe-inline' https://bzrcdn.openai.com")}), nil},
		{"unsafe-inline ignored beside a nonce", cspPage([]model.CSPPolicy{meta("script-src 'unsafe-inline' 'nonce-r4nd0m'")}), []want{{model.Error, 5,
			[]string{"script-src ignores 'unsafe-inline'"}, []string{`add nonce="r4nd0m"`}}}},
		{"default-src self only: the new script-src carries hash and CDN", cspPage([]model.CSPPolicy{meta("default-src 'self'")}), []want{{model.Error, 5,
			[]string{"default-src has no 'unsafe-inline', nonce or hash, so it blocks every inline script"},
			[]string{"add the directive `script-src 'self' https://bzrcdn.openai.com " + snippetHash + "` (it repeats default-src, which it replaces for these requests)"}}}},
		{"script-src-elem holds the nonce", cspPage([]model.CSPPolicy{meta("script-src 'unsafe-inline'; script-src-elem 'nonce-xyz' 'strict-dynamic'")}), []want{{model.Error, 5,
			[]string{"script-src-elem allows inline scripts only by nonce or hash"}, []string{`add nonce="xyz"`, "to script-src-elem"}}}},
		{"report-only", cspPage([]model.CSPPolicy{{Origin: "header", Text: strict, ReportOnly: true}}), nil},
		{"templated nonce on the element", cspPage([]model.CSPPolicy{header(strict)}, withNonce(stub(), "<%= request.nonce %>")), nil},
		{"templated nonce in the meta policy", cspPage([]model.CSPPolicy{meta("script-src 'nonce-{{ nonce }}' 'strict-dynamic'")}), nil},
		{"templated snippet: no hash offered", func() *model.Document {
			l := stub()
			l.Inline = `oaiq("init", { pixelId: "{{ pixel_id }}" })`
			return cspPage([]model.CSPPolicy{meta("script-src 'self'")}, l)
		}(), []want{{model.Error, 5, []string{"blocks every inline script"}, []string{"give the policy a nonce"}}}},
		{"stub in an external file is judged by URL", func() *model.Document {
			l := stub()
			l.Inline = ""
			return cspPage([]model.CSPPolicy{meta("script-src 'self'")}, l)
		}(), nil},
		{"SDK script tag without nonce under strict-dynamic", cspPage([]model.CSPPolicy{header(strict)}, scriptTag()), []want{{model.Error, 6,
			[]string{"the Content-Security-Policy response header blocks this SDK <script>: its <script> has no nonce, and script-src has 'strict-dynamic', which ignores host sources"},
			[]string{`add nonce="r4nd0m" from the page's policy to this <script>`}}}},
		{"SDK script tag with nonce", cspPage([]model.CSPPolicy{header(strict)}, withNonce(scriptTag(), "r4nd0m")), nil},
		{"SDK script tag, nonce policy without strict-dynamic", cspPage([]model.CSPPolicy{header("script-src 'nonce-r4nd0m' 'self'")}, scriptTag()), []want{{model.Error, 6,
			[]string{"script-src has no source that matches https://bzrcdn.openai.com"},
			[]string{`add nonce="r4nd0m" from the page's policy to this <script>, or add https://bzrcdn.openai.com to script-src`}}}},
		{"SDK script tag allowed by host", cspPage([]model.CSPPolicy{header("script-src 'nonce-r4nd0m' https://bzrcdn.openai.com")}, scriptTag()), nil},
		{"SDK script tag under host-only policy is csp-blocks-sdk's", cspPage([]model.CSPPolicy{meta("script-src 'self'")}, scriptTag()), nil},
		{"fragment never", withKind(cspPage([]model.CSPPolicy{header(strict)}), model.Fragment), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "csp-nonce-missing", tt.doc), tt.wants...) })
	}
}
