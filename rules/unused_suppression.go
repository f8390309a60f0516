package rules

import (
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "unused-suppression", Severity: model.Warning,
		Title: "a suppression comment that silences nothing",
		Spec:  "Suppressions name a rule and give a reason; report unused ones. (project conventions)",
		Doc: `A suppression whose problem is gone hides the next real one on that line.
Remove it, or the rule from its list.

Bad:
` + "```js" + `
// oaiq-lint-disable-next-line amount-not-integer -- legacy feed
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
		Check: checkUnusedSuppression,
		// Which findings a suppression matched is known once the engine
		// applied the suppressions (to the findings left after off).
		Stage: AfterSuppressions,
	})
}

// checkUnusedSuppression reports each rule of a suppression that matched
// no finding. Unknown rules are suppression-malformed's.
func checkUnusedSuppression(p *Pass) {
	for _, s := range p.Doc.Suppressions {
		for _, r := range s.Rules {
			if slices.Contains(s.Matched, r) || slices.Contains(s.Unknown, r) {
				continue
			}
			p.Report(s.Span, fmt.Sprintf("suppression of %s matches no finding", r),
				"remove it (or the rule from its list): the problem it silenced is gone")
		}
	}
}
