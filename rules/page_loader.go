package rules

// Page rules about the loader: is it there, where is it, how often.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

const headSpec = "Add the following snippet to the <head> section every page where you want to capture conversions. Put the script near the top of your <head> to ensure early conversions aren’t lost while other content loads."

const goodHead = `<head>
  <meta charset="utf-8">
  <script>
    (function (w, d, s, u) { /* the installation snippet */ })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
    oaiq("init", { pixelId: "px_123" });
  </script>
  <link rel="stylesheet" href="/site.css">
  <script src="/app.js"></script>
</head>`

func init() {
	register(
		&Rule{
			ID: "snippet-missing", Severity: model.Error,
			Title: "the page calls oaiq but never loads the pixel SDK",
			Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
			Doc: `Calls to ` + "`oaiq`" + ` do nothing unless the page loads the SDK: without
the installation snippet, ` + "`oaiq`" + ` is not even defined and every
conversion is lost.

When the page loads a tag manager, or scripts the linter could not read, the
pixel may be loaded there at runtime: the finding is then ` + "`info`" + ` and says
what could not be seen (` + "`--render`" + ` runs the page in a browser and tells).
HTML fragments and scripts are never judged: their page is not visible.

Bad:
` + md("html", `<head><title>Thanks</title></head>
<body><script>oaiq("measure", "order_created", { type: "contents" });</script></body>`) + `
Good:
` + md("html", goodHead),
			Check: checkSnippetMissing,
		},
		&Rule{
			ID: "snippet-not-in-head", Severity: model.Error,
			Title: "the pixel loader is not inside <head>",
			Spec:  headSpec,
			Doc: `The snippet belongs at the top of ` + "`<head>`" + `. In ` + "`<body>`" + ` it runs only
once the markup above it has loaded, and conversions sent before that are
lost. (Framework loaders that run late are reported by snippet-late.)

Bad:
` + md("html", `<body>
  <main>…</main>
  <script>(function (w, d, s, u) { /* snippet */ })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");</script>
</body>`) + `
Good:
` + md("html", goodHead),
			Check: checkSnippetNotInHead,
		},
		&Rule{
			ID: "snippet-late", Severity: model.Warning,
			Title: "the pixel loader runs after other scripts or stylesheets, or after the page is interactive",
			Spec:  headSpec,
			Doc: `Near the top of ` + "`<head>`" + ` means before external scripts and
stylesheets (meta, title and base may come first). Each one ahead of the
snippet delays the pixel. Framework components that run the snippet after
hydration (Next.js ` + "`<Script>`" + ` with ` + "`afterInteractive`" + `, the default, or
` + "`lazyOnload`" + `) are late too.

Bad:
` + md("html", `<head>
  <link rel="stylesheet" href="/site.css">
  <script src="/vendor.js"></script>
  <script>/* installation snippet */</script>
</head>`) + `
` + md("jsx", `<Script id="oaiq" strategy="lazyOnload">{snippet}</Script>`) + `
Good:
` + md("html", goodHead) + `
` + md("jsx", `<Script id="oaiq" strategy="beforeInteractive">{snippet}</Script>`),
			Check: checkSnippetLate,
		},
		&Rule{
			ID: "snippet-duplicate", Severity: model.Warning,
			Title: "the pixel SDK is loaded more than once on the page",
			Spec:  "Add the following snippet to the <head> section every page where you want to capture conversions.",
			Doc: `One snippet per page. A second copy (often one hard-coded and one from
a tag manager or a layout partial) downloads the SDK again and, without the
stub's guard, replaces the queue holding early calls.

Bad:
` + md("html", `<head>
  <script>/* installation snippet */</script>
  <script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
</head>`) + `
Good:
` + md("html", `<head>
  <script>/* installation snippet */</script>
</head>`),
			Check: checkSnippetDuplicate,
		},
	)
}

