package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "init-missing", Severity: model.Error,
		Title: "measure calls but no init",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `Without init the pixel has no Pixel ID and sends nothing. On a page that
loads a tag manager or scripts that could not be read, init may happen out
of sight: the finding is then informational. So it is when the snippet
sits in a ` + "`<script>`" + ` of a type browsers do not run as written, which was not
read; with no other loader on the page, ` + "`snippet-missing`" + `'s note says so
alone.

Bad:
` + md("jsonl", `["measure", "order_created", {"type": "contents"}]`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_123"}]
["measure", "order_created", {"type": "contents"}]`),
		Check: checkInitMissing,
	})
}

// The finding where the whole document is seen, also made by LogState.
const (
	initMissingMsg  = "measure calls but no init: the pixel has no Pixel ID and sends nothing"
	initMissingHint = `add oaiq("init", { pixelId: "…" }) before the first measure call`
)

func checkInitMissing(p *Pass) {
	if len(p.inits()) > 0 || p.Doc.Kind == model.Fragment || p.Doc.Kind == model.Script {
		return // a fragment or script may rely on an init elsewhere
	}
	if containerDoes(p.Doc, func(v *model.ContainerVerdict) bool { return !v.Init.IsZero() }) {
		return // a tag of the container the page loads initialises
	}
	if pg := p.Doc.Page; pg != nil && len(pg.Loaders) == 0 && len(pg.Inert) > 0 {
		return // the snippet, with its init, is in a script that does not run as written: snippet-missing's one note
	}
	for _, m := range p.measures() {
		if m.Side != model.Browser || m.Image != nil {
			continue // an image tag names its pixel itself
		}
		if unseen := unseenParts(p.Doc); unseen != "" {
			p.ReportAs(model.Info, m.Span, "no init found in this page; "+unseen+" may call it, which static analysis cannot see",
				unseenHint(p.Doc))
			return
		}
		p.Report(m.Span, initMissingMsg+containersLacking(p.Doc, "initialises the pixel"), initMissingHint)
		return
	}
}
