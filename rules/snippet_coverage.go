package rules

import (
	"fmt"
	"net/url"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-coverage", Severity: model.Warning,
		Title: "an HTML page without the pixel on a site where other pages have it",
		Spec:  "Add the following snippet to the <head> section every page where you want to capture conversions.",
		Doc: `In a crawl, a page that neither loads the SDK nor calls oaiq while other pages
of the site load it is probably a template the snippet never reached:
conversions there are not measured. Pages that load a tag manager, or whose
same-origin scripts could not be read, may get the pixel at runtime; they
are reported as info, saying what could not be seen. A page that calls oaiq
without a loader is snippet-missing's, not this rule's.

Bad (every other page has the snippet):
` + md("html site=5/4", `<head><title>Checkout</title></head>`) + `
Good:
` + md("html site=5/4", `<head>
`+snippetExample("", pixel.SDKURL)+`
  <title>Checkout</title>
</head>`),
		Check: checkSnippetCoverage,
		Stage: Site,
	})
}

// checkSnippetCoverage reports a crawled page with no loader and no call
// when other pages of the site load the SDK.
func checkSnippetCoverage(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil || page.Site == nil || page.Site.PagesWithSDK == 0 || len(page.Loaders) > 0 || len(p.Doc.Calls) > 0 {
		return
	}
	span := model.Span{File: p.Doc.Path}
	others := fmt.Sprintf("%d of the %d pages crawled load it", page.Site.PagesWithSDK, page.Site.Pages)
	const add = "add the installation snippet at the top of <head> (in the template this page uses), or exclude the page from the crawl if it needs no measurement"
	var unseen []string
	for _, tm := range page.TagManagers {
		unseen = append(unseen, "it loads "+tm.Name+", which may inject the pixel at runtime")
	}
	if n := sameOriginUnread(page); n > 0 {
		unseen = append(unseen, plural(n, "same-origin script", "same-origin scripts")+" could not be read")
	}
	if in := page.Inert; len(in) > 0 {
		unseen = append(unseen, "its pixel snippet is in "+inertNoun(in[0])+" ("+at(in[0].Span, span)+"), which browsers do not run as written unless a script on the page (such as a consent manager) turns it into JavaScript")
	}
	if len(unseen) > 0 {
		p.ReportAs(model.Info, span, "no pixel SDK visible in this page's HTML ("+others+"); "+listAnd(unseen),
			"run the check with --render to see what the page loads in a browser; if the pixel is not injected, "+add)
		return
	}
	p.Report(span, "this page does not load the pixel SDK although "+others+", so conversions here are not measured", add)
}

// sameOriginUnread counts unread scripts on the page's own origin; third-
// party scripts other than tag managers do not install the pixel.
func sameOriginUnread(page *model.PageFacts) int {
	base, err := url.Parse(page.URL)
	n := 0
	for _, s := range page.Unresolved {
		u, uerr := url.Parse(s.Src)
		if err != nil || uerr != nil {
			n++
			continue
		}
		if u = base.ResolveReference(u); u.Host == base.Host {
			n++
		}
	}
	return n
}
