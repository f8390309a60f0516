package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "log-parse-error", Severity: model.Error,
		Title: "a log record that is not valid JSON or not a call or event",
		Spec:  "Each record is a bare call array, a recorded browser call or a server-side event. (event log format)",
		Doc: `The event log reader reports each record it cannot read and checks the
rest.

Bad:
` + md("jsonl", `["init", {"pixelId": "px_7Hq2Lm9"}]
["measure", "order_created", {type: "contents"}]`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_7Hq2Lm9"}]
["measure", "order_created", {"type": "contents"}]`),
		Check:      checkLogParseError,
		Unreadable: true,
	})
}

// checkLogParseError reports each record the log's reader could not read.
// The reader knows the log's format, so its failure says what is wrong
// with the record and how one is written.
func checkLogParseError(p *Pass) {
	for _, f := range p.Doc.RecordFailures {
		p.Report(f.Span, f.Problem, f.Fix)
	}
}
