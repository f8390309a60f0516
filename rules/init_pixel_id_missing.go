package rules

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-missing", Severity: model.Error,
		Title: "the first init has no pixelId",
		Spec:  "pixelId is required. … You can omit pixelId after the first successful initialization.",
		Doc: `Bad:
` + md("jsonl", `["init", {"user": {"country": "US"}}]`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123", "user": {"country": "US"}}]`),
		Check: checkPixelIDMissing,
	})
}

func checkPixelIDMissing(p *Pass) {
	is := p.inits()
	if len(is) == 0 || p.Doc.Kind == model.Fragment || p.Doc.Kind == model.Script {
		// A fragment or script (a login handler, a component) may re-init
		// after the page's first init: "You can omit pixelId after the first
		// successful initialization."
		return
	}
	c := is[0]
	if len(c.Args) < 2 {
		p.Report(c.Span, "the first init has no config and so no pixelId", `oaiq("init", { pixelId: "…" })`)
		return
	}
	cfg := initConfig(c)
	if cfg == nil || cfg.Open || cfg.Field("pixelId") != nil {
		return // a non-object config is field-type's; a spread may hold pixelId
	}
	for _, f := range cfg.Fields {
		if msg, _ := initUnknownMessage(f.Key); strings.Contains(msg, `did you mean "pixelId"`) {
			return // a misspelt pixelId: init-unknown-field says so at the key
		}
	}
	if unseen := unseenParts(p.Doc); unseen != "" {
		p.ReportAs(model.Info, c.Span, "this page's first init has no pixelId; "+unseen+" may initialise the pixel first, which static analysis cannot see",
			"make sure an init with pixelId runs before this one, or add pixelId here")
		return
	}
	p.Report(c.Span, "the first init has no pixelId; only later inits may leave it out",
		`add pixelId: "…" from the conversions tab of Ads Manager`)
}
