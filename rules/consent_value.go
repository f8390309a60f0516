package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "consent-value", Severity: model.Error,
		Title: "consent argument not a boolean",
		Spec:  "oaiq(\"consent\", false) / oaiq(\"consent\", true). The argument is a boolean. (pixel page, consent section, revision P4)",
		Doc: `The string "false" is not false: a consent call with anything but a
boolean does not deny consent.

Bad:
` + "```js" + `
oaiq("consent", "false");
` + "```" + `
Good:
` + "```js" + `
oaiq("consent", false);
` + "```",
		Check: checkConsentValue,
	})
}

func checkConsentValue(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Command() != "consent" {
			continue
		}
		v := c.Arg(1)
		switch {
		case v == nil:
			p.Report(c.Span, "consent needs a boolean argument", `oaiq("consent", false) to deny, oaiq("consent", true) to grant`)
		case v.IsDynamic() || v.Is(model.Bool):
		default:
			hint := `oaiq("consent", false) to deny, oaiq("consent", true) to grant`
			if s, ok := v.StringValue(); ok && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
				hint = fmt.Sprintf("use %s without quotes", strings.ToLower(s))
			}
			p.Report(v.Span, "consent must be a boolean, got "+describe(v), hint)
		}
	}
}
