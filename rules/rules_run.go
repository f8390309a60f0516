package rules

// Run: findings about the run itself rather than a call — configuration,
// suppressions, and inputs that were skipped.

import (
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
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
		},
		&Rule{
			ID: "suppression-malformed", Severity: model.Warning,
			Title: "a suppression comment without a rule, with an unknown rule, or without a reason",
			Spec:  "Suppressions name a rule and give a reason. (project conventions)",
			Doc: `Write ` + "`oaiq-lint-disable-next-line RULE[, RULE] -- reason`" + ` (or
` + "`oaiq-lint-disable-file`" + ` for a whole file) in a // or /* */ comment in
scripts, or in <!-- --> in markup. A suppression that names no rule would
silence everything; one without a reason leaves the next reader guessing.

Bad:
` + "```html" + `
<!-- oaiq-lint-disable-next-line -->
` + "```" + `
Good:
` + "```html" + `
<!-- oaiq-lint-disable-next-line init-debug-enabled -- staging-only page -->
` + "```",
		},
		&Rule{
			ID: "file-too-large", Severity: model.Info,
			Title: "a file skipped because it is over --max-file-size",
			Spec:  "Limits with clear messages, never a crash or a hang. (project conventions)",
			Doc: `Files over --max-file-size (default 50 MB) are not read, so nothing in them
was checked. Raise the limit to lint them.

Example:
` + "```" + `
dist/bundle.html: info: skipped: 80 MB is over --max-file-size (50 MB) [file-too-large]
` + "```",
		},
	)
}
