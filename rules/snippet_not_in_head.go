package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-not-in-head", Severity: model.Error,
		Title: "the pixel loader is not inside <head>",
		Spec:  headSpec,
		Doc: `The snippet belongs at the top of ` + "`<head>`" + `. In ` + "`<body>`" + ` it runs only
once the markup above it has loaded, and conversions sent before that are
lost. (Framework loaders that run late are reported by snippet-late.)

Bad:
` + md("html", `<head><title>Shop</title></head>
<body>
  <main>…</main>
`+snippetExample("", pixel.SDKURL)+`
</body>`) + `
Good:
` + md("html", goodHead),
		Check: checkSnippetNotInHead,
	})
}

func checkSnippetNotInHead(p *Pass) {
	page := wholePage(p.Doc)
	whole := page != nil && page.HasHead
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	for _, l := range facts.Loaders {
		// Outside a whole page, only a component's <body> says where.
		// A snippet a consent manager holds back runs when the visitor
		// agrees, wherever it stands.
		if l.InHead || l.Late || l.Consent != "" || !whole && !l.InBody {
			continue
		}
		p.Report(placed(l), loaderNoun(l)+" is in <body>, not <head>: conversions sent before it runs are lost while the content above it loads",
			"move it to the top of <head>")
	}
}
