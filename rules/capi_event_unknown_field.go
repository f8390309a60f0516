package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-event-unknown-field", Severity: model.Warning,
		Title: "an event or request body member the Conversions API does not document",
		Spec:  "Event: id, type, timestamp_ms, custom_event_name, oppref, source_url, action_source, user, opt_out, data. Request body: validate_only, integration_source, events. (current-docs: Conversions API)",
		Doc: `The API documents ten event fields and three body fields. Anything else is
at best ignored; a misspelt field (` + "`timestamp`, `actionSource`" + `) loses its value.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "actionSource": "web", "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIEventUnknownField,
	})
}

func checkCAPIEventUnknownField(p *Pass) {
	for _, q := range p.Doc.Requests {
		for _, f := range fieldsOf(q.Body) {
			if slices.Contains(pixel.RequestFields, f.Key) || f.Key == pixel.EventUser {
				continue // user at the root is capi-user-at-root's
			}
			msg := fmt.Sprintf("%q is not a documented request body field", f.Key)
			hint := "the body holds validate_only, integration_source and events"
			if f.Key == pixel.CAPIPixelParam {
				hint = "pid is a query parameter of the URL: https://bzr.openai.com/v1/events?pid=…"
			} else if slices.Contains(pixel.EventFields, f.Key) {
				hint = fmt.Sprintf("%q belongs in each event, not in the body", f.Key)
			}
			p.Report(f.KeySpan, msg, hint)
		}
	}
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		for _, f := range ev.Fields {
			if slices.Contains(pixel.EventFields, f.Key) {
				continue
			}
			if _, legacy := pixel.LegacyEventFields[f.Key]; legacy {
				continue
			}
			hint := "the event fields are " + strings.Join(pixel.EventFields, ", ")
			if near := eventFieldFix(f.Key); near != "" {
				hint = fmt.Sprintf("did you mean %q?", near)
			}
			p.Report(f.KeySpan, fmt.Sprintf("%q is not a documented event field: its value is not sent", f.Key), hint)
		}
	})
}

// eventFieldFix finds the field a misspelt or camel-cased name meant.
func eventFieldFix(key string) string {
	n := normalizeName(key)
	for _, f := range pixel.EventFields {
		if normalizeName(f) == n {
			return f
		}
	}
	if n == "timestamp" || n == "time" || n == "eventtimems" {
		return pixel.EventTimestamp
	}
	return suggest.Nearest(key, pixel.EventFields)
}
