package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func crawledPage(site *model.SiteFacts, facts model.PageFacts, calls ...*model.Call) *model.Document {
	facts.URL = "https://shop.example/checkout"
	facts.HasHead = true
	facts.Site = site
	return &model.Document{Path: facts.URL, Kind: model.Page, Calls: calls, Page: &facts}
}

func TestSnippetCoverage(t *testing.T) {
	site := &model.SiteFacts{Pages: 10, PagesWithSDK: 9}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, model.PageFacts{})),
		want{sev: model.Warning, msg: []string{"does not load the pixel SDK", "9 of the 10 pages"}, hint: []string{"top of <head>"}})

	gtm := model.PageFacts{TagManagers: []model.TagManager{{Name: "Google Tag Manager"}}}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, gtm)),
		want{sev: model.Info, msg: []string{"Google Tag Manager", "may inject"}, hint: []string{"--render"}})

	unread := model.PageFacts{Unresolved: []model.ExternalScript{{Src: "/js/app.js", Reason: "HTTP 500"}}}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, unread)),
		want{sev: model.Info, msg: []string{"1 same-origin script could not be read"}})

	thirdParty := model.PageFacts{Unresolved: []model.ExternalScript{{Src: "https://cdn.other.example/a.js"}}}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, thirdParty)),
		want{sev: model.Warning, msg: []string{"does not load"}})

	// The snippet in a script of a type browsers do not run: something on
	// the page may release it.
	inert := model.PageFacts{Inert: []model.InertScript{{Span: model.Span{File: "https://shop.example/checkout", Start: model.Pos{Line: 4}}, Type: "text/template"}}}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, inert)),
		want{sev: model.Info, msg: []string{`<script type="text/template"> (line 4)`, "consent manager"}})

	// Not this rule's: no site, a site without the pixel, a page with a
	// loader, a page calling oaiq (snippet-missing's).
	expect(t, runRule(t, "snippet-coverage", crawledPage(nil, model.PageFacts{})))
	expect(t, runRule(t, "snippet-coverage", crawledPage(&model.SiteFacts{Pages: 3}, model.PageFacts{})))
	withLoader := model.PageFacts{Loaders: []model.LoaderSighting{{Kind: model.LoaderStub, InHead: true}}}
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, withLoader)))
	expect(t, runRule(t, "snippet-coverage", crawledPage(site, model.PageFacts{}, initCall(3))))
}

func TestCrawlRulesRegistered(t *testing.T) {
	for id, sev := range map[string]model.Severity{"robots-blocks-adsbot": model.Error, "oppref-dropped": model.Error,
		"snippet-coverage": model.Warning, "fetch-failed": model.Error} {
		r := Lookup(id)
		if r == nil || r.Severity != sev || r.Title == "" || r.Spec == "" {
			t.Errorf("%s: not registered as %s with a title and spec", id, sev)
		}
	}
}
