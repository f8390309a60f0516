package rules

// call-before-loader: a call that runs before window.oaiq exists.

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
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
  <script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
  <script>oaiq("init", { pixelId: "px_123" });</script>
</head>`) + `
Good:
` + md("html", `<head>
  <script>/* installation snippet, then */ oaiq("init", { pixelId: "px_123" });</script>
</head>`),
		Check: checkCallBeforeLoader,
	})
}

func checkCallBeforeLoader(p *Pass) {
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

// callsBeforeOaiq lists the page's calls that run, where they stand,
// before any script has defined window.oaiq. It is empty when that cannot
// be known: not a whole page, no loader at all (snippet-missing's finding),
// or code out of sight (a tag manager, an unread script or include) that
// may define oaiq first.
func callsBeforeOaiq(doc *model.Document) (early []*model.Call, page *model.PageFacts, first model.Span, found bool) {
	page = wholePage(doc)
	if page == nil || !page.HasHead || len(page.Loaders) == 0 ||
		len(page.TagManagers) > 0 || len(page.Unresolved) > 0 || len(page.Includes) > 0 || len(page.Unread) > 0 {
		return nil, nil, model.Span{}, false
	}
	first, found = firstDefiner(page)
	for _, c := range doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Span.File != doc.Path {
			continue
		}
		if found && first.File == c.Span.File && first.Start.Before(c.Span.Start) {
			continue
		}
		early = append(early, c)
	}
	return early, page, first, found
}

// firstDefiner is the earliest place window.oaiq is defined as the page
// runs: a stub that is not deferred, or a script that assigns oaiq.
func firstDefiner(page *model.PageFacts) (model.Span, bool) {
	var first model.Span
	found := false
	consider := func(s model.Span) {
		if !found || s.Start.Before(first.Start) {
			first, found = s, true
		}
	}
	for _, l := range page.Loaders {
		if l.Kind == model.LoaderStub && !l.Deferred {
			consider(placed(l))
		}
	}
	for _, s := range page.Definers {
		consider(s)
	}
	return first, found
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
