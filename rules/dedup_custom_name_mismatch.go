package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "dedup-custom-name-mismatch", Severity: model.Error,
		Title: "browser and server custom events with one event_id but different custom_event_name",
		Spec:  "For custom events, keep the same custom_event_name on both sides as well.",
		Doc: `Deduplication compares custom_event_name for custom events: a different
name on each side counts the conversion twice. A difference of case only
is not reported here: the Conversions API lower-cases the name itself, and
custom-name-case warns about the upper-case spelling.

Bad:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "custom", {"type": "custom"}, {"custom_event_name": "quote_requested", "event_id": "q_1"}]
{"source": "server", "pixel_id": "px_123", "event_name": "custom", "custom_event_name": "quote_request", "event_id": "q_1", "data": {"type": "custom"}}`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "custom", {"type": "custom"}, {"custom_event_name": "quote_requested", "event_id": "q_1"}]
{"source": "server", "pixel_id": "px_123", "event_name": "custom", "custom_event_name": "quote_requested", "event_id": "q_1", "data": {"type": "custom"}}`),
		Check: func(p *Pass) { checkDedup(p, true) },
	})
}
