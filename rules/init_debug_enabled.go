package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "init-debug-enabled", Severity: model.Warning,
		Title: "debug: true left on",
		Spec:  "debug is optional and logs SDK activity to the browser console while you test your integration.",
		Doc: `debug is for testing; in production it logs every event to visitors'
consoles.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123", debug: true });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
` + "```",
		Check: checkDebugEnabled,
	})
}

// debugFix removes debug: true from init (unsafe: a build that relies on
// the console output loses it).
func debugFix(doc *model.Document, cfg *model.Value) *model.Fix {
	for i, f := range cfg.Fields {
		if f.Key == "debug" && cfg.Field("debug") == f {
			return model.NewFix("remove debug: true", model.Unsafe, model.E(removeMember(doc, cfg, i)))
		}
	}
	return nil
}

func checkDebugEnabled(p *Pass) {
	for _, c := range p.inits() {
		if v := initConfig(c).Get("debug"); v.Is(model.Bool) && v.Bool {
			p.ReportFix(v.Span, "debug: true logs every event to the browser console",
				"remove debug (or tie it to a non-production build) before shipping", debugFix(p.Doc, initConfig(c)))
		}
	}
}
