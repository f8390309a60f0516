package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-events-invalid", Severity: model.Error,
		Title: "Conversions API request without a non-empty events array of event objects",
		Spec:  "events | yes | array of at most 1,000 events; if one event fails, the whole batch fails (current-docs: Conversions API, request body)",
		Doc: `A request body carries its events in ` + "`events`" + `, an array of event
objects. Without it (or with an object, a string or an empty array in its
place) the request sends nothing.

Bad:
` + capiExample(`{"events": `+capiGoodEvent+`}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIEventsInvalid,
	})
}

func checkCAPIEventsInvalid(p *Pass) {
	for _, q := range p.Doc.Requests {
		if q.Body.Is(model.Object) { // a computed body is dynamic-value's
			f := q.Body.Field("events")
			switch {
			case f == nil:
				p.Report(q.Body.Span, `request body without "events": it sends nothing`,
					`put the events in an array: {"events": [{"id": …, "type": …, "timestamp_ms": …, "data": {…}}]}`)
				continue
			case !f.Value.Is(model.Array) && !f.Value.IsDynamic():
				p.Report(f.Value.Span, fmt.Sprintf(`"events" must be an array of event objects, got %s`, describe(f.Value)),
					`wrap a single event in an array: "events": [{…}]`)
				continue
			case f.Value.Is(model.Array) && len(f.Value.Items) == 0 && !f.Value.Open: // events pushed later: not known empty
				p.Report(f.Value.Span, `"events" is empty: the request sends nothing`, "send at least one event, or do not send the request")
				continue
			}
		}
		for i, ev := range q.Events {
			if !ev.Is(model.Object) && !ev.IsDynamic() {
				p.Report(ev.Span, fmt.Sprintf("event %d must be an object, got %s", i, describe(ev)),
					`each event is an object: {"id": …, "type": …, "timestamp_ms": …, "data": {…}}`)
			}
		}
	}
}
