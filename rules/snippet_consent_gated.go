package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "snippet-consent-gated", Severity: model.Info,
		Title: "a consent manager holds the pixel snippet back until the visitor agrees",
		Spec:  "Render it only after any required consent.",
		Doc: `Consent managers hold scripts back by writing them with a type browsers
do not run (` + "`<script type=\"text/plain\" class=\"optanon-category-C0004\">`" + `
for OneTrust, ` + "`data-cookieconsent`" + ` for Cookiebot, and the markers of
Usercentrics, Didomi, iubenda, CookieYes, CookieFirst, TrustArc, Klaro and
others) and turn them into JavaScript once the visitor agrees. Such a snippet
is read, and every rule checks it, as the script it becomes; it runs when the
visitor agrees, later than the page's own scripts. That is allowed: this is a
note, saying which manager and category release the pixel and that calls the
page makes as it loads most likely run before then and find no ` + "`oaiq`" + ` (they
are skipped or throw).

The pixel has a consent command of its own (` + "`oaiq(\"consent\", false)`" + ` before
init, ` + "`oaiq(\"consent\", true)`" + ` once the visitor agrees): with it the snippet
loads for everyone, queues calls from the start and sends nothing until
consent. Whether loading the SDK before consent is acceptable is your consent
policy's decision.

Bad:
` + md("html", "<head>\n"+snippetExample(` type="text/plain" class="optanon-category-C0004"`, pixel.SDKURL)+"\n</head>") + `
Good: the snippet for everyone, the pixel told about consent.
` + md("html", "<head>\n"+strings.Replace(snippetExample("", pixel.SDKURL), `    oaiq("init"`, "    oaiq(\"consent\", false);\n    oaiq(\"init\"", 1)+"\n</head>"),
		Check: checkSnippetConsentGated,
	})
}

func checkSnippetConsentGated(p *Pass) {
	facts := loaderFacts(p.Doc)
	if facts == nil {
		return
	}
	for _, l := range facts.Loaders {
		if l.Consent == "" {
			continue
		}
		msg := loaderNoun(l) + " waits for consent: " + l.Consent + " runs it once the visitor agrees"
		if l.Kind == model.LoaderStub {
			msg += ", and its code was checked as the script it becomes"
		}
		// When the manager releases it is its business: "most likely".
		switch early := callsBeforeGated(p.Doc, l); {
		case len(early) == 1:
			msg += "; the page's call at " + at(early[0].Span, placed(l)) + " runs as the page loads, most likely before that: it then finds no oaiq and is skipped or throws"
		case len(early) > 1:
			msg += fmt.Sprintf("; the page's %d calls from %s run as the page loads, most likely before that: they then find no oaiq and are skipped or throw", len(early), at(early[0].Span, placed(l)))
		}
		p.Report(placed(l), msg,
			`to queue calls from the start and send nothing until consent, load the snippet for everyone with oaiq("consent", false) before init and oaiq("consent", true) once the visitor agrees, if your consent policy allows loading the SDK before consent`)
	}
}

// callsBeforeGated lists the calls of a page that run as it loads while
// only the held-back loader l could define oaiq: no other script defines
// it first.
func callsBeforeGated(doc *model.Document, l model.LoaderSighting) []*model.Call {
	page := wholePage(doc)
	if page == nil || !page.HasHead {
		return nil
	}
	if _, found := firstDefiner(page); found {
		return nil // call-before-loader judges the calls before that one
	}
	var out []*model.Call
	for _, c := range doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Image != nil {
			continue
		}
		if _, ok := runsAt(doc, c); ok {
			out = append(out, c)
		}
	}
	return out
}
