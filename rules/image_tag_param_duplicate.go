package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "image-tag-param-duplicate", Severity: model.Error,
		Title: "an image tag repeats a query parameter",
		Spec:  "Query parameters, each at most once. (developers.openai.com/ads/image-tag)",
		Doc: `Each query parameter of the image tag may appear once. A repeated one
(often two copies of a tag merged into one URL) is ambiguous: which value
counts is not documented. The checks read the first.

Bad:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action&amp;event=order_created")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action")),
		Check: checkImageTagParamDuplicate,
	})
}

func checkImageTagParamDuplicate(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		first := map[string]model.ImageParam{}
		for _, q := range c.Image.Params {
			if q.NameTemplated {
				continue // what the template prints is not known
			}
			prev, dup := first[q.Name]
			if !dup {
				first[q.Name] = q
				continue
			}
			p.Report(q.NameSpan, fmt.Sprintf("%s appears again (first at column %d): each parameter may appear once", quote(q.Name), prev.NameSpan.Start.Col),
				"keep one "+q.Name+" parameter")
		}
	}
}
