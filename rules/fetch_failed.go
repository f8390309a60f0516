package rules

import (
	"fmt"
	"net/http"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "fetch-failed", Severity: model.Error,
		Title: "a crawled page or sitemap that could not be fetched, or answered 4xx/5xx",
		Spec:  "Landing pages must be reachable by the ads crawler. (facts beyond the spec)",
		Doc: `A linked page that times out, is larger than --max-file-size, redirects in a
loop or answers an error status cannot be checked, and an ad landing there
would fail review. The crawl goes on; only a failing start URL or sitemap
makes the run exit 3. The examples are the server's answer to a crawled
page.

Bad:
` + md("http", "HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\n\n<p>Something went wrong.</p>") + `
Good:
` + md("http", "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Welcome to the shop.</p>"),
		Check:      checkFetchFailed,
		Unreadable: true,
	})
}

// checkFetchFailed reports a page or sitemap the crawler could not fetch,
// at the page.
func checkFetchFailed(p *Pass) {
	f := p.Doc.FetchFailure
	if f == nil {
		return
	}
	at := model.Span{File: p.Doc.Path}
	switch f.Kind {
	case model.HostUnresolved:
		p.Report(at, fmt.Sprintf("not crawled: the host %s does not resolve (no such host)", f.Reason),
			"check the host name in the URL, or the network's DNS")
	case model.RobotsUnreadable:
		p.Report(at, fmt.Sprintf("not crawled: %s could not be read (%s), and a crawler must then assume everything is disallowed", f.RobotsURL, f.Reason),
			"make robots.txt answer 200 (or 404 when there is none); ad review cannot read this site either")
	case model.FetchStatus:
		p.Report(at, fmt.Sprintf("the page answers HTTP %d %s", f.Status, statusText(f.Status)),
			"fix the page or the link to it: an ad landing here would fail review and lose the visit")
	case model.SitemapUnreadable:
		p.Report(at, "could not read the sitemap: "+f.Reason,
			"check the sitemap URL; it should answer 200 with a <urlset> or <sitemapindex> (gzip allowed)")
	default:
		p.Report(at, "could not fetch the page: "+f.Reason,
			"check that the URL works in a browser; raise --timeout or --max-file-size if the page is just slow or large")
	}
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return "(" + t + ")"
	}
	return ""
}
