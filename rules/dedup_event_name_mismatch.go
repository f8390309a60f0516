package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "dedup-event-name-mismatch", Severity: model.Error,
		Title: "browser and server events with one event_id but different event names",
		Spec:  "Deduplication matches on your Pixel ID, the event name, and event_id.",
		Doc: `Deduplication matches on the Pixel ID, the event name and event_id: a
browser order_created and a server checkout_started with one event_id are
never matched, so neither is deduplicated.

Bad:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "order_created", {"type": "contents"}, {"event_id": "order_12345"}]
{"source": "server", "pixel_id": "px_123", "event_name": "checkout_started", "event_id": "order_12345", "data": {"type": "contents"}}`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "order_created", {"type": "contents"}, {"event_id": "order_12345"}]
{"source": "server", "pixel_id": "px_123", "event_name": "order_created", "event_id": "order_12345", "data": {"type": "contents"}}`),
		Check: func(p *Pass) { checkDedup(p, false) },
	})
}
