package rules

import (
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "measure-before-init", Severity: model.Warning,
		Title: "a measure call before any init",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `Calls run in order; a measure call before init has no pixel to report
to.

Bad:
` + "```js" + `
oaiq("measure", "page_viewed", { type: "contents" });
oaiq("init", { pixelId: "px_123" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("measure", "page_viewed", { type: "contents" });
` + "```",
		Check: checkMeasureBeforeInit,
	})
}

func checkMeasureBeforeInit(p *Pass) {
	// In one callback (useEffect(() => { … })) the calls run in written
	// order: a measure before the init that only this body makes is early.
	for _, body := range bodies(p.Doc.Calls) {
		if n := countInits(body); n == 0 || n != len(p.inits()) {
			continue // an init elsewhere may have run first
		}
	scan:
		for _, c := range body {
			switch c.Command() {
			case "init":
				break scan
			case "measure":
				p.Report(c.Span, "measure call before the init of the same function: the pixel has no Pixel ID yet",
					`call oaiq("init", { pixelId: "…" }) first`)
			}
		}
	}
	if !hasImmediateInit(p) {
		return // no init at all is init-missing's finding; one in a handler runs at an unknown time
	}
	early, _, _, _ := callsBeforeOaiq(p.Doc)
	for _, c := range p.Doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Image != nil {
			continue // a call in a handler or callback runs later, in an order the source does not tell
		}
		if slices.Contains(early, c) {
			continue // call-before-loader's finding: the call reaches no pixel at all
		}
		switch c.Command() {
		case "init":
			return
		case pixel.CommandMeasure, pixel.CommandMeasureSingle:
			p.Report(c.Span, measureBeforeInitMsg(c.Command()), measureBeforeInitHint)
		}
	}
}

// The finding outside function bodies, also made by LogState: command is
// measure or measureSingle.
const measureBeforeInitHint = `call oaiq("init", { pixelId: "…" }) first`

func measureBeforeInitMsg(command string) string {
	return command + " call before any init: the pixel has no Pixel ID yet"
}

// hasImmediateInit reports an init that runs when its script runs (not in
// a handler or callback).
func hasImmediateInit(p *Pass) bool {
	for _, c := range p.inits() {
		if !c.Deferred {
			return true
		}
	}
	return false
}
