package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func TestSnippetMissing(t *testing.T) {
	noLoader := page(model.PageFacts{})
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"calls without loader", noLoader, []want{{model.Error, 20,
			[]string{"the page calls oaiq but never loads the pixel SDK, so no event is sent"},
			[]string{"add the installation snippet, which loads https://bzrcdn.openai.com/sdk/oaiq.min.js, at the top of <head>"}}}},
		{"loader present", page(model.PageFacts{Loaders: []model.LoaderSighting{stub()}}), nil},
		{"no calls", &model.Document{Kind: model.Page, Page: &model.PageFacts{HasHead: true}}, nil},
		{"only server events", &model.Document{Kind: model.Page, Page: &model.PageFacts{HasHead: true},
			Calls: []*model.Call{{Side: model.Server, Span: span(1, 1)}}}, nil},
		{"tag manager softens to info", page(model.PageFacts{TagManagers: []model.TagManager{{Name: "Google Tag Manager", Span: span(3, 1)}}}),
			[]want{{model.Info, 20,
				[]string{"no pixel loader is visible", "it loads Google Tag Manager (line 3), which may inject the pixel at runtime"},
				[]string{"--render"}}}},
		{"unresolved scripts soften to info", page(model.PageFacts{Unresolved: []model.ExternalScript{
			{Src: "https://cdn.example.net/app.js", Reason: "not fetched"}, {Src: "/js/missing.js", Reason: "file not found"}}}),
			[]want{{model.Info, 20,
				[]string{"2 external scripts could not be read: https://cdn.example.net/app.js (not fetched) and /js/missing.js (file not found)"}, nil}}},
		{"fragment never", withKind(noLoader, model.Fragment), nil},
		{"script never", withKind(noLoader, model.Script), nil},
		{"log never", withKind(noLoader, model.EventLog), nil},
		{"no head structure", &model.Document{Kind: model.Page, Page: &model.PageFacts{}, Calls: []*model.Call{initCall(2)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-missing", tt.doc), tt.wants...) })
	}
}

func TestSnippetNotInHead(t *testing.T) {
	inBody := stub()
	inBody.InHead = false
	inBody.Span = span(40, 3)
	late := inBody
	late.Late, late.LateReason = true, `<Script strategy="afterInteractive"> runs after hydration`
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"in body", page(model.PageFacts{Loaders: []model.LoaderSighting{inBody}}), []want{{model.Error, 40,
			[]string{"the pixel snippet is in <body>, not <head>: conversions sent before it runs are lost"},
			[]string{"move it to the top of <head>"}}}},
		{"script tag in body", page(model.PageFacts{Loaders: []model.LoaderSighting{{Kind: model.LoaderScriptTag, Span: span(41, 1), Src: pixel.SDKURL}}}),
			[]want{{model.Error, 41, []string{"the pixel SDK <script> is in <body>"}, nil}}},
		{"in head", page(model.PageFacts{Loaders: []model.LoaderSighting{stub()}}), nil},
		{"late framework loader is snippet-late's", page(model.PageFacts{Loaders: []model.LoaderSighting{late}}), nil},
		{"fragment never", withKind(page(model.PageFacts{Loaders: []model.LoaderSighting{inBody}}), model.Fragment), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-not-in-head", tt.doc), tt.wants...) })
	}
}

