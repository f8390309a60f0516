package rules

import (
	"fmt"
	"slices"

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
parameter (another pixel's ` + "`value`" + ` or ` + "`ev`" + `) is rejected. An unknown
` + "`data[…]`" + ` field is data-unknown-field's finding when the event's shape is
known, and this rule's when it is a field of no shape at all; user data is
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
		m, _ := asMeasure(c)
		shapeKnown := dataSchema(m) != "event-data"
		for _, q := range c.Image.Params {
			if q.NameTemplated {
				continue // what the template prints is not known
			}
			if field, isData := pixel.ImageDataParam(q.Name); isData {
				// With a known shape, an unknown field is data-unknown-field's;
				// without one, a field of no shape at all is still rejected.
				if !shapeKnown && !anyShapeField(field) {
					p.Report(q.NameSpan, fmt.Sprintf("%s is not a data field of any shape: the image tag rejects it", quote(q.Name)),
						"data fields are "+joinQuoted(allShapeFields(), "and")+"; the shape follows data[type]")
				}
				continue
			}
			if q.Name == pixel.ImageParamOptOut || imageUserParam(q.Name) {
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

// allShapeFields lists every field some data shape takes, in order.
func allShapeFields() []string {
	var out []string
	for _, shape := range pixel.Shapes {
		for _, f := range pixel.ShapeFields[shape] {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func anyShapeField(f string) bool { return slices.Contains(allShapeFields(), f) }