func checkSnippetMissing(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil || !page.HasHead || len(page.Loaders) > 0 {
		return
	}
	first := firstBrowserCall(p.Doc)
	if first == nil {
		return
	}
	var unseen []string
	for _, tm := range page.TagManagers {
		unseen = append(unseen, fmt.Sprintf("it loads %s (%s), which may inject the pixel at runtime", tm.Name, at(tm.Span, first.Span)))
	}
	if unread := unresolvedBeyond(page); len(unread) > 0 {
		n := len(unread)
		var names []string
		for _, s := range unread {
			name := s.Src
			if s.Reason != "" {
				name += " (" + s.Reason + ")"
			}
			names = append(names, name)
		}
		unseen = append(unseen, fmt.Sprintf("%s could not be read: %s", plural(n, "external script", "external scripts"), listAnd(names)))
	}
	if inc := includesText(page); inc != "" {
		unseen = append(unseen, inc)
	}
	const add = "add the installation snippet, which loads " + sdkURL + ", at the top of <head>"
	if len(unseen) > 0 {
		p.ReportAs(model.Info, first.Span,
			"the page calls oaiq but no pixel loader is visible in it; "+strings.Join(unseen, "; "),
			"run the check with --render to see what the page loads in a browser; if the pixel is not injected, "+add)
		return
	}
	p.Report(first.Span, "the page calls oaiq but never loads the pixel SDK, so no event is sent", add)
}

// includesText says which template includes were not read, or "".
func includesText(page *model.PageFacts) string {
	if len(page.Includes) == 0 {
		return ""
	}
	var tags []string
	for i, inc := range page.Includes {
		if i == 3 {
			tags = append(tags, fmt.Sprintf("%d more", len(page.Includes)-3))
			break
		}
		tags = append(tags, inc.Text)
	}
	return "it includes templates that were not read (" + strings.Join(tags, ", ") + ")"
}

// unresolvedBeyond lists the unread external scripts other than the tag
// managers already named.
func unresolvedBeyond(page *model.PageFacts) []model.ExternalScript {
	var out []model.ExternalScript
	for _, s := range page.Unresolved {
		named := false
		for _, tm := range page.TagManagers {
			named = named || (tm.Span == s.Span && !s.Span.IsZero())
		}
		if !named {
			out = append(out, s)
		}
	}
	return out
}

func firstBrowserCall(doc *model.Document) *model.Call {
	for _, c := range doc.Calls {
		if c.Side == model.Browser {
			return c
		}
	}
	return nil
}

func checkSnippetNotInHead(p *Pass) {
	page := wholePage(p.Doc)
	whole := page != nil && page.HasHead
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	for _, l := range facts.Loaders {
		// Outside a whole page, only a component's <body> says where.
		if l.InHead || l.Late || !whole && !l.InBody {
			continue
		}
		p.Report(placed(l), loaderNoun(l)+" is in <body>, not <head>: conversions sent before it runs are lost while the content above it loads",
			"move it to the top of <head>")
	}
}

func checkSnippetLate(p *Pass) {
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	whole := wholePage(p.Doc) != nil
	for _, l := range facts.Loaders {
		switch {
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
			p.Report(l.Span, loaderNoun(l)+" runs late: "+reason+"; "+outcome, lateHint(l, reason))
		case whole && l.InHead && l.Preceding > 0:
			outcome := "conversions sent while they load are lost"
			if queuedBefore(facts, l) {
				outcome = "conversions sent while they load wait in the queue defined earlier and are delayed"
			}
			p.Report(placed(l),
				fmt.Sprintf("%s comes after %s in <head>; %s", loaderNoun(l),
					plural(l.Preceding, "external script or stylesheet", "external scripts or stylesheets"), outcome),
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

func checkSnippetDuplicate(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil {
		return
	}
	var seen []model.LoaderSighting
	for _, l := range page.Loaders {
		if repeatsSighting(seen, l) {
			continue
		}
		seen = append(seen, l)
		if len(seen) == 1 {
			continue
		}
		first := seen[0]
		p.Report(l.Span,
			fmt.Sprintf("the pixel SDK is loaded again here (%s on this page); it is already loaded at %s", ordinal(len(seen)), at(first.Span, l.Span)),
			"remove this copy and keep the one at the top of <head>")
	}
}

// repeatsSighting reports whether l is a sighting already recorded at the
// same place (one element reached twice), not a second load.
func repeatsSighting(seen []model.LoaderSighting, l model.LoaderSighting) bool {
	for _, s := range seen {
		if s.Span == l.Span {
			return true
		}
	}
	return false
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// loaderNoun names a loader for a message.
func loaderNoun(l model.LoaderSighting) string {
	switch {
	case l.Kind == model.LoaderScriptTag:
		return "the pixel SDK <script>"
	case !l.Element.IsZero() && l.Element.File != l.Span.File:
		return fmt.Sprintf("the <script> that loads the pixel snippet (in %s)", l.Span.File)
	}
	return "the pixel snippet"
}

// placed is where a loader's placement is judged: the page's <script>
// element, even when the stub itself lives in an external file.
func placed(l model.LoaderSighting) model.Span {
	if !l.Element.IsZero() {
		return l.Element
	}
	return l.Span
}
