package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-opt-out", Severity: model.Error,
		Title: "an image tag sends opt_out",
		Spec:  "No opt_out. Render it only after any required consent. (developers.openai.com/ads/image-tag)",
		Doc: `The image tag takes no ` + "`opt_out`" + `: a request is an event. When a person
has opted out or not consented, do not render the tag at all.

Bad:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action&amp;opt_out=true")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action")),
		Check: checkImageTagOptOut,
	})
}

func checkImageTagOptOut(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		if q, ok := imageParam(c, pixel.ImageParamOptOut); ok {
			p.Report(q.NameSpan, "the image tag takes no opt_out: every request it makes is an event",
				"leave the tag out of the page when the person opted out or has not consented")
		}
	}
}
