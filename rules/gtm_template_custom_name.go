package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "gtm-template-custom-name", Severity: model.Error,
		Title: "a tag template that sends the custom name as the event name",
		Spec:  "Community templates seen in public code document behaviour a linter should catch: … the custom name sent as the event name. (current docs, Google Tag Manager)",
		Doc: `A custom event is measured as the event ` + "`custom`" + ` with its name in the
` + "`custom_event_name`" + ` option. Some community templates pass the custom name
as the event name instead: the pixel then receives an event it does not
know, and the conversion is lost. Fix the template's code to send
` + "`'custom'`" + ` and put the name in the options, or use the official template.

Bad:
` + md("tpl also=dynamic-value", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const callInWindow = require('callInWindow');
callInWindow('oaiq', 'measure', data.customName, { type: 'custom' });`) + `
Good:
` + md("tpl", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const callInWindow = require('callInWindow');
callInWindow('oaiq', 'measure', 'custom', { type: 'custom' }, { custom_event_name: 'quote_requested' });`),
		Check: checkGTMTemplateCustomName,
	})
}

func checkGTMTemplateCustomName(p *Pass) {
	if p.Doc.Container == nil {
		return
	}
	for _, t := range p.Doc.Container.Templates {
		if !t.CustomAsEvent.IsZero() {
			p.Report(t.CustomAsEvent, "this template sends the custom event name as the event name: the pixel does not know that event, and the conversion is lost",
				`send "custom" as the event name and the name in the options: { custom_event_name: … }`)
		}
	}
}
