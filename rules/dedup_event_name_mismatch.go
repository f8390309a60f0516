package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "dedup-event-name-mismatch", Severity: model.Error,
		Title: "browser and server events with one event_id but different event names",
		Spec:  "Deduplication matches on your Pixel ID, the event name, and event_id.",
		Doc: `Bad: browser ` + "`order_created`" + ` and server ` + "`checkout_started`" + ` both with
event_id "order_12345": neither is deduplicated.

Good: the same event name and event_id on both sides.`,
		Check: func(p *Pass) { checkDedup(p, false) },
	})
}
