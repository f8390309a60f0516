package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-late", Severity: model.Warning,
		Title: "the pixel loader runs after other scripts or stylesheets, or after the page is interactive",
		Spec:  headSpec,
		Doc: `Near the top of ` + "`<head>`" + ` means before external scripts and
stylesheets (meta, title and base may come first). Each one ahead of the
snippet delays the pixel; the finding names the first. Only what holds the
scripts after it counts: not async, defer or module scripts, nor
stylesheets for print only (` + "`media=\"print\"`" + `, the trick that loads CSS
without blocking), alternate or disabled ones. Framework components that run the snippet after
hydration (Next.js ` + "`<Script>`" + ` with ` + "`afterInteractive`" + `, the default, or
` + "`lazyOnload`" + `) are late too.

Bad:
` + md("html", `<head>
  <link rel="stylesheet" href="/site.css">
  <script src="https://cdn.example.com/vendor.js"></script>
`+snippetExample("", pixel.SDKURL)+`
</head>`) + `
` + md("tsx", `import Script from "next/script";

export default function Pixel() {
  return <Script src="`+pixel.SDKURL+`" strategy="lazyOnload" />;
}`) + `
Good:
` + md("html", goodHead) + `
` + md("tsx", `import Script from "next/script";

export default function Pixel() {
  return <Script src="`+pixel.SDKURL+`" strategy="beforeInteractive" />;
}`),
		Check: checkSnippetLate,
	})
}

func checkSnippetLate(p *Pass) {
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	whole := wholePage(p.Doc) != nil
	for _, l := range facts.Loaders {
		switch {
		case l.Consent != "":
			// It runs once the visitor agrees, wherever it stands:
			// snippet-consent-gated's note.
		case l.Late:
			reason := l.LateReason
			if reason == "" {
				reason = "it runs after the page is interactive"
			}
			// A queue stub defined earlier keeps the calls: they wait.
			outcome := "conversions sent before it runs are lost"
			if queuedBefore(facts, l) {
				outcome = "conversions sent before it runs wait in the queue defined earlier and are delayed"
			}
			p.ReportFix(l.Span, loaderNoun(l)+" runs late: "+reason+"; "+outcome, lateHint(l, reason), strategyFix(p.Doc, l))
		case whole && l.InHead && l.Preceding > 0:
			outcome := "conversions sent while they load are lost"
			if queuedBefore(facts, l) {
				outcome = "conversions sent while they load wait in the queue defined earlier and are delayed"
			}
			p.Report(placed(l),
				fmt.Sprintf("%s comes after %s in <head>%s; %s", loaderNoun(l),
					plural(l.Preceding, "external script or stylesheet", "external scripts or stylesheets"), firstBlocker(l), outcome),
				"move it above them, to the top of <head> (meta, title and base may stay before it)")
		}
	}
}

// queuedBefore reports a script that defines window.oaiq (a queue stub)
// before the loader l: calls made before l runs are queued, not lost.
func queuedBefore(facts *model.PageFacts, l model.LoaderSighting) bool {
	for _, d := range facts.Definers {
		if d != l.Element && d != l.Span && d.File == l.Span.File && d.Start.Before(l.Span.Start) {
			return true
		}
	}
	return false
}

// strategyFix gives a late Next.js <Script> strategy="beforeInteractive":
// the strategy written is replaced, or the attribute added after the tag
// name when there is none (Next.js then defaults to afterInteractive). It
// changes only when the snippet runs, so it is safe.
func strategyFix(doc *model.Document, l model.LoaderSighting) *model.Fix {
	if doc == nil || doc.Text == nil || !strings.Contains(l.LateReason, "strategy") {
		return nil
	}
	text, ok := doc.Text(l.Span)
	if !ok || text == "" {
		return nil
	}
	const want = "beforeInteractive"
	var to string
	if strings.HasPrefix(text, "<") && !strings.ContainsAny(text, " \t\r\n=") {
		to = text + ` strategy="` + want + `"`
	} else {
		for _, late := range []string{"afterInteractive", "lazyOnload", "worker"} {
			if strings.Count(text, late) == 1 && len(text) <= len(`strategy={"`+late+`"}`)+2 {
				to = strings.Replace(text, late, want, 1)
			}
		}
	}
	if to == "" {
		return nil
	}
	return model.NewFix(`use strategy="beforeInteractive"`, model.Safe, model.E(model.Whole(l.Span, text, to)))
}

// lateHint suggests the framework's early strategy when the reason names a
// late one.
func lateHint(l model.LoaderSighting, reason string) string {
	what := "the snippet"
	if l.Kind == model.LoaderScriptTag {
		what = "the SDK <script>"
	}
	if strings.Contains(reason, "afterInteractive") || strings.Contains(reason, "lazyOnload") || strings.Contains(reason, "strategy") {
		return `use strategy="beforeInteractive" (or put ` + what + ` in the document <head>) so it runs before the page is interactive`
	}
	return "load " + what + " from the top of <head>"
}

// firstBlocker names the first element that holds the loader back:
// " (/site.css, line 7)", " (the first: /site.css, line 7)".
func firstBlocker(l model.LoaderSighting) string {
	b := l.FirstPreceding
	if b.Span.IsZero() {
		return ""
	}
	where := at(b.Span, placed(l))
	if b.What != "" {
		where = b.What + ", " + where
	}
	if l.Preceding > 1 {
		return " (the first: " + where + ")"
	}
	return " (" + where + ")"
}
