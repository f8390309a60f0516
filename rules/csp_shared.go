package rules

// Helpers of csp-blocks-sdk and csp-nonce-missing: what a page's enforced
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
