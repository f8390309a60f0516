package rules

// csp-blocks-sdk and csp-nonce-missing: what a page's enforced
// Content-Security-Policies do to the pixel.
//
// One problem, one finding: csp-blocks-sdk covers the three URLs the pixel
// needs (the SDK file, the events endpoint by fetch and by image) and is
// reported at the policy; csp-nonce-missing covers the loader's own <script>
// element (the inline snippet, or a <script src> under a nonce policy) and
// is reported at that element. A policy without 'unsafe-inline' that blocks
// the inline snippet is therefore csp-nonce-missing, whose hint offers the
// hash source or a nonce.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/csp"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

const cspSpec = "A site that enforces a CSP must allow: script-src https://bzrcdn.openai.com (load the SDK), connect-src https://bzr.openai.com (send events with fetch / sendBeacon), img-src https://bzr.openai.com (image-request fallback for events). (facts beyond the spec)"

func init() {
	register(
		&Rule{
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
` + md("html", `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`) + `
Good:
` + md("html", `<meta http-equiv="Content-Security-Policy"
  content="default-src 'self'; script-src 'self' 'sha256-…' `+pixel.SDKOrigin+`; connect-src 'self' `+pixel.EventsOrigin+`; img-src 'self' `+pixel.EventsOrigin+`">`),
			Check: checkCSPBlocksSDK,
		},
		&Rule{
			ID: "csp-nonce-missing", Severity: model.Error,
			Title: "the policy needs a nonce or hash the snippet's <script> does not carry",
			Spec:  "With a nonce-based policy, the installation snippet's <script> tag needs the page's nonce (<script nonce=\"...\">), or a hash source must cover it. If the policy defines script-src-elem, the CDN source and the nonce/hash belong there too. (facts beyond the spec)",
			Doc: `A policy whose script directive lists nonces or hashes, or has no
` + "`'unsafe-inline'`" + `, blocks the inline installation snippet unless its
` + "`<script>`" + ` carries the policy's nonce or a hash source covers its exact text
(after the HTML parser turns CR LF into LF). With ` + "`'strict-dynamic'`" + ` a plain
` + "`<script src>`" + ` for the SDK needs the nonce too: host sources are ignored.
Adding ` + "`'unsafe-inline'`" + ` just for the pixel is discouraged (and is ignored
next to a nonce). Nonces written with template syntax are not judged.

Bad:
` + md("html", `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0m' 'strict-dynamic'">
<script>/* installation snippet */</script>`) + `
Good:
` + md("html", `<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0m' 'strict-dynamic'">
<script nonce="r4nd0m">/* installation snippet */</script>`),
			Check: checkCSPNonceMissing,
		},
	)
}

// enforcedPolicy is one policy that blocks, with where it was written.
type enforcedPolicy struct {
	*csp.Policy
	src model.CSPPolicy
	// label names it in messages: "the <meta> policy (line 4)".
	label string
}

// enforcedPolicies parses the page's enforced policies. A header may hold
// several comma-separated policies; a <meta> holds exactly one.
func enforcedPolicies(page *model.PageFacts) []enforcedPolicy {
	return policies(page, false)
}

// policies parses the page's enforced (reportOnly false) or report-only
// policies.
func policies(page *model.PageFacts, reportOnly bool) []enforcedPolicy {
	var out []enforcedPolicy
	for _, pol := range page.Policies {
		// Browsers ignore a report-only policy in <meta>: only the header counts.
		if pol.ReportOnly != reportOnly || pol.ReportOnly && pol.Origin != "header" {
			continue
		}
		var parsed []*csp.Policy
		if pol.Origin == "header" {
			parsed = csp.ParseHeader(pol.Text)
		} else {
			parsed = []*csp.Policy{csp.Parse(pol.Text)}
		}
		for i, p := range parsed {
			label := "the Content-Security-Policy response header"
			if reportOnly {
				label = "the Content-Security-Policy-Report-Only response header"
			}
			if pol.Origin != "header" {
				label = "the <meta> Content-Security-Policy"
				if !pol.Span.IsZero() {
					label += fmt.Sprintf(" (line %d)", pol.Span.Start.Line)
				}
			}
			if len(parsed) > 1 {
				label = fmt.Sprintf("policy %d of %s", i+1, strings.TrimPrefix(label, "the "))
			}
			out = append(out, enforcedPolicy{Policy: p, src: pol, label: label})
		}
	}
	return out
}

// blocks turns a verdict into "blocked?". A verdict left open only by
// 'self' with an unknown page origin counts as blocked for the pixel's
// hosts: they are OpenAI's, never the linted site's own origin. Anything
// else undecided (templated sources) is not reported.
func blocks(v csp.Verdict) bool {
	if v.Result == csp.Blocked {
		return true
	}
	if v.Result != csp.Unknown || len(v.Undecided) == 0 {
		return false
	}
	for _, s := range v.Undecided {
		if s.Kind != csp.Self {
			return false
		}
	}
	return true
}

// scriptElementCheck decides the SDK's script request for the way the page
// loads it: the documented stub injects it (trusted by 'strict-dynamic'),
// a <script src> is parser-inserted and may carry a nonce. nonceFix is
// true when the fix belongs to the element: the policy trusts markup
// scripts by nonce ('strict-dynamic' ignores hosts; a listed nonce is the
// documented way in).
func scriptElementCheck(pol *csp.Policy, l *model.LoaderSighting, origin csp.Origin) (v csp.Verdict, nonceFix bool) {
	if l == nil || l.Kind == model.LoaderStub {
		return pol.AllowsScript(csp.ScriptLoad{URL: pixel.SDKURL}, origin), false
	}
	v = pol.AllowsScript(csp.ScriptLoad{URL: pixel.SDKURL, Nonce: l.Nonce, ParserInserted: true}, origin)
	d := pol.Effective(csp.ScriptElem)
	return v, d != nil && (d.Has("strict-dynamic") || len(d.Nonces()) > 0)
}

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

// governs reports whether pol applies when the loader runs. A <meta>
// policy applies only to what the parser meets after it: a snippet above
// it runs, and starts loading the SDK, before the policy exists. The
// events the SDK sends later are governed either way. A nil loader (none
// seen) is governed.
func governs(pol enforcedPolicy, l *model.LoaderSighting) bool {
	if l == nil || pol.src.Origin == "header" || pol.src.Span.IsZero() {
		return true
	}
	at := placed(*l)
	return at.File != pol.src.Span.File || !at.Start.Before(pol.src.Span.Start)
}

// sourceFix is how to let requests through one directive: add sources to a
// directive the policy has, or write a new one.
type sourceFix struct {
	text         string
	newDirective bool // true when text is a new directive to write
}

// addSources says how to add sources for requests governed by directive
// (script-src stands for script elements): add them to the directive in
// effect, or, when that is a fallback (default-src), write the directive
// itself with the fallback's sources, so nothing else the policy allows
// changes. Host sources come before hashes, so every hint reads alike.
func addSources(pol *csp.Policy, directive string, sources []string) sourceFix {
	lookup := directive
	if directive == "script-src" {
		lookup = csp.ScriptElem
	}
	sources = append([]string(nil), sources...)
	sort.SliceStable(sources, func(i, j int) bool {
		return !strings.HasPrefix(sources[i], "'") && strings.HasPrefix(sources[j], "'")
	})
	d := pol.Effective(lookup)
	if d == nil {
		return sourceFix{}
	}
	if d.Name != "default-src" {
		return sourceFix{text: fmt.Sprintf("add %s to %s", strings.Join(sources, " "), d.Name)}
	}
	words := []string{directive}
	for _, s := range d.Sources {
		if s.Kind == csp.Keyword && s.Keyword == "none" {
			continue
		}
		words = append(words, s.Raw)
	}
	words = append(words, sources...)
	return sourceFix{text: "`" + strings.Join(words, " ") + "`", newDirective: true}
}

// joinFixes words a list of fixes as one hint.
func joinFixes(fixes []sourceFix) string {
	var adds, directives []string
	for _, f := range fixes {
		if f.newDirective {
			directives = append(directives, f.text)
		} else if f.text != "" {
			adds = append(adds, f.text)
		}
	}
	switch len(directives) {
	case 0:
	case 1:
		adds = append(adds, "add the directive "+directives[0]+" (it repeats default-src, which it replaces for these requests)")
	default:
		adds = append(adds, "add the directives "+listAnd(directives)+" (each repeats default-src, which it replaces for its requests)")
	}
	return strings.Join(adds, "; ")
}

func checkCSPNonceMissing(p *Pass) {
	page := wholePage(p.Doc)
	if page == nil || len(page.Loaders) == 0 {
		return
	}
	origin := csp.ParseOrigin(page.URL)
	for _, pol := range enforcedPolicies(page) {
		for i := range page.Loaders {
			l := &page.Loaders[i]
			if !governs(pol, l) {
				continue
			}
			if msg, hint, ok := nonceProblem(pol, l, origin); ok {
				p.Report(l.Span, msg, hint)
			}
		}
	}
}

// nonceProblem reports what stops the loader's own element under pol.
func nonceProblem(pol enforcedPolicy, l *model.LoaderSighting, origin csp.Origin) (msg, hint string, ok bool) {
	d := pol.Effective(csp.ScriptElem)
	if d == nil {
		return "", "", false
	}
	nonces := d.Nonces()
	var fixes []string
	if len(nonces) > 0 {
		fixes = append(fixes, fmt.Sprintf("add nonce=%q from the page's policy to this <script>", nonces[0]))
	}
	if l.Kind == model.LoaderScriptTag {
		v, nonceFix := scriptElementCheck(pol.Policy, l, origin)
		if !nonceFix || !blocks(v) || templated(l.Nonce) {
			return "", "", false
		}
		if !d.Has("strict-dynamic") {
			fixes = append(fixes, joinFixes([]sourceFix{addSources(pol.Policy, "script-src", []string{pixel.SDKOrigin})}))
		}
		return fmt.Sprintf("%s blocks this SDK <script>: %s, and %s", pol.label, elementNonce(l.Nonce, nonces), blockReason(v, pixel.SDKOrigin)),
			strings.Join(fixes, ", or "), true
	}
	if l.Inline == "" {
		// The stub sits in an external file: its element is judged by URL.
		return "", "", false
	}
	v := pol.AllowsInlineScript(l.Nonce, l.Inline)
	if v.Result != csp.Blocked {
		return "", "", false
	}
	if !templated(l.Inline) {
		needs := []string{csp.HashSource("sha256", l.Inline)}
		if sv, nonceFix := scriptElementCheck(pol.Policy, l, origin); d.Name == "default-src" && blocks(sv) && !nonceFix {
			needs = append(needs, pixel.SDKOrigin)
		}
		fixes = append(fixes, joinFixes([]sourceFix{addSources(pol.Policy, "script-src", needs)}))
	}
	if len(fixes) == 0 {
		fixes = append(fixes, "give the policy a nonce and put it on the snippet's <script> as nonce=\"…\"")
	}
	return fmt.Sprintf("%s blocks the inline pixel snippet, so the pixel never loads: %s; %s", pol.label, elementNonce(l.Nonce, nonces), v.Reason),
		strings.Join(fixes, ", or "), true
}

// blockReason words a verdict blocks accepted: its own reason, or, for one
// left open only by 'self', that no source matches the pixel's host.
func blockReason(v csp.Verdict, host string) string {
	if v.Result == csp.Blocked {
		return v.Reason
	}
	return v.Directive + " has no source that matches " + host
}

// elementNonce describes the element's nonce against the policy's.
func elementNonce(nonce string, policyNonces []string) string {
	switch {
	case nonce == "":
		return "its <script> has no nonce"
	case len(policyNonces) == 0:
		return fmt.Sprintf("its <script> has nonce %q but the policy lists none", nonce)
	}
	return fmt.Sprintf("its <script> has nonce %q, which the policy does not list", nonce)
}
