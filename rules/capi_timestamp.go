package rules

import (
	"fmt"
	"math"
	"regexp"
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
in seconds (` + "`Math.floor(Date.now() / 1000)`" + `, ` + "`~~(+new Date() / 1e3)`" + `,
` + "`dayjs().unix()`" + `, ` + "`moment().unix()`" + `), cut to 32 bits (` + "`Date.now() | 0`" + `,
which overflows), in microseconds (` + "`Date.now() * 1000`" + `), as an ISO text
(` + "`new Date().toISOString()`" + `) or as a Date object (` + "`new Date()`" + `,
` + "`new Date(order.createdAt)`" + `, sent as a date text); any other computation
is left unjudged. A constant bound to one of these and sent by name
(` + "`const ts = Math.floor(Date.now() / 1000)`" + `) is judged by its computation.

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
// current time in whole seconds, in seconds with a fraction, cut to 32
// bits, in microseconds, as an ISO date text, and as a Date object (which
// JSON.stringify writes as that text). Anything else computed stays
// unknown.
var (
	jsNows = []string{"Date.now()", "newDate().getTime()", "+newDate()", "+newDate", "newDate().valueOf()", "Number(newDate())"}

	computedSeconds, computedFraction, computed32Bits, computedMicro = func() (whole, fraction, bits32, micro map[string]bool) {
		whole, fraction, bits32, micro = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, now := range jsNows {
			for _, thousand := range []string{"1000", "1e3", "1E3"} {
				div := now + "/" + thousand
				fraction[div], fraction["("+div+")"] = true, true
				for _, f := range []string{"Math.floor", "Math.round", "Math.trunc", "Math.ceil", "parseInt", "Number.parseInt"} {
					whole[f+"("+div+")"] = true
				}
				whole[div+"|0"], whole["("+div+")|0"], whole["~~("+div+")"], whole["("+div+")>>>0"] = true, true, true, true
				micro[now+"*"+thousand], micro[thousand+"*"+now] = true, true
			}
			bits32[now+"|0"], bits32["~~"+now], bits32["~~("+now+")"], bits32[now+">>0"] = true, true, true, true
		}
		return whole, fraction, bits32, micro
	}()
	computedISO = map[string]bool{"newDate().toISOString()": true, "(newDate()).toISOString()": true, "newDate().toJSON()": true}
	// libSeconds are date libraries' Unix seconds: dayjs().unix(),
	// moment(x).unix(), Luxon's DateTime.now().toUnixInteger().
	libSeconds = regexp.MustCompile(`^(?:(?:dayjs|moment)\b.*\.unix\(\)|.*\.toUnixInteger\(\))$`)
)

// computedTimestampProblem says what is wrong with a computed timestamp_ms
// whose source text is one of the well-known shapes; "" otherwise.
func computedTimestampProblem(raw string) (msg, hint string) {
	const fix = "send Date.now(): it is already the time in Unix milliseconds"
	// A unary operator's text may end before its operand's closing
	// parenthesis (~~(Date.now() / 1000): the parser keeps no parentheses).
	if open := strings.Count(raw, "(") - strings.Count(raw, ")"); open > 0 {
		raw += strings.Repeat(")", open)
	}
	shape := strings.Join(strings.Fields(raw), "")
	raw = strings.Join(strings.Fields(raw), " ") // one line in the message
	shape = strings.TrimSuffix(shape, ";")
	switch {
	case computedSeconds[shape]:
		return fmt.Sprintf("timestamp_ms is %s: that is seconds, not milliseconds", raw), fix
	case libSeconds.MatchString(shape):
		return fmt.Sprintf("timestamp_ms is %s: that is seconds, not milliseconds", raw), "send the same time's milliseconds: .valueOf() (dayjs, moment) or .toMillis() (Luxon), or Date.now()"
	case computedFraction[shape]:
		return fmt.Sprintf("timestamp_ms is %s: seconds with a fraction, not an integer of milliseconds", raw), fix
	case computed32Bits[shape]:
		return fmt.Sprintf("timestamp_ms is %s: the bit operation cuts the milliseconds to 32 bits, which they overflow (a negative or wrong time)", raw), fix
	case computedMicro[shape]:
		return fmt.Sprintf("timestamp_ms is %s: that is microseconds, not milliseconds", raw), fix
	case computedISO[shape]:
		return fmt.Sprintf("timestamp_ms is %s: a date text, not an integer of Unix milliseconds", raw), fix
	case shape == "newDate" || dateObject(shape):
		// Quoted as the shape: a transform may drop new Date's parentheses.
		what := "new Date()"
		if shape != "newDate" && shape != "newDate()" {
			what = raw
		}
		return fmt.Sprintf("timestamp_ms is %s: a Date object, which JSON.stringify sends as a date text, not an integer of milliseconds", what),
			"send its milliseconds: new Date(…).getTime(), or Date.now() for the current time"
	}
	return "", ""
}

// dateObject reports new Date(…) as a whole: the parenthesis opened after
// Date closes at the end (not new Date(x).getTime()).
func dateObject(shape string) bool {
	if !strings.HasPrefix(shape, "newDate(") || !strings.HasSuffix(shape, ")") {
		return false
	}
	depth := 0
	for i := len("newDate"); i < len(shape); i++ {
		switch shape[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i == len(shape)-1
			}
		}
	}
	return false
}

// milliseconds reads a 10-digit count as seconds.
func milliseconds(n float64) float64 {
	if n >= 1e9 && n < 1e10 {
		return n * 1000
	}
	return n
}
