package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "init-missing", Severity: model.Error,
		Title: "measure calls but no init",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `Without init the pixel has no Pixel ID and sends nothing. On a page that
loads a tag manager or scripts that could not be read, init may happen out
of sight: the finding is then informational.

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
