package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-noscript", Severity: model.Warning,
		Title: "a standalone image tag wrapped in <noscript>",
		Spec:  "Standalone or inside <noscript> as the JS pixel's fallback (a standalone tag must not be wrapped in <noscript>). (developers.openai.com/ads/image-tag)",
		Doc: `Inside ` + "`<noscript>`" + ` the image loads only when JavaScript is off,
which is right for a fallback beside the JavaScript pixel. On a page without
the JavaScript pixel the tag is the only channel, and in ` + "`<noscript>`" + ` it
almost never fires.

Bad:
` + md("html", `<!doctype html>
<html><head><title>Thanks</title></head>
<body>
  <noscript><img src="`+pixel.EventsURL+`?pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action" width="1" height="1" alt=""></noscript>
</body></html>`) + `
Good:
` + md("html", `<!doctype html>
<html><head><title>Thanks</title></head>
<body>
  <img src="`+pixel.EventsURL+`?pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action" width="1" height="1" style="display:none" alt="">
</body></html>`),
		Check: checkImageTagNoscript,
	})
}

func checkImageTagNoscript(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil || len(page.Loaders) > 0 || len(page.Inert) > 0 || firstBrowserCall(p.Doc) != nil || len(page.TagManagers) > 0 || len(page.Unresolved) > 0 {
		return // the JavaScript pixel is (or may be) here: <noscript> is its fallback
	}
	for _, c := range imageCalls(p.Doc) {
		if c.Image.NoScript && !c.Image.Script {
			p.Report(c.Span, "this image tag is the page's only pixel but sits in <noscript>: it fires only when JavaScript is off",
				"take it out of <noscript>, or add the JavaScript pixel it is the fallback of")
		}
	}
}
