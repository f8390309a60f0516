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
do not run and a marker of theirs, and turn them into JavaScript once the
visitor agrees. These markers are recognised: OneTrust (` + "`class=\"optanon-category-C0004\"`" + `),
Cookiebot (` + "`data-cookieconsent`" + `, except ` + "`\"ignore\"`" + `), Usercentrics
(` + "`data-usercentrics`" + `), Didomi (` + "`type=\"didomi/javascript\"`" + `), iubenda
(` + "`class=\"_iub_cs_activate\"`" + `), CookieYes (` + "`data-cookieyes`" + `), CookieFirst
(` + "`data-cookiefirst-category`" + `), TrustArc (` + "`class=\"trustecm\"`" + `), Klaro
(` + "`data-type`" + ` and ` + "`data-name`" + `), Borlabs Cookie (` + "`type=\"text/template\"`" + ` with
` + "`data-borlabs-cookie-script-blocker-id`" + `), consentmanager.net
(` + "`class=\"cmplazyload\"`" + ` or ` + "`data-cmp-vendor`" + `), CookieLawInfo
(` + "`data-cli-class=\"cli-blocker-script\"`" + `), Complianz (` + "`class=\"cmplz-script\"`" + ` or
` + "`cmplz-stats`" + `) and CookieConsent (v2: ` + "`data-cookiecategory`" + `; v3: ` + "`data-category`" + `
with ` + "`data-service`" + `, or on a page that loads ` + "`cookieconsent.umd.js`" + `,
` + "`cookieconsent.js`" + ` or ` + "`cookieconsent.esm.js`" + `, calls ` + "`CookieConsent.run(`" + ` or has
a script with both attributes);
all but Didomi and Borlabs on ` + "`type=\"text/plain\"`" + `. A generic ` + "`data-category`" + `,
` + "`data-service`" + ` or "consent" attribute alone names no manager (templates and
data blocks carry them too), and a held-back block that is JSON or markup is
no code: neither is read.

Such a snippet is read, and every rule checks it, as the script it becomes;
it runs when the visitor agrees, later than the page's own scripts. That is
allowed: this is a note, saying which manager and category release the
pixel, and which calls the page makes as it loads most likely run before
then: those guarded by a test of ` + "`oaiq`" + ` (` + "`window.oaiq && oaiq(…)`" + `,
` + "`typeof oaiq`" + `, ` + "`oaiq?.(…)`" + `, after ` + "`if (!window.oaiq) return;`" + `) are skipped before consent, as the policy wants.
A call without such a guard throws a ReferenceError before consent:
that is ` + "`call-before-loader`" + `'s warning.

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
		// Unguarded calls throw: call-before-loader's warning.
		switch early := callsBeforeGated(p.Doc, l); {
		case len(early) == 1:
			msg += "; the page's call at " + at(early[0].Span, placed(l)) + " runs as the page loads, most likely before that: it tests for oaiq first, finds none and is skipped"
		case len(early) > 1:
			msg += fmt.Sprintf("; the page's %d calls from %s run as the page loads, most likely before that: they test for oaiq first, find none and are skipped", len(early), at(early[0].Span, placed(l)))
		}
		p.Report(placed(l), msg,
			`to queue calls from the start and send nothing until consent, load the snippet for everyone with oaiq("consent", false) before init and oaiq("consent", true) once the visitor agrees, if your consent policy allows loading the SDK before consent`)
	}
}

// callsBeforeGated lists the guarded calls of a page that run as it
// loads while only the held-back loader l could define oaiq: no other
// script defines it first.
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
		if c.Side != model.Browser || c.Deferred || c.Image != nil || !c.Guarded {
			continue
		}
		if _, ok := runsAt(doc, c); ok {
			out = append(out, c)
		}
	}
	return out
}
