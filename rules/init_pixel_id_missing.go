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
		Doc: `The first init of a page must carry the Pixel ID. In a script or
fragment, whose page may have initialised the pixel before, only an init
that sets nothing at all (no config, or ` + "`{}`" + `) is reported, as a warning: it
is wrong wherever it runs.

Bad:
` + md("jsonl", `["init", {"user": {"country": "US"}}]`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123", "user": {"country": "US"}}]`),
		Check: checkPixelIDMissing,
	})
}

func checkPixelIDMissing(p *Pass) {
	is := p.inits()
	if len(is) == 0 {
		return
	}
	if p.Doc.Kind == model.Fragment || p.Doc.Kind == model.Script {
		// A fragment or script (a login handler, a component) may re-init
		// after the page's first init: "You can omit pixelId after the first
		// successful initialization." A re-init brings the user object,
		// though: one that sets nothing is wrong wherever it runs.
		if c := is[0]; setsNothing(c) {
			p.ReportAs(model.Warning, c.Span, "this init sets nothing (no pixelId, no user): as the pixel's first init it leaves the pixel without a Pixel ID, so nothing is sent; after another init it changes nothing",
				`give the first init the Pixel ID, oaiq("init", { pixelId: "…" }), and a later one the complete user object`)
		}
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

// setsNothing reports an init without a config, or with an empty object
// literal for one.
func setsNothing(c *model.Call) bool {
	if len(c.Args) < 2 {
		return true
	}
	cfg := initConfig(c)
	return cfg != nil && !cfg.Open && !cfg.IsDynamic() && len(cfg.Fields) == 0
}
