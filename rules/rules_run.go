package rules

// Run: findings about the run itself rather than a call — configuration,
// suppressions, and inputs that were skipped.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "init-pixel-id-unexpected", Severity: model.Error,
			Title: "a pixelId other than the one the project expects",
			Spec:  "pixelId is required. Create a new pixelId in the conversions tab of Ads Manager. (the configuration's pixel_id names the project's)",
			Doc: `With ` + "`pixel_id`" + ` set in .oaiq-lint.yaml, every init (and every server event)
must use that Pixel ID: a copy-pasted snippet from another site or a staging
pixel sends the conversions to the wrong account.

Bad (with ` + "`pixel_id: px_live_123`" + `):
` + "```js" + `
oaiq("init", { pixelId: "px_staging_999" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_live_123" });
` + "```",
			Check: checkPixelIDExpected,
		},
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

func checkPixelIDExpected(p *Pass) {
	want := p.Opts.PixelID
	if want == "" {
		return
	}
	report := func(span model.Span, got, where string) {
		p.Report(span, fmt.Sprintf("%s %s is not the project's Pixel ID %s", where, quote(got), quote(want)),
			fmt.Sprintf("use %s (pixel_id in .oaiq-lint.yaml), or fix the configuration if the project moved", quote(want)))
	}
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		if s, ok := v.StringValue(); ok && strings.TrimSpace(s) != "" && !isPlaceholder(strings.TrimSpace(s)) && s != want {
			report(v.Span, s, "pixelId")
		}
	}
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server && c.PixelID != "" && c.PixelID != want {
			report(c.PixelIDSpan, c.PixelID, "server event pixel_id")
		}
	}
}
