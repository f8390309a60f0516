package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-duplicate", Severity: model.Warning,
		Title: "the pixel SDK is loaded more than once on the page",
		Spec:  "Add the following snippet to the <head> section every page where you want to capture conversions.",
		Doc: `One snippet per page. A second copy (often one hard-coded and one from
a tag manager or a layout partial) downloads the SDK again and, without the
stub's guard, replaces the queue holding early calls.

Bad:
` + md("html", `<head>
`+snippetExample("", pixel.SDKURL)+`
  <script async src="`+pixel.SDKURL+`"></script>
</head>`) + `
Good:
` + md("html", `<head>
`+snippetExample("", pixel.SDKURL)+`
</head>`),
		Check: checkSnippetDuplicate,
	})
}

func checkSnippetDuplicate(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil {
		return
	}
	var seen []model.LoaderSighting
	for _, l := range page.Loaders {
		if repeatsSighting(seen, l) {
			continue
		}
		seen = append(seen, l)
		if len(seen) == 1 {
			continue
		}
		first := seen[0]
		p.Report(l.Span,
			fmt.Sprintf("the pixel SDK is loaded again here (%s on this page); it is already loaded at %s", ordinal(len(seen)), at(first.Span, l.Span)),
			"remove this copy and keep the one at the top of <head>")
	}
}

// repeatsSighting reports whether l is a sighting already recorded at the
// same place (one element reached twice), not a second load.
func repeatsSighting(seen []model.LoaderSighting, l model.LoaderSighting) bool {
	for _, s := range seen {
		if s.Span == l.Span {
			return true
		}
	}
	return false
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}
