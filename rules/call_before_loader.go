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
when it comes after the call in the page, or when a consent manager holds
the snippet back until the visitor agrees (a call guarded by a test of
` + "`oaiq`" + ` is then skipped before consent, as the policy wants:
` + "`snippet-consent-gated`" + `'s note), or when the snippet is in a
` + "`<script>`" + ` of a type browsers do not run (` + "`text/template`" + `, ` + "`text/plain`" + `)
that no known consent manager marks: whatever may release it later, an
unguarded call before then throws (a guarded one is skipped:
` + "`snippet-missing`" + `'s note). A call in an external script
runs where the page's blocking ` + "`<script src>`" + ` that loads it stands. Read
statically, calls in event handlers and callbacks run later and are not
judged; with --render, any call the browser saw throw (oaiq is not defined)
is reported too.

A plain blocking SDK ` + "`<script src>`" + ` (no async or defer) has run by the time
the scripts after it run; whether the SDK then defines oaiq by itself is not
documented, so calls there are an info pointing to the documented snippet,
not a certain loss.

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
	// A blocking SDK <script> has run by the time the scripts after it
	// run: whether oaiq then exists is the SDK's undocumented business,
	// not a certain ReferenceError.
	early, afterSDK, sdk := splitAfterSDK(p.Doc, page, early)
	if len(afterSDK) > 0 {
		p.ReportAs(model.Info, afterSDK[0].Span,
			"the SDK is loaded by a plain blocking <script> ("+at(sdk, afterSDK[0].Span)+") without the installation snippet: it has run by now, but that the SDK defines oaiq by itself is not documented; the documented snippet defines oaiq at once and queues calls until the SDK arrives without blocking the page"+andLater(len(afterSDK)-1, "the same holds for"),
			"replace the SDK <script> with the installation snippet at the top of <head>")
	}
	if len(early) == 0 {
		return
	}
	outcome := ", so the call throws a ReferenceError (or a guard skips it) and the conversion is lost"
	hint := "put the installation snippet at the top of <head>, without defer, async or type=\"module\": its stub queues calls until the SDK arrives"
	if h, ok := heldBack(page); ok && !found {
		// Guarded calls were left to snippet-consent-gated's or
		// snippet-missing's note: these throw.
		outcome = ", so the call throws a ReferenceError, which also stops the rest of its script, and the conversion is lost"
		hint = h.hint
	}
	msg := "oaiq is called before it exists: " + whyUndefined(page, first, found, early[0]) + outcome + andLater(len(early)-1, "so does")
	p.Report(early[0].Span, msg, hint)
}

// andLater ends a message about the first of several calls: "; so does
// the next call", "; so do the 3 calls after it" (verb is the singular
// form's lead: "so does" or "the same holds for").
func andLater(n int, verb string) string {
	switch {
	case n == 1:
		return "; " + verb + " the next call"
	case n > 1:
		if verb == "so does" {
			verb = "so do"
		}
		return fmt.Sprintf("; %s the %d calls after it", verb, n)
	}
	return ""
}

// whyUndefined says why window.oaiq does not exist yet when call runs.
func whyUndefined(page *model.PageFacts, first model.Span, found bool, call *model.Call) string {
	lead := ""
	if el := call.Element; !el.IsZero() && el.File != call.Span.File {
		lead = "the page runs this script where its <script src> stands (" + at(el, call.Span) + "), and "
	}
	if found {
		return lead + "the snippet comes later in the page (" + at(first, call.Span) + ")"
	}
	if h, ok := heldBack(page); ok {
		return lead + h.why(call.Span)
	}
	for _, l := range page.Loaders {
		if l.Kind == model.LoaderStub {
			return lead + "the snippet is in a script that runs late (" + at(placed(l), call.Span) + ": defer, async or a module)"
		}
	}
	return lead + "the only loader is the SDK's own <script> (" + at(placed(page.Loaders[0]), call.Span) + "), which has not run yet"
}
