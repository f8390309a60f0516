package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "call-before-loader", Severity: model.Warning,
		Title: "a call that runs before the snippet has defined oaiq",
		Spec:  "Put the script near the top of your <head> to ensure early conversions aren’t lost while other content loads.",
		Doc: `The installation snippet defines window.oaiq at once, as a queue that
keeps every call until the SDK arrives. Page code that calls oaiq before the
snippet has run finds nothing there: the call throws a ReferenceError (or a
` + "`window.oaiq && …`" + ` guard skips it) and the conversion is lost. This
happens when the only loader is the SDK's own async <script>, when the
snippet sits in a script that runs late (defer, async, type="module"), or
when it comes after the call in the page. Read statically, calls in event
handlers and callbacks run later and are not judged; with --render, any call
the browser saw throw (oaiq is not defined) is reported too.

Bad:
` + md("html", `<head>
  <script async src="`+pixel.SDKURL+`"></script>
  <script>oaiq("init", { pixelId: "px_123" });</script>
</head>`) + `
Good:
` + md("html", `<head>
`+snippetExample("", pixel.SDKURL)+`
</head>`),
		Check: checkCallBeforeLoader,
	})
}

func checkCallBeforeLoader(p *Pass) {
	if r := p.Doc.Render; r != nil {
		// The browser saw these calls throw: no reasoning about order needed.
		for _, l := range r.Lost {
			p.Report(l.Span, "oaiq is not defined when this runs (the browser threw "+pii.Redact(l.Thrown)+"): the call is lost",
				"put the installation snippet at the top of <head>, without defer, async or type=\"module\": its stub defines oaiq at once and queues calls until the SDK arrives")
		}
	}
	early, page, first, found := callsBeforeOaiq(p.Doc)
	if len(early) == 0 {
		return
	}
	msg := "oaiq is called before it exists: " + whyUndefined(page, first, found, early[0]) +
		", so the call throws a ReferenceError (or a guard skips it) and the conversion is lost"
	switch n := len(early) - 1; {
	case n == 1:
		msg += "; so does the next call"
	case n > 1:
		msg += fmt.Sprintf("; so do the %d calls after it", n)
	}
	p.Report(early[0].Span, msg, "put the installation snippet at the top of <head>, without defer, async or type=\"module\": its stub queues calls until the SDK arrives")
}

// whyUndefined says why window.oaiq does not exist yet when call runs.
func whyUndefined(page *model.PageFacts, first model.Span, found bool, call *model.Call) string {
	if found {
		return "the snippet comes later in the page (" + at(first, call.Span) + ")"
	}
	for _, l := range page.Loaders {
		if l.Kind == model.LoaderStub {
			return "the snippet is in a script that runs late (" + at(placed(l), call.Span) + ": defer, async or a module)"
		}
	}
	return "the only loader is the SDK's own <script> (" + at(placed(page.Loaders[0]), call.Span) + "), which has not run yet"
}
