package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "custom-name-case", Severity: model.Warning,
		Title: "custom_event_name not lower case",
		Spec:  "Use lowercase names for consistency.",
		Doc: `Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "QuoteRequested" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "quote_requested" });`),
		Check: checkCustomNameCase,
	})
}

func checkCustomNameCase(p *Pass) {
	customNames(p, func(v *model.Value, name string, side model.Side) {
		if reservedMatch(name) != "" || strings.ToLower(name) == name {
			return
		}
		// Unsafe: the other side must send the same name, or deduplication
		// stops pairing the events.
		other := "server"
		if side == model.Server {
			other = "browser"
		}
		p.ReportFix(v.Span, fmt.Sprintf("custom_event_name %q is not lower case; use %q", name, snakeCase(name)),
			"keep the same name on the browser and the server: deduplication compares it",
			replaceStringFix(v, snakeCase(name), fmt.Sprintf("rename the event %q (change the %s side too)", snakeCase(name), other), model.Unsafe))
	})
}
