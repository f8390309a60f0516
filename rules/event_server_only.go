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
		Spec:  "app_installed and app_opened are not supported by the JavaScript pixel; they are sent server-side through the Conversions API. (pixel page, revision P3; supported-events page)",
		Doc: `These two events exist only in the server-side Conversions API. The
JavaScript pixel does not accept them.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "app_installed", { type: "customer_action" });`) + `
Good:
` + md("jsonl", `{"source": "server", "pixel_id": "px_123", "event_name": "app_installed", "event_id": "install_1", "data": {"type": "customer_action"}}`),
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
