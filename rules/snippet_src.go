package rules

import (
	"net/url"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-src", Severity: model.Error,
		Title: "the SDK URL is not exactly " + pixel.SDKURL,
		Spec:  "The SDK itself is served from `https://bzrcdn.openai.com/sdk/oaiq.min.js`. (facts beyond the spec; the snippet passes \"https://bzrcdn.openai.com/sdk/oaiq.min.js\")",
		Doc: `The snippet must load the SDK from OpenAI's CDN, over https, at the
documented path. ` + "`http:`" + ` or protocol-relative URLs can be downgraded or
blocked as mixed content; another path or host fails to load; a self-hosted
copy never receives the SDK's fixes. A URL computed at runtime is not judged.

Bad:
` + md("html", `<head>
`+snippetExample("", "//bzrcdn.openai.com/sdk/oaiq.js")+`
</head>`) + `
` + md("html", `<head>
  <script async src="/vendor/oaiq.min.js"></script>
</head>`) + `
Good:
` + md("html", `<head>
`+snippetExample("", pixel.SDKURL)+`
</head>`),
		Check: checkSnippetSrc,
	})
}

func checkSnippetSrc(p *Pass) {
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	for _, l := range facts.Loaders {
		src := strings.TrimSpace(l.Src)
		if l.SrcDynamic || src == "" || src == pixel.SDKURL || templated(src) {
			continue
		}
		diffs, selfHosted := srcDifferences(src)
		if len(diffs) == 0 {
			continue
		}
		span := l.SrcSpan
		if span.IsZero() {
			span = l.Span
		}
		hint := "load " + pixel.SDKURL
		if selfHosted {
			hint = "load the SDK from OpenAI's CDN: " + pixel.SDKURL
		}
		p.ReportFix(span, "the SDK URL "+quoteURL(src)+" is not "+pixel.SDKURL+": "+strings.Join(diffs, "; "), hint, sdkURLFix(p.Doc, span, l.Src, selfHosted))
	}
}

// sdkURLFix writes the SDK URL where the wrong one is written, keeping its
// quotes. A misspelt URL of the CDN is safe to correct; replacing a
// self-hosted copy changes which file is served (and what a CSP or an
// integrity attribute allows), so that is unsafe.
func sdkURLFix(doc *model.Document, span model.Span, src string, selfHosted bool) *model.Fix {
	if doc == nil || doc.Text == nil || span.IsZero() || src == "" {
		return nil
	}
	text, ok := doc.Text(span)
	if !ok {
		return nil
	}
	to := ""
	switch {
	case text == src:
		to = pixel.SDKURL
	case len(text) >= 2 && (text[0] == '"' || text[0] == '\'' || text[0] == '`') && text[len(text)-1] == text[0] && text[1:len(text)-1] == src:
		to = text[:1] + pixel.SDKURL + text[:1]
	default:
		return nil // written through entities, escapes or concatenation
	}
	a := model.Safe
	if selfHosted {
		a = model.Unsafe
	}
	return model.NewFix("load "+pixel.SDKURL, a, model.E(model.Whole(span, text, to)))
}

// srcDifferences says, part by part, how src differs from the SDK URL;
// equivalent spellings (upper-case scheme or host, the default port) are
// not differences. selfHosted is true when src points at a copy on
// another site.
func srcDifferences(src string) (diffs []string, selfHosted bool) {
	u, err := url.Parse(src)
	if err != nil {
		return []string{"it is not a valid URL"}, false
	}
	want, _ := url.Parse(pixel.SDKURL)
	host := strings.ToLower(u.Hostname())
	switch {
	case u.Scheme == "" && u.Host == "":
		return []string{"it is a self-hosted copy on the page's own site, which never receives the SDK's updates"}, true
	case u.Scheme == "" && strings.HasPrefix(src, "//"):
		diffs = append(diffs, "it is protocol-relative, so an http page loads it over http; write https: explicitly")
	case strings.EqualFold(u.Scheme, "http"):
		diffs = append(diffs, "it uses http:, not https:")
	case !strings.EqualFold(u.Scheme, "https"):
		diffs = append(diffs, "it uses "+strings.ToLower(u.Scheme)+":, not https:")
	}
	if host != want.Host {
		if !strings.Contains(host, "openai") && !strings.Contains(host, "bzr") {
			return append(diffs, "it is a copy served from "+pii.Redact(host)+", which never receives the SDK's updates"), true
		}
		diffs = append(diffs, "its host is "+pii.Redact(host)+", not "+want.Host)
	}
	if port := u.Port(); port != "" && port != "443" {
		diffs = append(diffs, "it adds port "+port)
	}
	if u.EscapedPath() != want.Path {
		path := u.EscapedPath()
		if path == "" {
			path = "empty"
		}
		diffs = append(diffs, "its path is "+pii.Redact(path)+", not "+want.Path)
	}
	if u.RawQuery != "" || u.ForceQuery {
		diffs = append(diffs, "it adds the query ?"+pii.Redact(u.RawQuery))
	}
	if u.Fragment != "" {
		diffs = append(diffs, "it adds the fragment #"+pii.Redact(u.Fragment))
	}
	return diffs, false
}

// quoteURL quotes a URL from the input for a message, redacted.
func quoteURL(s string) string { return `"` + pii.Redact(s) + `"` }
