package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/csp"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "csp-nonce-missing", Severity: model.Error,
		Title: "the policy needs a nonce or hash the snippet's <script> does not carry",
		Spec:  "With a nonce-based policy, the installation snippet's <script> tag needs the page's nonce (<script nonce=\"...\">), or a hash source must cover it. If the policy defines script-src-elem, the CDN source and the nonce/hash belong there too. (pixel page, CSP section, revisions P3–P6)",
		Doc: `A policy whose script directive lists nonces or hashes, or has no
` + "`'unsafe-inline'`" + `, blocks the inline installation snippet unless its
` + "`<script>`" + ` carries the policy's nonce or a hash source covers its exact text
(after the HTML parser turns CR LF into LF). With ` + "`'strict-dynamic'`" + ` a plain
` + "`<script src>`" + ` for the SDK needs the nonce too: host sources are ignored.
Adding ` + "`'unsafe-inline'`" + ` just for the pixel is discouraged (and is ignored
next to a nonce). Nonces written with template syntax are not judged.

Bad:
` + md("html", `<head>
  <meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0m' 'strict-dynamic'">
`+snippetExample("", pixel.SDKURL)+`
</head>`) + `
Good:
` + md("html", `<head>
  <meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0m' 'strict-dynamic'">
`+snippetExample(` nonce="r4nd0m"`, pixel.SDKURL)+`
</head>`),
		Check: checkCSPNonceMissing,
	})
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
				p.ReportFix(l.Span, msg, hint, nonceFix(p.Doc, pol, l))
			}
		}
	}
}

// nonceProblem reports what stops the loader's own element under pol.
// nonceFix copies the policy's nonce (a literal, or the template that
// prints the page's nonce, such as {{ csp_nonce }}) onto a <script> that
// carries none. It makes the policy allow what the page meant to run, so
// it is safe.
func nonceFix(doc *model.Document, pol enforcedPolicy, l *model.LoaderSighting) *model.Fix {
	d := pol.Effective(csp.ScriptElem)
	if doc == nil || doc.Text == nil || d == nil || l.Element.IsZero() {
		return nil
	}
	nonce := templateNonce(doc, pol.src)
	if ns := d.Nonces(); nonce == "" && len(ns) > 0 {
		nonce = ns[0]
	}
	if nonce == "" || strings.ContainsAny(nonce, "\"&<>\n\r") {
		return nil
	}
	el, ok := doc.Text(l.Element)
	if !ok || len(el) < len("<script") || !strings.EqualFold(el[:len("<script")], "<script") {
		return nil
	}
	if tag, _, _ := strings.Cut(el, ">"); strings.Contains(strings.ToLower(tag), "nonce") {
		return nil // a nonce attribute is there (empty or wrong): the first one counts, so adding one fixes nothing
	}
	at := model.Span{File: l.Element.File, Start: l.Element.Start, End: model.Pos{Line: l.Element.Start.Line, Col: l.Element.Start.Col + len("<script")}}
	return model.NewFix(fmt.Sprintf("add nonce=%q to the <script>", nonce), model.Safe,
		model.E(model.Whole(at, el[:len("<script")], el[:len("<script")]+` nonce="`+nonce+`"`)))
}

// templateNonce returns the template a policy written in a template prints
// its nonce with ('nonce-{{ csp_nonce }}'), read from the policy as
// written: the policy the rules see has its template tags masked.
func templateNonce(doc *model.Document, pol model.CSPPolicy) string {
	text, ok := doc.Text(pol.Span)
	if !ok {
		return ""
	}
	_, rest, found := strings.Cut(text, "'nonce-")
	value, _, closed := strings.Cut(rest, "'")
	if !found || !closed || !templated(value) {
		return ""
	}
	return value
}

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
