package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "custom-name-reserved", Severity: model.Error,
		Title: "custom_event_name equal to a standard event name",
		Spec:  "Custom event names must: Not match a standard event name.",
		Doc: `When a standard event describes the action, send the standard event.

Bad:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "order_created" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" });
` + "```",
		Check: checkCustomNameReserved,
	})
}

func checkCustomNameReserved(p *Pass) {
	customNames(p, func(v *model.Value, name string, _ model.Side) {
		if e := reservedMatch(name); e != "" {
			hint := fmt.Sprintf(`send the standard event instead: oaiq("measure", %q, { type: %q, … })`, e, pixel.EventShape[e])
			if pixel.IsServerOnlyEvent(e) {
				hint = e + " is a standard event of the Conversions API: send it from your server, or give the custom event another name"
			}
			p.Report(v.Span, fmt.Sprintf("custom_event_name %q is a standard event name", name), hint)
		}
	})
}
