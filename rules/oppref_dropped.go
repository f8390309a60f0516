package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "oppref-dropped", Severity: model.Error,
		Title: "a redirect drops the oppref parameter from the landing URL",
		Spec:  "The pixel reads `oppref` from the landing page URL. A redirect that drops the query string (http→https, trailing slash, locale redirects) loses it. (facts beyond the spec)",
		Doc: `The crawler fetches the start pages, every page reached through a redirect
and a sample of the others (--oppref-sample) with ` + "`?oppref=oaiq-lint-probe`" + `
added, follows the redirects, and reports the first hop whose target no
longer carries the value; a start URL or link that carries ` + "`oppref`" + `
already is judged by its own redirects, always. Conversions from ad clicks landing there cannot
be attributed. With --render, the browser also sees addresses rewritten by
scripts and <meta http-equiv="refresh"> navigations; without it those are
not seen. The examples are the http server's redirect to the https site.

Bad (nginx):
` + md("nginx", "return 301 https://shop.example.com$uri;") + `
Good:
` + md("nginx", "return 301 https://shop.example.com$request_uri;"),
		Check: checkOpprefDropped,
	})
}

// checkOpprefDropped reports each way the landing URL lost oppref: the
// crawler's redirect hop, or what the browser saw. A page the crawler
// reported needs no second finding from its rendering.
func checkOpprefDropped(p *Pass) {
	at := model.Span{File: p.Doc.Path}
	for _, d := range p.Doc.OpprefDrops {
		if d.Via == model.OpprefRedirect {
			msg := fmt.Sprintf("%s redirects to %s, which no longer carries oppref, so conversions from ad clicks landing here cannot be attributed", d.From, d.To)
			if d.Hop == 1 && d.Hops > 1 {
				msg += fmt.Sprintf(" (%d redirects in all)", d.Hops)
			}
			p.Report(at, msg, "make the redirect keep the query string (nginx: `return 301 https://$host$request_uri;`), or point ads at the final URL "+d.Final)
			continue
		}
		how := fmt.Sprintf("a script rewrote the address to %s (history.replaceState or pushState)", d.To)
		switch d.Via {
		case model.OpprefRenderedRedirect:
			how = fmt.Sprintf("an HTTP redirect went to %s", d.To)
		case model.OpprefNavigation:
			how = fmt.Sprintf("the page navigated to %s (a script or <meta http-equiv=\"refresh\">)", d.To)
		}
		when := "when the page had settled"
		if d.SDKStarted {
			when = "when the pixel SDK started"
		}
		p.Report(at, fmt.Sprintf("the landing URL lost its oppref parameter: %s, so %s the address no longer carried it and conversions from ad clicks landing here cannot be attributed", how, when),
			"keep the query string on every redirect and address rewrite (for example, redirect to $request_uri, not $uri, and copy location.search when a script navigates)")
	}
}
