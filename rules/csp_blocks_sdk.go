package rules

import (
	"github.com/oaiq-lint/oaiq-lint/internal/csp"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "csp-blocks-sdk", Severity: model.Error,
		Title: "a Content-Security-Policy blocks the SDK or its event requests",
		Spec:  cspSpec,
		Doc: `An enforced policy (` + "`<meta http-equiv=\"Content-Security-Policy\">`" + ` or the
response header) must allow the four rows of the documentation's CSP table
(revision P5 added the fourth): the SDK script from ` + pixel.SDKOrigin + `,
requests to ` + pixel.EventsOrigin + ` by fetch/sendBeacon and by image, and
requests to ` + pixel.SDKOrigin + ` by fetch (the per-pixel configuration).
A missing ` + "`script-src`" + `, ` + "`connect-src`" + ` or ` + "`img-src`" + ` falls back to
` + "`default-src`" + `, and ` + "`script-src-elem`" + ` overrides ` + "`script-src`" + ` for script
elements. Each policy must allow on its own. A Content-Security-Policy-Report-Only
header blocks nothing yet: it is reported as info, because it will block
once enforced (in <meta> browsers ignore it). The hint gives the exact sources to add; a
new directive repeats the sources of the ` + "`default-src`" + ` it stops falling back to.

Bad:
` + md("html", `<head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'nonce-r4nd0m'">
`+snippetExample(` nonce="r4nd0m"`, pixel.SDKURL)+`
</head>`) + `
Good:
` + md("html", `<head>
  <meta http-equiv="Content-Security-Policy"
    content="default-src 'self'; script-src 'self' 'nonce-r4nd0m' `+pixel.SDKOrigin+`; connect-src 'self' `+pixel.EventsOrigin+` `+pixel.SDKOrigin+`; img-src 'self' `+pixel.EventsOrigin+`">
`+snippetExample(` nonce="r4nd0m"`, pixel.SDKURL)+`
</head>`),
		Check: checkCSPBlocksSDK,
	})
}

const cspSpec = "A site that enforces a CSP must allow: script-src https://bzrcdn.openai.com (load the SDK), connect-src https://bzr.openai.com (send events with fetch / sendBeacon), connect-src https://bzrcdn.openai.com (fetch the per-pixel configuration, new in P5), img-src https://bzr.openai.com (image-request fallback for events). (measurement-pixel page, CSP section, revisions P5/P6)"

// inlineHash returns the hash source that would let the loader's inline
// snippet run under pol, when it is blocked, the policy has no nonce to
// offer instead, and the text is known; "" otherwise.
func inlineHash(pol *csp.Policy, l *model.LoaderSighting) string {
	d := pol.Effective(csp.ScriptElem)
	if l == nil || l.Kind != model.LoaderStub || l.Inline == "" || d == nil || len(d.Nonces()) > 0 || templated(l.Inline) {
		return ""
	}
	if pol.AllowsInlineScript(l.Nonce, l.Inline).Result != csp.Blocked {
		return ""
	}
	return csp.HashSource("sha256", l.Inline)
}

// pixelRequest is one of the requests the pixel needs a policy to allow
// (the CSP table's rows after script-src).
type pixelRequest struct {
	directive string // the directive a hint adds the source to
	source    string
	url       string // the address checked
	what      string
}

var (
	connectRequest = pixelRequest{csp.Connect, pixel.EventsOrigin, pixel.EventsURL, "sending events to " + pixel.EventsOrigin}
	// configRequest is the fourth row (revision P5): the SDK fetches each
	// pixel's configuration from its own host.
	configRequest = pixelRequest{csp.Connect, pixel.SDKOrigin, pixel.ConfigURL, "fetching the per-pixel configuration from " + pixel.SDKOrigin}
	imgRequest    = pixelRequest{csp.Img, pixel.EventsOrigin, pixel.EventsURL, "image requests to " + pixel.EventsOrigin}
)

func checkCSPBlocksSDK(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil {
		return
	}
	if len(page.Loaders) == 0 && firstBrowserCall(p.Doc) == nil {
		if len(imageCalls(p.Doc)) > 0 {
			checkCSPImageTag(p, page)
		}
		return
	}
	origin := csp.ParseOrigin(page.URL)
	var loader *model.LoaderSighting
	if len(page.Loaders) > 0 {
		loader = &page.Loaders[0]
	}
	for _, pol := range append(enforcedPolicies(page), policies(page, true)...) {
		var blocked []string
		var fixes []sourceFix
		if v, nonceFix := scriptElementCheck(pol.Policy, loader, origin); blocks(v) && !nonceFix && governs(pol, loader) {
			blocked = append(blocked, "loading the SDK from "+pixel.SDKOrigin+" (blocked by "+v.Directive+")")
			needs := []string{pixel.SDKOrigin}
			// A new script-src must carry the snippet's hash too, or the
			// hint would trade one block for another.
			if h := inlineHash(pol.Policy, loader); h != "" && v.Directive == "default-src" {
				needs = append(needs, h)
			}
			fixes = append(fixes, addSources(pol.Policy, "script-src", needs))
		}
		// Sources one directive needs are added in one fix.
		needs := map[string][]string{}
		var order []string
		for _, r := range []pixelRequest{connectRequest, configRequest, imgRequest} {
			if v := pol.AllowsURL(r.directive, r.url, origin); blocks(v) {
				blocked = append(blocked, r.what+" (blocked by "+v.Directive+")")
				if needs[r.directive] == nil {
					order = append(order, r.directive)
				}
				needs[r.directive] = append(needs[r.directive], r.source)
			}
		}
		for _, d := range order {
			fixes = append(fixes, addSources(pol.Policy, d, needs[d]))
		}
		if len(blocked) == 0 {
			continue
		}
		if pol.src.ReportOnly {
			// It blocks nothing today; it will once someone enforces it.
			p.ReportAs(model.Info, pol.src.Span, pol.label+" would block the pixel once enforced (today it only reports): "+listAnd(blocked), joinFixes(fixes))
			continue
		}
		p.Report(pol.src.Span, pol.label+" blocks the pixel: "+listAnd(blocked), joinFixes(fixes))
	}
}

// checkCSPImageTag checks a page whose only pixel is the image tag: it
// needs img-src alone.
func checkCSPImageTag(p *Pass, page *model.PageFacts) {
	origin := csp.ParseOrigin(page.URL)
	for _, pol := range append(enforcedPolicies(page), policies(page, true)...) {
		v := pol.AllowsURL(imgRequest.directive, imgRequest.url, origin)
		if !blocks(v) {
			continue
		}
		msg := "the image tag's request to " + pixel.EventsOrigin + " (blocked by " + v.Directive + ")"
		hint := joinFixes([]sourceFix{addSources(pol.Policy, imgRequest.directive, []string{imgRequest.source})})
		if pol.src.ReportOnly {
			p.ReportAs(model.Info, pol.src.Span, pol.label+" would block the pixel once enforced (today it only reports): "+msg, hint)
			continue
		}
		p.Report(pol.src.Span, pol.label+" blocks the pixel: "+msg, hint)
	}
}
