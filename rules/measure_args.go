package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "measure-args", Severity: model.Error,
		Title: "measure with fewer than 3 or more than 4 arguments (measureSingle: 4 or 5), or event data / options not an object",
		Spec:  "A measure call accepts up to four arguments, in this order: Command, Event name, Event data (an object), Options.",
		Doc: `Bad:
` + "```js" + `
oaiq("measure", "lead_created");
oaiq("measure", "order_created", 2599, "USD");
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_8f2b1c" });
oaiq("measure", "lead_created", { type: "customer_action" });
oaiq("measureSingle", "px_8f2b1c", "lead_created", { type: "customer_action" });
` + "```",
		Check: checkMeasureArgs,
	})
}

func checkMeasureArgs(p *Pass) {
	for _, m := range p.measures() {
		// measureSingle's pixel id comes first: its counts are one higher.
		least, most := 3+m.shift, 4+m.shift
		switch {
		case len(m.Args) < least:
			if m.shift > 0 {
				p.Report(m.Span, fmt.Sprintf("measureSingle needs a pixel id, an event name and an event data object, got %d argument(s)", len(m.Args)),
					`oaiq("measureSingle", "<PIXEL-ID>", "lead_created", { type: "customer_action" })`)
				continue
			}
			p.Report(m.Span, fmt.Sprintf("measure needs an event name and an event data object, got %d argument(s)", len(m.Args)),
				`oaiq("measure", "lead_created", { type: "customer_action" })`)
			continue
		case len(m.Args) > most:
			if m.shift > 0 {
				p.Report(m.Args[most].Span, fmt.Sprintf("measureSingle takes at most five arguments, got %d", len(m.Args)),
					"the arguments are command, pixel id, event name, event data and options; merge the extra ones into the objects they belong to")
			} else {
				p.Report(m.Args[most].Span, fmt.Sprintf("measure takes at most four arguments, got %d", len(m.Args)),
					"the arguments are command, event name, event data and options; merge the extra ones into the objects they belong to")
			}
		}
		if !m.Data.Is(model.Object) && !m.Data.IsDynamic() {
			p.Report(m.Data.Span, "event data must be an object, got "+describe(m.Data),
				`send an object whose type selects the shape, such as { type: "contents", amount: 2599, currency: "USD" }`)
		}
		if m.Options != nil && !m.Options.Is(model.Object) && !m.Options.IsDynamic() && !m.Options.Is(model.Undefined) {
			p.Report(m.Options.Span, "options must be an object, got "+describe(m.Options),
				`send { event_id: "…" }, { custom_event_name: "…" } or { opt_out: true }`)
		}
	}
}
