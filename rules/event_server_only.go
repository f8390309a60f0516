package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "event-server-only", Severity: model.Error,
		Title: "app_installed or app_opened sent from the JavaScript pixel",
		Spec:  "app_installed and app_opened are not supported by the JavaScript pixel; they are sent server-side through the Conversions API. (facts beyond the spec)",
		Doc: `These two events exist only in the server-side Conversions API. The
JavaScript pixel does not accept them.

Bad:
` + "```js" + `
oaiq("measure", "app_installed", { type: "customer_action" });
` + "```" + `
Good: send the event from your server through the Conversions API.`,
		Check: checkServerOnlyEvents,
	})
}

func checkServerOnlyEvents(p *Pass) {
	for _, m := range p.measures() {
		if name, ok := m.EventName(); ok && pixel.IsServerOnlyEvent(name) && m.Side == model.Browser {
			p.Report(m.Name.Span, fmt.Sprintf("%s is not supported by the JavaScript pixel", name),
				"send it from your server through the Conversions API")
		}
	}
}
