package rules

// Crawl: what only a crawl of the live site shows. robots-blocks-adsbot,
// oppref-dropped and fetch-failed are reported by the crawler (it alone
// sees robots.txt, redirects and HTTP answers); snippet-coverage reads the
// site facts the crawl puts on each page.

import (
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
