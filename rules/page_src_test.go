package rules

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func TestSnippetSrc(t *testing.T) {
	withSrc := func(src string) *model.Document {
		l := stub()
		l.Src = src
		return page(model.PageFacts{Loaders: []model.LoaderSighting{l}})
	}
	const prefix = "is not https://bzrcdn.openai.com/sdk/oaiq.min.js: "
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"exact", withSrc(pixel.SDKURL), nil},
		{"equivalent spelling", withSrc("HTTPS://BZRCDN.OpenAI.com:443/sdk/oaiq.min.js"), nil},
		{"surrounding whitespace", withSrc("  " + pixel.SDKURL + "\n"), nil},
		{"http", withSrc("http://bzrcdn.openai.com/sdk/oaiq.min.js"), []want{{model.Error, 17,
			[]string{`the SDK URL "http://bzrcdn.openai.com/sdk/oaiq.min.js" ` + prefix + "it uses http:, not https:"},
			[]string{"load https://bzrcdn.openai.com/sdk/oaiq.min.js"}}}},
		{"protocol-relative", withSrc("//bzrcdn.openai.com/sdk/oaiq.min.js"), []want{{model.Error, 17,
			[]string{prefix + "it is protocol-relative, so an http page loads it over http; write https: explicitly"}, nil}}},
		{"other path", withSrc("https://bzrcdn.openai.com/sdk/oaiq.js"), []want{{model.Error, 17,
			[]string{prefix + "its path is /sdk/oaiq.js, not /sdk/oaiq.min.js"}, nil}}},
		{"path case matters", withSrc("https://bzrcdn.openai.com/SDK/oaiq.min.js"), []want{{model.Error, 17,
			[]string{"its path is /SDK/oaiq.min.js, not /sdk/oaiq.min.js"}, nil}}},
		{"events host instead of CDN", withSrc("https://bzr.openai.com/sdk/oaiq.min.js"), []want{{model.Error, 17,
			[]string{prefix + "its host is bzr.openai.com, not bzrcdn.openai.com"}, nil}}},
		{"several differences", withSrc("http://bzrcdn.openai.com:8080/sdk/oaiq.js?v=2#x"), []want{{model.Error, 17,
			[]string{prefix + "it uses http:, not https:; it adds port 8080; its path is /sdk/oaiq.js, not /sdk/oaiq.min.js; it adds the query ?v=2; it adds the fragment #x"}, nil}}},
		{"self-hosted relative", withSrc("/vendor/oaiq.min.js"), []want{{model.Error, 17,
			[]string{prefix + "it is a self-hosted copy on the page's own site, which never receives the SDK's updates"},
			[]string{"load the SDK from OpenAI's CDN: https://bzrcdn.openai.com/sdk/oaiq.min.js"}}}},
		{"copy on another host", withSrc("https://cdn.shop.example/js/oaiq.min.js"), []want{{model.Error, 17,
			[]string{prefix + "it is a copy served from cdn.shop.example, which never receives the SDK's updates"}, nil}}},
		{"dynamic", func() *model.Document {
			d := withSrc("")
			d.Page.Loaders[0].SrcDynamic = true
			return d
		}(), nil},
		{"dynamic with prefix known", func() *model.Document {
			d := withSrc("https://bzrcdn.openai.com/sdk/")
			d.Page.Loaders[0].SrcDynamic = true
			return d
		}(), nil},
		{"templated", withSrc("{{ cdn_base }}/sdk/oaiq.min.js"), nil},
		{"unknown", withSrc(""), nil},
		{"fragment too: the URL is browser code", withKind(withSrc("http://bzrcdn.openai.com/sdk/oaiq.min.js"), model.Fragment),
			[]want{{model.Error, 17, []string{"it uses http:"}, nil}}},
		{"log never", withKind(withSrc("http://bzrcdn.openai.com/sdk/oaiq.min.js"), model.EventLog), nil},
		{"no SrcSpan falls back to the loader", func() *model.Document {
			d := withSrc("http://bzrcdn.openai.com/sdk/oaiq.min.js")
			d.Page.Loaders[0].SrcSpan = model.Span{}
			return d
		}(), []want{{model.Error, 5, []string{"it uses http:"}, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-src", tt.doc), tt.wants...) })
	}
}

func TestSnippetModified(t *testing.T) {
	altered := func(edit func(*model.LoaderSighting)) *model.Document {
		l := stub()
		edit(&l)
		return page(model.PageFacts{Loaders: []model.LoaderSighting{l}})
	}
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"documented", page(model.PageFacts{Loaders: []model.LoaderSighting{stub()}}), nil},
		{"no queue", altered(func(l *model.LoaderSighting) { l.HasQueue = false }), []want{{model.Warning, 5,
			[]string{"the pixel snippet was altered: it defines no queue (q.q.push(arguments)), so oaiq calls made before the SDK loads are lost"},
			[]string{"use the documented installation snippet unchanged"}}}},
		{"queue never created throws", altered(func(l *model.LoaderSighting) { l.HasQueue, l.QueueUncreated = false, true }), []want{{model.Error, 5,
			[]string{"its queue function pushes onto q.q but nothing creates q.q (q.q = [] is missing), so every oaiq(…) call made before the SDK loads (such as an init right after the snippet) throws a TypeError and is lost"}, nil}}},
		{"an array for oaiq throws", altered(func(l *model.LoaderSighting) { l.HasQueue, l.PixelArray = false, true }), []want{{model.Error, 5,
			[]string{"which is not a function, so every oaiq(…) call made before the SDK loads throws a TypeError"}, nil}}},
		{"no guard", altered(func(l *model.LoaderSighting) { l.HasGuard = false }), []want{{model.Warning, 5,
			[]string{"it has no re-entry guard (if (w.oaiq) return;), so a second copy replaces window.oaiq and drops the calls queued in it"}, nil}}},
		{"not async", altered(func(l *model.LoaderSighting) { l.Async = false }), []want{{model.Warning, 5,
			[]string{"it does not load the SDK async (js.async = true)"}, nil}}},
		{"all three in one finding", altered(func(l *model.LoaderSighting) { l.HasQueue, l.HasGuard, l.Async = false, false, false }),
			[]want{{model.Warning, 5, []string{"defines no queue", ", it has no re-entry guard", " and it does not load the SDK async"}, nil}}},
		{"script tags are not stubs", page(model.PageFacts{Loaders: []model.LoaderSighting{scriptTag()}}), nil},
		{"stub in a script file", withKind(altered(func(l *model.LoaderSighting) { l.HasQueue = false }), model.Script),
			[]want{{model.Warning, 5, []string{"defines no queue"}, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-modified", tt.doc), tt.wants...) })
	}
}

func TestServerAPIInBrowser(t *testing.T) {
	req := model.ServerRequest{URL: "https://bzr.openai.com/v1/events?email=jane@example.com", API: "fetch", Span: span(33, 5)}
	withReq := page(model.PageFacts{ServerRequests: []model.ServerRequest{req}})
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"fetch from page", withReq, []want{{model.Error, 33,
			[]string{`page code sends conversions straight to https://bzr.openai.com/v1/events?email=j***@e***.com with fetch; use oaiq("measure", …) in the browser — the Conversions API is for servers`},
			[]string{"event_id"}}}},
		{"fragment is browser code", withKind(withReq, model.Fragment), []want{{model.Error, 33, []string{"straight to"}, nil}}},
		{"a script file may run on a server", withKind(withReq, model.Script), nil},
		{"none", page(model.PageFacts{}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runRule(t, "server-api-in-browser", tt.doc)
			expect(t, got, tt.wants...)
			for _, f := range got {
				if strings.Contains(f.Message, "jane@example.com") {
					t.Errorf("raw e-mail in message: %q", f.Message)
				}
			}
		})
	}
}
