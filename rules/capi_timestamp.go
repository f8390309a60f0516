package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-timestamp", Severity: model.Error,
		Title: "timestamp_ms not an integer number of Unix milliseconds",
		Spec:  "timestamp_ms | yes | integer Unix milliseconds, within the last 7 days and at most 10 minutes ahead (seconds instead of milliseconds is a classic bug) (current-docs: Conversions API, event)",
		Doc: `` + "`timestamp_ms`" + ` is an integer count of milliseconds since 1970. A
10-digit value is seconds (the classic bug: multiply by 1000); a string,
a fraction or a date text is rejected, and with it the whole batch. In
server code the well-known computations are recognised: the current time
in seconds (` + "`Math.floor(Date.now() / 1000)`" + `, ` + "`Date.now() / 1000 | 0`" + `), as
an ISO text (` + "`new Date().toISOString()`" + `) or as a ` + "`new Date()`" + ` object;
any other computation is left unjudged.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Bad (seconds computed in server code):
` + "```ts" + `
await fetch("https://bzr.openai.com/v1/events?pid=px_1", { method: "POST", body: JSON.stringify({ events: [
  { id: order.id, type: "order_created", timestamp_ms: Math.floor(Date.now() / 1000), data: { type: "contents" } },
] }) });
` + "```" + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`) + `
` + "```ts" + `
await fetch("https://bzr.openai.com/v1/events?pid=px_1", { method: "POST", body: JSON.stringify({ events: [
  { id: order.id, type: "order_created", timestamp_ms: Date.now(), data: { type: "contents" } },
] }) });
` + "```",
		Check: checkCAPITimestamp,
	})
}

func checkCAPITimestamp(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		v := ev.Get(pixel.EventTimestamp)
		if v.IsDynamic() {
			if msg, hint := computedTimestampProblem(v.Raw); msg != "" {
				p.Report(v.Span, msg, hint)
			}
			return
		}
		if v == nil {
			return
		}
		if msg, hint := timestampProblem(v); msg != "" {
			p.Report(v.Span, msg, hint)
		}
	})
}

// timestampProblem says what is wrong with a timestamp_ms value, "" when
// it is an integer of milliseconds.
func timestampProblem(v *model.Value) (msg, hint string) {
	const fix = "send the time in Unix milliseconds as a JSON integer, such as Date.now() in JavaScript or int(time.time() * 1000) in Python"
	switch {
	case v.Is(model.String):
		if n, err := strconv.ParseFloat(v.Str, 64); err == nil && n == math.Trunc(n) {
			return fmt.Sprintf("timestamp_ms must be a number, not the string %s", quote(v.Str)), "send " + strconv.FormatFloat(milliseconds(n), 'f', 0, 64) + " without quotes"
		}
		return fmt.Sprintf("timestamp_ms must be an integer of Unix milliseconds, got %s", describe(v)), fix
	case !v.Is(model.Number):
		return fmt.Sprintf("timestamp_ms must be an integer of Unix milliseconds, got %s", describe(v)), fix
	case !v.IsInteger():
		if n := math.Abs(v.Num); n >= 1e9 && n < 1e10 {
			return fmt.Sprintf("timestamp_ms %s is in seconds (with a fraction), not milliseconds", numText(v)),
				fmt.Sprintf("multiply by 1000 and round: %.0f", math.Round(v.Num*1000))
		}
		return fmt.Sprintf("timestamp_ms must be an integer, got %s", numText(v)), "round to whole milliseconds"
	case v.Num < 0:
		return fmt.Sprintf("timestamp_ms %s is negative", numText(v)), fix
	case v.Num >= 1e9 && v.Num < 1e10:
		return fmt.Sprintf("timestamp_ms %s has 10 digits: that is seconds, not milliseconds", numText(v)),
			fmt.Sprintf("multiply by 1000: %.0f", v.Num*1000)
	case v.Num >= 1e15:
		return fmt.Sprintf("timestamp_ms %s is too large for milliseconds (microseconds or nanoseconds?)", numText(v)),
			"divide down to milliseconds: 13 digits for dates of this century"
	}
	return "", ""
}

// Computed timestamps of well-known shapes, with white space removed: the
// current time in whole seconds, in seconds with a fraction, as an ISO
// date text, and as a Date object (which JSON.stringify writes as that
// text). Anything else computed stays unknown.
var (
	jsNows = []string{"Date.now()", "newDate().getTime()", "+newDate()", "newDate().valueOf()"}

	computedSeconds, computedFraction = func() (whole, fraction map[string]bool) {
		whole, fraction = map[string]bool{}, map[string]bool{}
		for _, now := range jsNows {
			div := now + "/1000"
			fraction[div], fraction["("+div+")"] = true, true
			for _, f := range []string{"Math.floor", "Math.round", "Math.trunc", "Math.ceil", "parseInt", "Number.parseInt"} {
				whole[f+"("+div+")"] = true
			}
			whole[div+"|0"], whole["("+div+")|0"], whole["~~("+div+")"] = true, true, true
		}
		return whole, fraction
	}()
	computedISO  = map[string]bool{"newDate().toISOString()": true, "(newDate()).toISOString()": true, "newDate().toJSON()": true}
	computedDate = map[string]bool{"newDate()": true, "newDate": true}
)

// computedTimestampProblem says what is wrong with a computed timestamp_ms
// whose source text is one of the well-known shapes; "" otherwise.
func computedTimestampProblem(raw string) (msg, hint string) {
	const fix = "send Date.now(): it is already the time in Unix milliseconds"
	shape := strings.Join(strings.Fields(raw), "")
	raw = strings.Join(strings.Fields(raw), " ") // one line in the message
	shape = strings.TrimSuffix(shape, ";")
	switch {
	case computedSeconds[shape]:
		return fmt.Sprintf("timestamp_ms is %s: that is seconds, not milliseconds", raw), fix
	case computedFraction[shape]:
		return fmt.Sprintf("timestamp_ms is %s: seconds with a fraction, not an integer of milliseconds", raw), fix
	case computedISO[shape]:
		return fmt.Sprintf("timestamp_ms is %s: a date text, not an integer of Unix milliseconds", raw), fix
	case computedDate[shape]:
		// Quoted as the shape: a transform may drop new Date's parentheses.
		return "timestamp_ms is new Date(): a Date object, which JSON.stringify sends as a date text, not an integer of milliseconds", fix
	}
	return "", ""
}

// milliseconds reads a 10-digit count as seconds.
func milliseconds(n float64) float64 {
	if n >= 1e9 && n < 1e10 {
		return n * 1000
	}
	return n
}
