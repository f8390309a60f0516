package rules

import (
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "gtm-click-trigger", Severity: model.Info,
		Title: "a conversion tag fires on a click, not on a confirmed outcome",
		Spec:  "Call oaiq(\"measure\", ...) when a conversion happens. (measurement pixel documentation)",
		Doc: `A click on "Buy" or "Sign up" is not an order or a lead: the payment may
fail, the form may not validate, and double clicks count twice. Fire
conversion tags on the outcome (a data-layer event pushed on the
confirmation page or after the server accepted the form).

Bad:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`,
      `+gtmHTMLTag("OAIQ - order", `<script>oaiq("measure", "order_created", { type: "contents" });</script>`, `"firingTriggerId": ["9"], `)+`],
    "trigger": [{ "triggerId": "9", "name": "Click - Buy button", "type": "click" }]`)) + `
Good:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`,
      `+gtmHTMLTag("OAIQ - order", `<script>oaiq("measure", "order_created", { type: "contents" });</script>`, `"firingTriggerId": ["9"], `)+`],
    "trigger": [{ "triggerId": "9", "name": "CE - purchase", "type": "customEvent" }]`)),
		Check: checkGTMClickTrigger,
	})
}

// conversionEvents are outcomes a click does not confirm.
var conversionEvents = []string{"order_created", "lead_created", "registration_completed",
	"appointment_scheduled", "subscription_created", "trial_started"}

// clickTriggers are GTM's click trigger types.
var clickTriggers = []string{"click", "linkClick"}

func checkGTMClickTrigger(p *Pass) {
	c := container(p)
	if c == nil {
		return
	}
	for _, tc := range tagCalls(c, pixel.CommandMeasure) {
		ev, _ := tc.call.Arg(1).StringValue()
		if !slices.Contains(conversionEvents, ev) {
			continue
		}
		for _, tr := range tc.tag.Triggers {
			if slices.Contains(clickTriggers, tr.Type) {
				p.Report(tc.call.Span, fmt.Sprintf("%s measures %s when trigger %q (a click) fires: a click does not confirm the conversion", tagLabel(tc.tag), ev, tr.Name),
					"fire it on the outcome: a data-layer event pushed once the order or form is confirmed")
				break
			}
		}
	}
}
