package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-param-missing", Severity: model.Error,
		Title: "an image tag without pid or event, or a custom event without custom_event_name",
		Spec:  "Query parameters: pid (required), event (required: a standard event or custom), custom_event_name (required only when event=custom). (developers.openai.com/ads/image-tag)",
		Doc: `The image tag (` + "`<img src=\"" + pixel.EventsURL + "?…\">`" + `) sends one event
without JavaScript. Its query must name the pixel (` + "`pid`" + `) and the event
(` + "`event`" + `); a custom event also needs ` + "`custom_event_name`" + `. A
missing ` + "`data[type]`" + ` is data-type-missing's finding, as for measure.

Bad:
` + md("html", imageTagExample("event=lead_created&amp;data[type]=customer_action")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action")),
		Check: checkImageTagParamMissing,
	})
}

func checkImageTagParamMissing(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		if c.Image.Malformed != "" {
			continue // image-tag-malformed's finding: the query was not read whole
		}
		for _, name := range []string{pixel.ImageParamPixel, pixel.ImageParamEvent} {
			if _, ok := imageParam(c, name); !ok {
				hint := `add pid=<PIXEL-ID> from the conversions tab of Ads Manager`
				if name == pixel.ImageParamEvent {
					hint = `add event=<a standard event such as order_created, or custom>`
				}
				p.Report(c.Image.Span, "the image tag has no "+name+" parameter: the request is rejected", hint)
			}
		}
		if ev, ok := imageParam(c, pixel.ImageParamEvent); ok && ev.Value == pixel.CustomEvent {
			if _, ok := imageParam(c, pixel.ImageParamCustomName); !ok {
				p.Report(ev.ValueSpan, "event=custom without custom_event_name: the event has no name",
					"add custom_event_name=<the name your event settings use, such as quote_requested>")
			}
		}
	}
}
