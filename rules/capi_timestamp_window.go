package rules

import (
	"fmt"
	"math"
	"time"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-timestamp-window", Severity: model.Error,
		Title: "timestamp_ms more than 7 days before or 10 minutes after the request",
		Spec:  "timestamp_ms | yes | integer Unix milliseconds, within the last 7 days and at most 10 minutes ahead (current-docs: Conversions API, event)",
		Doc: `Events are accepted up to 7 days after they happened and at most 10
minutes ahead of the request. The request's time is the record's own
(a HAR entry's startedDateTime, a client log's time), else ` + "`--now`" + `; with
neither, the window is not checked and one info finding says so. In
source code a literal timestamp is sent whenever the code runs: one info
finding says until when the API takes it.

Bad (the event is 8 days older than the request):
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1795423200000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPITimestampWindow,
	})
}

func checkCAPITimestampWindow(p *Pass) {
	unchecked, fixed := model.Span{}, time.Time{}
	capiEvents(p, func(q *model.Request, ev *model.Value) {
		v := ev.Get(pixel.EventTimestamp)
		if v == nil || v.IsDynamic() {
			return
		}
		if msg, _ := timestampProblem(v); msg != "" {
			return // capi-timestamp's finding
		}
		at, known := requestTime(q, p.Opts)
		if !known {
			if unchecked.IsZero() {
				unchecked, fixed = v.Span, time.UnixMilli(int64(v.Num))
			}
			return
		}
		event := time.UnixMilli(int64(v.Num))
		switch age := at.Sub(event); {
		case age > pixel.TimestampPast:
			p.Report(v.Span, fmt.Sprintf("timestamp_ms is %s before the request (%s): the API takes events of the last 7 days only",
				roughDuration(age), at.UTC().Format(time.RFC3339)),
				"send events within 7 days of the conversion; older ones are rejected with their whole batch")
		case -age > pixel.TimestampFuture:
			p.Report(v.Span, fmt.Sprintf("timestamp_ms is %s after the request (%s): at most 10 minutes ahead is accepted",
				roughDuration(-age), at.UTC().Format(time.RFC3339)),
				"send the time the conversion happened, in milliseconds, from a synchronised clock")
		}
	})
	switch {
	case unchecked.IsZero() || p.Doc.Continues: // said once per file
	case isTestFile(p.Doc.Path): // a test's fixed time is where it belongs
	case p.Doc.Kind != model.EventLog:
		// Code sends the time it holds whenever it runs: there is no
		// request time to compare with, only the date the value expires.
		p.ReportAs(model.Info, unchecked, fmt.Sprintf("timestamp_ms is a fixed time written in code: every request sends it, and the API takes it only until %s, 7 days after it",
			fixed.Add(pixel.TimestampPast).UTC().Format(time.RFC3339)),
			"send the time of the conversion in milliseconds (Date.now(), or the order's time); a fixed value belongs in tests only")
	default:
		p.ReportAs(model.Info, unchecked, "timestamps were not checked against the 7-day window: the log does not say when its requests were made",
			"pass --now with the time the requests were sent (RFC 3339), or log each request's time")
	}
}

// roughDuration writes d in days, hours or minutes.
func roughDuration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		days, hours := int(math.Floor(d.Hours()/24)), int(d.Hours())%24
		if hours == 0 || days >= 30 {
			return fmt.Sprintf("%d days", days)
		}
		if hours == 1 {
			return fmt.Sprintf("%d days 1 hour", days)
		}
		return fmt.Sprintf("%d days %d hours", days, hours)
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}
