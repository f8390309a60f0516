package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-legacy-field", Severity: model.Error,
		Title: "a legacy or other-vendor field name in a Conversions API event",
		Spec:  "Legacy or other-vendor names that are not fields of a Conversions API event: event_name, event_time, event_time_epoch_ms, event_id, event_source_url, event_data, user_data, custom_data. (current-docs: Conversions API, event)",
		Doc: `Names from older integrations and other ad platforms'
APIs (` + "`event_name`, `event_time`, `event_id`, `event_source_url`, `user_data`, `custom_data`, `fbc`, `fbp`" + `)
are not fields of this API: the event is rejected, or the value is lost.
The hint names the field to use.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "event_name": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPILegacyField,
	})
}

func checkCAPILegacyField(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		for _, f := range ev.Fields {
			if l, ok := pixel.LegacyEventFields[f.Key]; ok {
				reportLegacy(p, f, l, "event")
			}
		}
		for _, f := range fieldsOf(ev.Get(pixel.EventUser)) {
			if l, ok := pixel.LegacyUserFields[f.Key]; ok {
				reportLegacy(p, f, l, "user")
			}
		}
	})
}

func reportLegacy(p *Pass, f *model.Field, l pixel.LegacyField, in string) {
	where := "the event"
	if l.Where == "user" {
		where = "the event's user object"
	}
	hint := fmt.Sprintf("send %q in %s instead", l.Use, where)
	if l.Note != "" {
		hint += ": " + l.Note
	}
	p.Report(f.KeySpan, fmt.Sprintf("%q is not a Conversions API %s field (a legacy or other-vendor name)", f.Key, in), hint)
}
