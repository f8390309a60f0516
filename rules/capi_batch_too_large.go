package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-batch-too-large", Severity: model.Error,
		Title: "Conversions API request with more than 1,000 events",
		Spec:  "events | yes | array of at most 1,000 events; if one event fails, the whole batch fails (current-docs: Conversions API, request body)",
		Doc: `One request carries at most 1,000 events, and one failing event fails the
whole batch: a request with more is rejected with every event in it.

Bad (this event 1,001 times in one request):
` + strings.Replace(capiExample(`{"events": [`+capiGoodEvent+`]}`), "```json", "```json events=1001", 1) + `
Good: the same events split into requests of at most 1,000 each, such as
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIBatchTooLarge,
	})
}

func checkCAPIBatchTooLarge(p *Pass) {
	for _, q := range p.Doc.Requests {
		ev := q.Body.Get("events")
		if q.Body == nil || !ev.Is(model.Array) || len(ev.Items) <= pixel.MaxBatchEvents {
			continue
		}
		n := len(ev.Items)
		p.Report(ev.Span, fmt.Sprintf("%s events in one request: the Conversions API takes at most %s, and the whole batch would fail",
			thousands(n), thousands(pixel.MaxBatchEvents)),
			fmt.Sprintf("split the events into %d requests of at most %s", (n+pixel.MaxBatchEvents-1)/pixel.MaxBatchEvents, thousands(pixel.MaxBatchEvents)))
	}
}

// thousands writes n with commas: 1,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
