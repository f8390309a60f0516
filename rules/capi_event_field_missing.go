package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-event-field-missing", Severity: model.Error,
		Title: "Conversions API event without id, type, timestamp_ms or data",
		Spec:  "id | yes | non-empty string; type | yes | a standard event name or custom; timestamp_ms | yes | integer Unix milliseconds; data | yes (current-docs: Conversions API, event)",
		Doc: `Every event needs ` + "`id`, `type`, `timestamp_ms` and `data`" + `; one event
without them fails the whole batch. A legacy name in its place
(` + "`event_name`, `event_time`, `event_id`, `custom_data`" + `) is
capi-legacy-field's finding instead.

Bad:
` + capiExample(`{"events": [{"type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIEventFieldMissing,
	})
}

// requiredHints says what each required field holds.
var requiredHints = map[string]string{
	pixel.EventID:        `add "id": the same id as the pixel's event_id for this conversion, reused on retries`,
	pixel.EventType:      `add "type": a standard event name such as "order_created", or "custom"`,
	pixel.EventTimestamp: `add "timestamp_ms": when the conversion happened, in Unix milliseconds`,
	pixel.EventData:      `add "data" with the event's shape, such as {"type": "contents", "amount": 2599, "currency": "USD"}`,
}

func checkCAPIEventFieldMissing(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		if ev.Open {
			return
		}
		for _, k := range pixel.RequiredEventFields {
			if ev.Field(k) != nil || legacyStandsIn(ev, k) {
				continue
			}
			p.Report(ev.Span, fmt.Sprintf("event without %q: the whole batch fails", k), requiredHints[k])
		}
	})
}

// legacyStandsIn: a legacy name for the field is present, and
// capi-legacy-field already asks for the rename.
func legacyStandsIn(ev *model.Value, field string) bool {
	for _, f := range ev.Fields {
		if l, ok := pixel.LegacyEventFields[f.Key]; ok && l.Use == field {
			return true
		}
	}
	return false
}
