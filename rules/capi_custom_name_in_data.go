package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-custom-name-in-data", Severity: model.Error,
		Title: "custom_event_name inside data instead of at event level",
		Spec:  "custom_event_name | when type is custom | at event level, not inside data; same name rules as the pixel; lower-cased by the API (current-docs: Conversions API, event)",
		Doc: `On the server, a custom event's name is a member of the event itself, not
of its data. Inside ` + "`data`" + ` it is an extra custom field, and the event has no name.

Bad:
` + capiExample(`{"events": [{"id": "q_1", "type": "custom", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/quote", "data": {"type": "custom", "custom_event_name": "quote_requested"}}]}`) + `
Good:
` + capiExample(`{"events": [{"id": "q_1", "type": "custom", "custom_event_name": "quote_requested", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/quote", "data": {"type": "custom"}}]}`),
		Check: checkCAPICustomNameInData,
	})
}

func checkCAPICustomNameInData(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		f := ev.Get(pixel.EventData).Field(pixel.EventCustomName)
		if f == nil || eventTypeOf(ev) != pixel.CustomEvent {
			return
		}
		if ev.Field(pixel.EventCustomName) != nil {
			p.Report(f.KeySpan, "custom_event_name is written twice: at event level and inside data, where it is only an extra field",
				"remove it from data; the event-level custom_event_name names the event")
			return
		}
		p.Report(f.KeySpan, "custom_event_name is inside data: the Conversions API reads it at event level, so the event has no name",
			`move it up beside "type": {"type": "custom", "custom_event_name": "…", "data": {"type": "custom", …}}`)
	})
}
