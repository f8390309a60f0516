package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "gtm-init-missing", Severity: model.Warning,
		Title: "a container's tags measure but none initialises the pixel",
		Spec:  gtmSpec,
		Doc: `In a container, init comes from a base tag (Custom HTML with the snippet
and ` + "`oaiq(\"init\", …)`" + `, or the official template's base tag on the
Initialization or All Pages trigger), or from event tags whose template
initialises before each event (the official template's do). When measure
tags fire and nothing in the container initialises, events go nowhere
unless every page calls init itself, outside the container. Add a base tag
firing on Initialization - All Pages.

Bad:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - purchase", `<script>oaiq("measure", "order_created", { type: "contents" });</script>`, "")+`]`)) + `
Good:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`,
      `+gtmHTMLTag("OAIQ - purchase", `<script>oaiq("measure", "order_created", { type: "contents" });</script>`, "")+`]`)),
		Check: checkGTMInitMissing,
	})
}

func checkGTMInitMissing(p *Pass) {
	c := container(p)
	if c == nil || len(tagCalls(c, pixel.CommandInit)) > 0 {
		return
	}
	ms := tagCalls(c, pixel.CommandMeasure)
	if len(ms) == 0 {
		return
	}
	p.Report(ms[0].call.Span, fmt.Sprintf("%s measures, but no tag of container %s initialises the pixel: events go nowhere unless every page calls init itself",
		tagLabel(ms[0].tag), orUnnamed(c.PublicID)),
		`add a base tag (the snippet and oaiq("init", { pixelId: "…" })) firing on Initialization - All Pages`)
}