func TestSnippetLate(t *testing.T) {
	after3 := stub()
	after3.Preceding = 3
	after1 := stub()
	after1.Preceding = 1
	lazy := stub()
	lazy.InHead = false
	lazy.Late = true
	lazy.LateReason = `Next.js <Script strategy="lazyOnload"> runs it once the browser is idle`
	vague := stub()
	vague.Late = true
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"three before", page(model.PageFacts{Loaders: []model.LoaderSighting{after3}}), []want{{model.Warning, 5,
			[]string{"the pixel snippet comes after 3 external scripts or stylesheets in <head>"},
			[]string{"move it above them, to the top of <head>"}}}},
		{"one before", page(model.PageFacts{Loaders: []model.LoaderSighting{after1}}), []want{{model.Warning, 5,
			[]string{"comes after 1 external script or stylesheet in <head>"}, nil}}},
		{"first in head", page(model.PageFacts{Loaders: []model.LoaderSighting{stub()}}), nil},
		{"in body is not-in-head's", page(model.PageFacts{Loaders: []model.LoaderSighting{func() model.LoaderSighting {
			l := after3
			l.InHead = false
			return l
		}()}}), nil},
		{"framework lazyOnload", page(model.PageFacts{Loaders: []model.LoaderSighting{lazy}}), []want{{model.Warning, 5,
			[]string{`the pixel snippet runs late: Next.js <Script strategy="lazyOnload"> runs it once the browser is idle`},
			[]string{`use strategy="beforeInteractive"`}}}},
		{"late in a component script", withKind(page(model.PageFacts{Loaders: []model.LoaderSighting{lazy}}), model.Script),
			[]want{{model.Warning, 5, []string{"runs late"}, nil}}},
		{"late without reason", page(model.PageFacts{Loaders: []model.LoaderSighting{vague}}), []want{{model.Warning, 5,
			[]string{"runs late: it runs after the page is interactive"}, []string{"load the snippet from the top of <head>"}}}},
		{"preceding in a fragment is not judged", withKind(page(model.PageFacts{Loaders: []model.LoaderSighting{after3}}), model.Fragment), nil},
		{"log never", withKind(page(model.PageFacts{Loaders: []model.LoaderSighting{lazy}}), model.EventLog), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-late", tt.doc), tt.wants...) })
	}
}

func TestSnippetDuplicate(t *testing.T) {
	second := scriptTag()
	third := stub()
	third.Span = span(30, 1)
	inOtherFile := stub()
	inOtherFile.Span = model.Span{File: "site/js/pixel.js", Start: model.Pos{Line: 2, Col: 1}}
	tests := []struct {
		name  string
		doc   *model.Document
		wants []want
	}{
		{"once", page(model.PageFacts{Loaders: []model.LoaderSighting{stub()}}), nil},
		{"twice and thrice", page(model.PageFacts{Loaders: []model.LoaderSighting{stub(), second, third}}), []want{
			{model.Warning, 6, []string{"the pixel SDK is loaded again here (second on this page); it is already loaded at line 5"},
				[]string{"remove this copy"}},
			{model.Warning, 30, []string{"(third on this page); it is already loaded at line 5"}, nil}}},
		{"same element seen twice is one load", page(model.PageFacts{Loaders: []model.LoaderSighting{stub(), stub()}}), nil},
		{"first in an external script", page(model.PageFacts{Loaders: []model.LoaderSighting{inOtherFile, stub()}}), []want{
			{model.Warning, 5, []string{"it is already loaded at site/js/pixel.js:2"}, nil}}},
		{"fragment never", withKind(page(model.PageFacts{Loaders: []model.LoaderSighting{stub(), second}}), model.Fragment), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expect(t, runRule(t, "snippet-duplicate", tt.doc), tt.wants...) })
	}
}

func TestSnippetMissingNamesATagManagerOnce(t *testing.T) {
	doc := page(model.PageFacts{
		TagManagers: []model.TagManager{{Name: "Google Tag Manager", Span: span(3, 1)}},
		Unresolved:  []model.ExternalScript{{Src: "https://www.googletagmanager.com/gtm.js?id=GTM-1", Span: span(3, 1), Reason: "remote"}},
	})
	got := runRule(t, "snippet-missing", doc)
	const msg = "the page calls oaiq but no pixel loader is visible in it; it loads Google Tag Manager (line 3), which may inject the pixel at runtime"
	if len(got) != 1 || got[0].Message != msg {
		t.Errorf("got %s, want exactly %q", dump(got), msg)
	}
}
