package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-param-unknown", Severity: model.Error,
		Title: "an image tag's query has a parameter the image tag does not take",
		Spec:  "Query parameters: pid, event, custom_event_name, event_id, oppref, data[type], data[<field>] (documented fields of that shape only; unknown fields are rejected). (developers.openai.com/ads/image-tag)",
		Doc: `The image tag takes ` + "`pid`, `event`, `custom_event_name`, `event_id`, `oppref`" + `
and ` + "`data[<field>]`" + ` for the fields of the event's data shape. Another
parameter (another pixel's ` + "`value`" + ` or ` + "`ev`" + `) is rejected. Unknown
` + "`data[…]`" + ` fields are data-unknown-field's finding, user data
image-tag-user-data's and ` + "`opt_out`" + ` image-tag-opt-out's.

Bad:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action&amp;value=25")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action&amp;data[amount]=2500&amp;data[currency]=USD")),
		Check: checkImageTagParamUnknown,
	})
}

func checkImageTagParamUnknown(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		for _, q := range c.Image.Params {
			if _, isData := pixel.ImageDataParam(q.Name); isData || q.Name == pixel.ImageParamOptOut || imageUserParam(q.Name) {
				continue
			}
			known := false
			for _, k := range pixel.ImageParams {
				known = known || q.Name == k
			}
			if known {
				continue
			}
			msg := fmt.Sprintf("the image tag does not take the parameter %s", quote(q.Name))
			if n := suggest.Nearest(q.Name, pixel.ImageParams); n != "" {
				msg += fmt.Sprintf("; did you mean %q?", n)
			}
			p.Report(q.NameSpan, msg, "the image tag takes "+joinQuoted(pixel.ImageParams, "and")+", and data[<field>] for the fields of the event's data shape")
		}
	}
}
