package rules

import (
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "image-tag-malformed", Severity: model.Error,
		Title: "an image tag's URL cannot be read whole (broken percent-encoding, data[contents] not JSON)",
		Spec:  "data[contents] is JSON, then URL-encoded. (developers.openai.com/ads/image-tag)",
		Doc: `The server reads the query as a URL: a ` + "`%`" + ` not followed by two hex
digits breaks it, and ` + "`data[contents]`" + ` must be JSON (an array of items),
URL-encoded. What could not be read is not checked further.

Bad:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=items_added&amp;data[type]=contents&amp;data[contents]=sku_123")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=items_added&amp;data[type]=contents&amp;data[contents]=%5B%7B%22id%22%3A%22sku_123%22%2C%22quantity%22%3A1%7D%5D")),
		Check: checkImageTagMalformed,
	})
}

func checkImageTagMalformed(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		if c.Image.Malformed != "" {
			p.Report(c.Image.MalformedSpan, "the image tag's URL cannot be read: "+pii.Redact(c.Image.Malformed),
				"encode each value with encodeURIComponent (data[contents] as JSON first)")
		}
	}
}
