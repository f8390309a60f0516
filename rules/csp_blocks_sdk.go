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
response header) must allow the SDK script from ` + pixel.SDKOrigin + ` and
requests to ` + pixel.EventsOrigin + ` by fetch/sendBeacon and by image.
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
    content="default-src 'self'; script-src 'self' 'nonce-r4nd0m' `+pixel.SDKOrigin+`; connect-src 'self' `+pixel.EventsOrigin+`; img-src 'self' `+pixel.EventsOrigin+`">
`+snippetExample(` nonce="r4nd0m"`, pixel.SDKURL)+`
</head>`),
		Check: checkCSPBlocksSDK,
	})
}

const cspSpec = "A site that enforces a CSP must allow: script-src https://bzrcdn.openai.com (load the SDK), connect-src https://bzr.openai.com (send events with fetch / sendBeacon), img-src https://bzr.openai.com (image-request fallback for events). (facts beyond the spec)"

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

// pixelRequest is one of the three things the pixel needs from a policy.
type pixelRequest struct {
	directive string // the directive a hint adds the source to
	source    string
	what      string
}

var (
	connectRequest = pixelRequest{csp.Connect, pixel.EventsOrigin, "sending events to " + pixel.EventsOrigin}
	imgRequest     = pixelRequest{csp.Img, pixel.EventsOrigin, "image requests to " + pixel.EventsOrigin}
)

func checkCSPBlocksSDK(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil || (len(page.Loaders) == 0 && firstBrowserCall(p.Doc) == nil) {
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
		for _, r := range []pixelRequest{connectRequest, imgRequest} {
			if v := pol.AllowsURL(r.directive, pixel.EventsURL, origin); blocks(v) {
				blocked = append(blocked, r.what+" (blocked by "+v.Directive+")")
				fixes = append(fixes, addSources(pol.Policy, r.directive, []string{r.source}))
			}
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
