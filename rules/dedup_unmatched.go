package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "dedup-unmatched", Severity: model.Info,
		Title: "an event_id seen on one side only",
		Spec:  "If you send the same conversion from both the Measurement Pixel and a server-side integration, reuse the same event_id in both places.",
		Doc: `In a log that holds both browser calls and server events, an event_id on
one side only means that conversion is not deduplicated (or was sent once,
which may be intended).

Bad:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "order_created", {"type": "contents"}, {"event_id": "order_12345"}]
{"source": "server", "pixel_id": "px_123", "event_name": "order_created", "event_id": "12345", "data": {"type": "contents"}}`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "order_created", {"type": "contents"}, {"event_id": "order_12345"}]
{"source": "server", "pixel_id": "px_123", "event_name": "order_created", "event_id": "order_12345", "data": {"type": "contents"}}`),
		Check: checkDedupUnmatched,
	})
}

// The findings, also made by LogState.
const (
	dedupOtherPixelHint = "send the server event for the pixel the page initialises"
	dedupOneSideHint    = "reuse the same event_id (and pixel) on both sides when the conversion is sent twice"
)

func dedupOtherPixelMsg(id, pixel, otherPixel, other string, otherLine int) string {
	return fmt.Sprintf("event_id %s goes to pixel %s here but to pixel %s on the %s (line %d): deduplication needs the same pixel",
		quote(id), quote(pixel), quote(otherPixel), other, otherLine)
}

func dedupOneSideMsg(id, side, other string) string {
	return fmt.Sprintf("event_id %s is sent from the %s only: no %s event shares it, so it is not deduplicated", quote(id), side, other)
}

func checkDedupUnmatched(p *Pass) {
	browser, server := dedupEvents(p.Doc)
	report := func(e dedupEvent, side, other string, others []dedupEvent) {
		for _, o := range others {
			if o.id == e.id && samePixel(o.pixel, e.pixel) {
				return
			}
		}
		for _, o := range others {
			if o.id == e.id {
				p.Report(e.idV.Span, dedupOtherPixelMsg(e.id, e.pixel, o.pixel, other, o.m.Span.Start.Line), dedupOtherPixelHint)
				return
			}
		}
		p.Report(e.idV.Span, dedupOneSideMsg(e.id, side, other), dedupOneSideHint)
	}
	for _, b := range browser {
		report(b, "browser", "server", server)
	}
	for _, s := range server {
		report(s, "server", "browser", browser)
	}
}
