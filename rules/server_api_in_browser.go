package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "server-api-in-browser", Severity: model.Error,
		Title: "page code sends conversions to the server API directly",
		Spec:  "Always use the pixel on the browser. Do not call the server conversions API directly from page code.",
		Doc: `The Conversions API is for servers: it needs credentials that must not
ship to browsers, and it skips what the pixel does for you (oppref
attribution, source_url, batching, consent). In a page, send events with
the pixel. A JavaScript file is judged page code when it says "use client",
is served from a public/, static/ or wwwroot/ folder, or uses the
browser's own objects (document.querySelector, location.href, window.…)
— not ones it declares itself (const location = req.nextUrl, JSDOM's
window). Server markers win: Next.js route handlers (app/**/route.ts),
pages/api/, *.server.* files, process.argv, Node modules (node:…, http,
fs) and jsdom. A file testing typeof window may run on either side and is
not judged by the names it uses.

Bad:
` + md("html", `<script>
  fetch("`+pixel.ConversionsAPIURL+`", { method: "POST", body: JSON.stringify(event) });
</script>`) + `
Good:
` + md("html", `<script>
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
</script>`),
		Check: checkServerAPIInBrowser,
	})
}

// browserFacts returns the page facts of a document whose code certainly
// runs in a browser (an HTML page or fragment), for rules about what that
// code does rather than where it sits.
func browserFacts(doc *model.Document) *model.PageFacts {
	if doc.Kind != model.Page && doc.Kind != model.Fragment {
		return nil
	}
	return doc.Page
}

func checkServerAPIInBrowser(p *Pass) {
	if p.Doc.Page == nil {
		return
	}
	page := browserFacts(p.Doc) != nil
	for _, r := range p.Doc.Page.ServerRequests {
		if !page && !r.Browser {
			continue // a plain .js file may run on a server, where the API belongs
		}
		if strings.Contains(r.API, "image") && pixel.IsImageTagURL(r.URL) {
			continue // the documented image tag, read as an event of its own
		}
		with := ""
		if r.API != "" {
			with = " with " + r.API
		}
		p.Report(r.Span,
			fmt.Sprintf("page code sends conversions straight to %s%s; use oaiq(\"measure\", …) in the browser — the Conversions API is for servers", endpointOf(r.URL), with),
			`send the event with oaiq("measure", …); if your server also sends it, reuse the same event_id on both sides`)
	}
}

// endpointOf is a request URL as far as it is known: the text before a
// ${…} may end mid-parameter (…?pid=), which is cut off.
func endpointOf(u string) string {
	if i := strings.LastIndexAny(u, "?&"); i >= 0 && strings.HasSuffix(u, "=") {
		u = u[:i]
	}
	return pii.Redact(strings.TrimRight(u, "?&"))
}
