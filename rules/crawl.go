package rules

// Crawl: what only a crawl of the live site shows. robots-blocks-adsbot,
// oppref-dropped and fetch-failed are reported by the crawler (it alone
// sees robots.txt, redirects and HTTP answers); snippet-coverage reads the
// site facts the crawl puts on each page.

import (
	"fmt"
	"net/url"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "robots-blocks-adsbot", Severity: model.Error,
			Title: "robots.txt keeps the ads crawler (OAI-AdsBot) away from a crawled page",
			Spec:  "`robots.txt` must allow the user agent `OAI-AdsBot`, or the landing page fails ad review before any conversion can be measured. (facts beyond the spec)",
			Doc: `Ad review fetches each landing page as ` + "`OAI-AdsBot`" + `. When robots.txt disallows
it, either in its own group or in the ` + "`*`" + ` group with no ` + "`OAI-AdsBot`" + ` group to
override it, the page fails review and no ad can send visitors there.
The finding names the robots.txt line that decides (longest match wins,
Allow wins a tie).

Bad:
` + "```" + `
User-agent: *
Disallow: /
` + "```" + `
Good:
` + "```" + `
User-agent: *
Disallow: /

User-agent: OAI-AdsBot
Allow: /
` + "```",
		},
		&Rule{
			ID: "oppref-dropped", Severity: model.Error,
			Title: "a redirect drops the oppref parameter from the landing URL",
			Spec:  "The pixel reads `oppref` from the landing page URL. A redirect that drops the query string (http→https, trailing slash, locale redirects) loses it. (facts beyond the spec)",
			Doc: `The crawler fetches the start pages, every page reached through a redirect
and a sample of the others (--oppref-sample) with ` + "`?oppref=oaiq-lint-probe`" + `
added, follows the redirects, and reports the first hop whose target no
longer carries the value. Conversions from ad clicks landing there cannot
be attributed. Redirects made by scripts or <meta http-equiv="refresh"> are
not seen.

Bad (nginx):
` + "```" + `
return 301 https://shop.example.com$uri;
` + "```" + `
Good:
` + "```" + `
return 301 https://shop.example.com$request_uri;
` + "```",
		},
		&Rule{
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
` + "```html" + `
<head><title>Checkout</title></head>
` + "```" + `
Good:
` + "```html" + `
<head>
  <script>/* installation snippet */</script>
  <title>Checkout</title>
</head>
` + "```",
			Check: checkSnippetCoverage,
		},
		&Rule{
			ID: "fetch-failed", Severity: model.Error,
			Title: "a crawled page or sitemap that could not be fetched, or answered 4xx/5xx",
			Spec:  "Landing pages must be reachable by the ads crawler. (facts beyond the spec)",
			Doc: `A linked page that times out, is larger than --max-file-size, redirects in a
loop or answers an error status cannot be checked, and an ad landing there
would fail review. The crawl goes on; only a failing start URL or sitemap
makes the run exit 3.

Bad:
` + "```" + `
https://shop.example.com/sale: error: the page answers HTTP 500 (Internal Server Error) [fetch-failed]
` + "```" + `
Good: every linked page answers 200 within the timeout.`,
		},
	)
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
