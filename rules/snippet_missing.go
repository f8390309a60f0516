package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-missing", Severity: model.Error,
		Title: "the page calls oaiq but never loads the pixel SDK",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `Calls to ` + "`oaiq`" + ` do nothing unless the page loads the SDK: without
the installation snippet, ` + "`oaiq`" + ` is not even defined and every
conversion is lost.

When the page loads a tag manager, or scripts the linter could not read, the
pixel may be loaded there at runtime: the finding is then ` + "`info`" + ` and says
what could not be seen (` + "`--render`" + ` runs the page in a browser and tells).
So it is when the snippet is in a ` + "`<script>`" + ` of a type browsers do not run
(` + "`text/template`" + `, ` + "`text/plain`" + `) that no known consent manager's marker names
(see ` + "`snippet-consent-gated`" + `): something on the page may turn it into
JavaScript, and the info says where it is.
HTML fragments and scripts are never judged: their page is not visible.

Bad:
` + md("html", `<head><title>Thanks</title></head>
<body><script>oaiq("init", { pixelId: "px_123" }); oaiq("measure", "order_created", { type: "contents" });</script></body>`) + `
Good:
` + md("html", goodHead),
		Check: checkSnippetMissing,
	})
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
	if containerDoes(p.Doc, func(v *model.ContainerVerdict) bool { return !v.Loader.IsZero() }) {
		return // a tag of the container the page loads loads the SDK
	}
	if len(page.Inert) > 0 {
		// The snippet is there, written so that it does not run as is:
		// something on the page may turn it into JavaScript (a consent
		// manager the linter does not know), so no error.
		in := page.Inert[0]
		p.ReportAs(model.Info, first.Span,
			"the page calls oaiq and its pixel snippet is in "+inertNoun(in)+" ("+at(in.Span, first.Span)+"), which browsers do not run as written: the SDK loads only if a script on the page (such as a consent manager, once the visitor agrees) turns it into JavaScript",
			"if a consent manager releases that <script>, nothing is wrong; otherwise remove its type attribute so that the snippet runs")
		return
	}
	var unseen []string
	for _, tm := range page.TagManagers {
		if seenContainer(tm) != nil {
			continue // its export was read and loads no SDK
		}
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
	const add = "add the installation snippet, which loads " + pixel.SDKURL + ", at the top of <head>"
	if len(unseen) > 0 {
		p.ReportAs(model.Info, first.Span,
			"the page calls oaiq but no pixel loader is visible in it; "+strings.Join(unseen, "; "),
			"run the check with --render to see what the page loads in a browser; if the pixel is not injected, "+add)
		return
	}
	p.Report(first.Span, "the page calls oaiq but never loads the pixel SDK, so no event is sent"+containersLacking(p.Doc, "loads the SDK"), add)
}

// inertNoun names a <script> browsers do not run: `a <script
// type="text/template">`.
func inertNoun(in model.InertScript) string {
	return `a <script type="` + in.Type + `">`
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
