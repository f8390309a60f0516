package render

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// runtimeLoader describes how the SDK got into a page whose HTML does not
// load it (a tag manager or a script injected it): from the recorder's
// notes of where window.oaiq was first defined and where the SDK script
// ran, the SDK requests, and CSP violations that blocked it.
func (c *Capture) runtimeLoader(file string) (model.LoaderSighting, bool) {
	var stub, sdk *Record
	for i := range c.Records {
		r := &c.Records[i]
		switch {
		case r.Kind == "stub" && stub == nil && r.Queue:
			stub = r
		case r.Kind == "sdk" && sdk == nil:
			sdk = r
		}
	}
	src := ""
	switch {
	case sdk != nil && sdk.Src != "":
		src = sdk.Src
	case len(c.SDKRequests) > 0:
		src = c.SDKRequests[0]
	default:
		for _, r := range c.Records {
			if r.Kind == "csp" && route(r.BlockedURI, "", false) == answer {
				src = r.BlockedURI
				break
			}
		}
	}
	if src == "" {
		return model.LoaderSighting{}, false
	}
	// The code that loads the SDK is not visible here: its shape (guard,
	// queue) is not judged, only where and when it ran.
	l := model.LoaderSighting{Kind: model.LoaderScriptTag, Span: model.Span{File: file}, Src: src,
		HasQueue: true, HasGuard: true, Async: true, InHead: true}
	l.Element = l.Span
	ran := sdk
	if stub != nil {
		l.Kind, ran = model.LoaderStub, stub
	}
	if sdk != nil {
		l.Async = sdk.Async
	}
	if ran != nil {
		if ran.Element {
			l.InHead, l.Preceding = ran.InHead, ran.Preceding
		}
		if ran.Ready != "" && ran.Ready != "loading" {
			l.Late = true
			l.LateReason = fmt.Sprintf("a script added it after the HTML was parsed (document.readyState was %q when it ran), so it is not in the page's own HTML", ran.Ready)
		}
	}
	return l, true
}

// addViolatedPolicies adds the policies behind CSP violations the browser
// reported that the page facts do not hold yet (a <meta> policy written
// by a script, say), so the page rules judge them with the others.
func (c *Capture) addViolatedPolicies(page *model.PageFacts) {
	known := map[string]bool{}
	for _, p := range page.Policies {
		known[normPolicy(p.Text)] = true
	}
	for _, r := range c.Records {
		if r.Kind != "csp" || r.Policy == "" || known[normPolicy(r.Policy)] {
			continue
		}
		known[normPolicy(r.Policy)] = true
		origin := "meta" // the document's response headers were read already
		if c.Response == nil {
			origin = "header"
		}
		page.Policies = append(page.Policies, model.CSPPolicy{Origin: origin, Text: r.Policy,
			Span: model.Span{File: page.URL}, ReportOnly: r.Disposition == "report"})
	}
}

func normPolicy(s string) string { return strings.Join(strings.Fields(s), " ") }

// Violations returns the CSP violations the page reported, as "directive
// blocked URI" lines (for --verbose style output and tests).
func (c *Capture) Violations() []string {
	var out []string
	for _, r := range c.Records {
		if r.Kind == "csp" {
			out = append(out, r.Directive+" blocked "+r.BlockedURI)
		}
	}
	return out
}

// opprefDrop is the page losing oppref before the SDK could read it: the
// address when the SDK started, or at the end when it never did.
func (c *Capture) opprefDrop() (model.OpprefDrop, bool) {
	read, sdk := c.FinalURL, false
	for _, r := range c.Records {
		if r.Kind == "sdk" {
			read, sdk = r.Href, true
			break
		}
	}
	if read == "" || hasOppref(read) {
		return model.OpprefDrop{}, false
	}
	d := model.OpprefDrop{Via: model.OpprefRewrite, To: redactURL(read), SDKStarted: sdk}
	for i, h := range c.Hops {
		if hasOppref(h.URL) {
			continue
		}
		switch {
		case h.Redirect:
			d.Via, d.To = model.OpprefRenderedRedirect, redactURL(h.URL)
		case i > 0:
			d.Via, d.To = model.OpprefNavigation, redactURL(h.URL)
		}
		break
	}
	return d, true
}

// redactURL shows a URL (without our probe) with personal data in it
// redacted.
func redactURL(raw string) string { return pii.Redact(stripProbe(raw)) }
