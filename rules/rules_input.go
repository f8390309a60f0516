package rules

// Input: what the linter could or could not read, and documented fields
// whose JSON type is wrong where no more specific rule applies.

import (
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "log-parse-error", Severity: model.Error,
			Title: "a log record that is not valid JSON or not a call or event",
			Spec:  "Each record is a bare call array, a recorded browser call or a server-side event. (event log format)",
			Doc: `The event log reader reports each record it cannot read and checks the
rest.

Bad:
` + "```json" + `
["measure", "order_created", {type: "contents"}]
` + "```" + `
Good:
` + "```json" + `
["measure", "order_created", {"type": "contents"}]
` + "```",
		},
	)
}
