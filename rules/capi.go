package rules

// What the Conversions API rules share: the events of the requests a log
// holds, the time a request was made, and the examples' request record.

import (
	"path"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// capiEvents calls fn for every event object of every request, in order.
func capiEvents(p *Pass, fn func(q *model.Request, ev *model.Value)) {
	for _, q := range p.Doc.Requests {
		for _, ev := range q.Events {
			if ev.Is(model.Object) {
				fn(q, ev)
			}
		}
	}
}

// capiUsers calls fn for every event's user object.
func capiUsers(p *Pass, fn func(ev, user *model.Value)) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		if u := ev.Get(pixel.EventUser); u.Is(model.Object) {
			fn(ev, u)
		}
	})
}

// requestTime is when the request was made: the record's own time, else
// the run's --now; false when neither is known.
func requestTime(q *model.Request, opts Options) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, q.Time); err == nil {
		return t, true
	}
	return opts.Now, !opts.Now.IsZero()
}

// eventTypeOf returns an event's type when it is a known string.
func eventTypeOf(ev *model.Value) string {
	s, _ := ev.Get(pixel.EventType).StringValue()
	return s
}

// capiGoodEvent is a valid event for the examples: a request record made at
// 2026-12-01T10:00:00Z, one hour after the event.
const capiGoodEvent = `{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}`

// capiExample wraps events (and other body members) in a request record
// whose URL and time are known, as the rules' examples are written.
func capiExample(body string) string {
	return "```json\n" + `{"url": "https://bzr.openai.com/v1/events?pid=px_1", "time": "2026-12-01T10:00:00Z", "body": ` + body + "}\n```"
}

// itemsOf and fieldsOf read a node that may be absent.
func itemsOf(v *model.Value) []*model.Value {
	if v == nil {
		return nil
	}
	return v.Items
}

func fieldsOf(v *model.Value) []*model.Field {
	if v == nil {
		return nil
	}
	return v.Fields
}

// isTestFile reports a test's source (__tests__/, test/, tests/, *.test.*,
// *.spec.*): fixed times and fake keys are what tests are made of.
func isTestFile(p string) bool {
	p = strings.ReplaceAll(p, "\\", "/")
	for _, dir := range strings.Split(path.Dir(p), "/") {
		if dir == "__tests__" || dir == "test" || dir == "tests" {
			return true
		}
	}
	base := path.Base(p)
	return strings.Contains(base, ".test.") || strings.Contains(base, ".spec.")
}

// fakeKey is a key a test makes up: short (real keys are long random
// text) or saying it is not real. A realistic key in a test is still a
// key in the repository.
func fakeKey(key string) bool {
	l := strings.ToLower(key)
	for _, w := range []string{"test", "fake", "dummy", "mock", "fixture", "example", "sample"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return len(key) < 20
}
