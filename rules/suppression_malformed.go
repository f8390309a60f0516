package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "suppression-malformed", Severity: model.Warning,
		Title: "a suppression comment without a rule, with an unknown rule, or without a reason",
		Spec:  "Suppressions name a rule and give a reason. (project conventions)",
		Doc: `Write ` + "`oaiq-lint-disable-next-line RULE[, RULE] -- reason`" + ` (or
` + "`oaiq-lint-disable-file`" + ` for a whole file) in a // or /* */ comment in
scripts, or in <!-- --> in markup. A suppression that names no rule would
silence everything; one without a reason leaves the next reader guessing.

Bad (it silences nothing, so the debug finding stays too):
` + md("js also=init-debug-enabled", `// oaiq-lint-disable-next-line
oaiq("init", { pixelId: "px_7Hq2Lm9", debug: true });`) + `
Good:
` + md("js", `// oaiq-lint-disable-next-line init-debug-enabled -- staging-only build
oaiq("init", { pixelId: "px_7Hq2Lm9", debug: true });`),
		Check: checkSuppressionMalformed,
	})
}

// checkSuppressionMalformed reports the comments of the input that are
// not well-formed suppressions.
func checkSuppressionMalformed(p *Pass) {
	for _, s := range p.Doc.SuppressionProblems {
		switch s.Kind {
		case model.OtherSpelling:
			p.Report(s.Span, fmt.Sprintf("%q is not an oaiq-lint suppression", s.Text),
				"write oaiq-lint-disable-next-line RULE -- reason, or oaiq-lint-disable-file RULE -- reason")
		case model.NoRules:
			p.Report(s.Span, "a suppression must name the rules it silences",
				"write oaiq-lint-disable-next-line RULE -- reason; `oaiq-lint rules` lists the ids")
		case model.NoReason:
			p.Report(s.Span, "suppression without a reason",
				"add one after \"--\": oaiq-lint-disable-next-line "+strings.Join(s.Rules, ", ")+" -- why this is fine here")
		case model.UnknownRule:
			hint := "`oaiq-lint rules` lists the ids"
			if near := suggest.Nearest(s.Text, IDs()); near != "" {
				hint = fmt.Sprintf("did you mean %q? ", near) + hint
			}
			p.Report(s.Span, fmt.Sprintf("suppression names unknown rule %q", s.Text), hint)
		}
	}
}
