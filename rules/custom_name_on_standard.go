package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "custom-name-on-standard", Severity: model.Error,
		Title: "custom_event_name on a standard event",
		Spec:  "custom_event_name: Name a custom event. This field is required for custom events and isn’t supported for standard ones.",
		Doc: `custom_event_name is only for events named "custom".

Bad:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" }, { custom_event_name: "demo_lead" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "demo_lead" });
` + "```",
		Check: checkCustomNameOnStandard,
	})
}

func checkCustomNameOnStandard(p *Pass) {
	for _, m := range p.measures() {
		f := m.Options.Field("custom_event_name")
		if f == nil || !isStandardOrServer(m) {
			continue
		}
		name, _ := m.EventName()
		p.Report(f.KeySpan, fmt.Sprintf("custom_event_name is only for custom events; %s is a standard event", name),
			fmt.Sprintf(`remove custom_event_name, or send oaiq("measure", "custom", { type: "custom" }, { custom_event_name: … }) instead of %s`, name))
	}
}
