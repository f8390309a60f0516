package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-modified", Severity: model.Warning,
		Title: "the loader stub is altered so that early calls would be lost",
		Spec:  "Put the script near the top of your <head> to ensure early conversions aren’t lost while other content loads.",
		Doc: `The documented snippet does three things: it defines ` + "`oaiq`" + ` as a
queue (` + "`q.q.push(arguments)`" + `) so calls made before the SDK arrives are kept;
it returns when ` + "`window.oaiq`" + ` already exists, so a second copy cannot replace
the queue; and it loads the SDK ` + "`async`" + `, so nothing waits on it. Edits
that drop one of these lose early calls or delay the pixel. A stub whose calls
throw (window.oaiq an array, or a queue function pushing onto a ` + "`q.q`" + ` that
nothing creates) loses the init written right after it: that is an error.

Bad:
` + md("js", `(function (w, d, s, u) {
  w.oaiq = function () {};            // no queue: early calls vanish
  var js = d.createElement(s); js.async = false; js.src = u;
  d.head.appendChild(js);
})(window, document, "script", "`+pixel.SDKURL+`");`) + `
Good: the documented snippet, unchanged apart from formatting.
` + md("js", `(function (w, d, s, u) {
  if (w.oaiq) return;
  var q = function () { q.q.push(arguments); };
  q.q = []; w.oaiq = q;
  var js = d.createElement(s); js.async = true; js.src = u;
  var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f);
})(window, document, "script", "`+pixel.SDKURL+`");`),
		Check: checkSnippetModified,
	})
}

func checkSnippetModified(p *Pass) {
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	for _, l := range facts.Loaders {
		if l.Kind != model.LoaderStub {
			continue
		}
		var lost []string
		// A stub that throws loses the init written right after it, and
		// with it the pixel: worse than a stub that drops calls quietly.
		sev := p.rule.Severity
		switch {
		case l.PixelArray:
			lost = append(lost, "it makes window.oaiq an array (w.oaiq = w.oaiq || []), which is not a function, so every oaiq(…) call made before the SDK loads throws a TypeError")
			sev = model.Error
		case l.QueueUncreated:
			lost = append(lost, "its queue function pushes onto q.q but nothing creates q.q (q.q = [] is missing), so every oaiq(…) call made before the SDK loads (such as an init right after the snippet) throws a TypeError and is lost")
			sev = model.Error
		case !l.HasQueue:
			lost = append(lost, "it defines no queue (q.q.push(arguments)), so oaiq calls made before the SDK loads are lost")
		}
		if !l.HasGuard {
			lost = append(lost, "it has no re-entry guard (if (w.oaiq) return;), so a second copy replaces window.oaiq and drops the calls queued in it")
		}
		if !l.Async {
			lost = append(lost, "it does not load the SDK async (js.async = true), so the SDK waits behind other scripts and early conversions can be lost")
		}
		if len(lost) == 0 {
			continue
		}
		p.ReportAs(sev, l.Span, "the pixel snippet was altered: "+listAnd(lost), "use the documented installation snippet unchanged")
	}
}
