package rules

import (
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "measure-before-init", Severity: model.Warning,
		Title: "a measure call before any init",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `Calls run in order; a measure call before init has no pixel to report
to. The init that counts is the one that gives the pixel its ID: an init
with user data only (after a login) updates a pixel initialised before it,
so a measure before such an init is not early.

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
	// An init with user data only gives no Pixel ID: it updates a pixel
	// initialised before it ("You can omit pixelId after the first
	// successful initialization"), so it neither starts the pixel nor
	// makes a measure before it early.
	for _, body := range bodies(p.Doc.Calls) {
		if n := countPixelInits(body); n == 0 || n != countPixelInits(p.inits()) {
			continue // an init elsewhere may have run first
		}
	scan:
		for _, c := range body {
			switch c.Command() {
			case "init":
				if initsPixel(c) {
					break scan
				}
			case "measure":
				p.Report(c.Span, "measure call before the init of the same function: the pixel has no Pixel ID yet",
					`call oaiq("init", { pixelId: "…" }) first`)
			}
		}
	}
	if !hasImmediateInit(p) {
		return // no init at all is init-missing's finding; one in a handler runs at an unknown time
	}
	// Calls after a blocking SDK <script> may well reach a defined oaiq:
	// their order with init still counts.
	early, page, _, _ := callsBeforeOaiq(p.Doc)
	early, _, _ = splitAfterSDK(p.Doc, page, early)
	for _, c := range p.Doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Image != nil {
			continue // a call in a handler or callback runs later, in an order the source does not tell
		}
		if slices.Contains(early, c) {
			continue // call-before-loader's finding: the call reaches no pixel at all
		}
		switch c.Command() {
		case "init":
			if initsPixel(c) {
				return
			}
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

// hasImmediateInit reports an init that gives the pixel its ID and runs
// when its script runs (not in a handler or callback).
func hasImmediateInit(p *Pass) bool {
	for _, c := range p.inits() {
		if !c.Deferred && initsPixel(c) {
			return true
		}
	}
	return false
}

// initsPixel reports an init that gives the pixel its ID, or may: its
// config names pixelId (or misspells it), or is computed or spread so that
// it may hold one. An init without (only user data, or nothing) does not.
func initsPixel(c *model.Call) bool {
	cfg := c.Arg(1)
	if cfg == nil {
		return false
	}
	if !cfg.Is(model.Object) || cfg.Open || cfg.Field("pixelId") != nil {
		return true
	}
	for _, f := range cfg.Fields {
		if msg, _ := initUnknownMessage(f.Key); strings.Contains(msg, `did you mean "pixelId"`) {
			return true
		}
	}
	return false
}

func countPixelInits(calls []*model.Call) int {
	n := 0
	for _, c := range calls {
		if c.Command() == "init" && initsPixel(c) {
			n++
		}
	}
	return n
}
