package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "measure-args", Severity: model.Error,
		Title: "measure with fewer than 3 or more than 4 arguments, or event data / options not an object",
		Spec:  "A measure call accepts up to four arguments, in this order: Command, Event name, Event data (an object), Options.",
		Doc: `Bad:
` + "```js" + `
oaiq("measure", "lead_created");
oaiq("measure", "order_created", 2599, "USD");
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" });
` + "```",
		Check: checkMeasureArgs,
	})
}

func checkMeasureArgs(p *Pass) {
	for _, m := range p.measures() {
		switch {
		case len(m.Args) < 3:
			p.Report(m.Span, fmt.Sprintf("measure needs an event name and an event data object, got %d argument(s)", len(m.Args)),
				`oaiq("measure", "lead_created", { type: "customer_action" })`)
			continue
		case len(m.Args) > 4:
			p.Report(m.Args[4].Span, fmt.Sprintf("measure takes at most four arguments, got %d", len(m.Args)),
				"the arguments are command, event name, event data and options; merge the extra ones into the objects they belong to")
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
