package csp

import "strings"

// The directives the pixel's requests are checked against; script elements
// go through script-src-elem, which falls back to script-src, then
// default-src.
const (
	ScriptElem = "script-src-elem"
	Connect    = "connect-src"
	Img        = "img-src"
)

// AllowsURL answers whether a request governed by directive (Connect, Img)
// may fetch rawURL from a page at page, by its URL alone. Scripts go through
// AllowsScript, which also weighs nonces and 'strict-dynamic'.
func (p *Policy) AllowsURL(directive, rawURL string, page Origin) Verdict {
	d := p.Effective(directive)
	if d == nil {
		return allowed("")
	}
	t, ok := parseTarget(rawURL, page)
	if !ok {
		return Verdict{Result: Unknown, Directive: d.Name, Reason: "the URL " + rawURL + " cannot be resolved without the page's address"}
	}
	return matchList(d, t, page)
}

// ScriptLoad describes a request for an external script.
type ScriptLoad struct {
	URL string
	// Nonce is the element's nonce attribute ("" when absent).
	Nonce string
	// ParserInserted is true for a <script src> written in the markup, false
	// for a script element created by another script (the snippet injects
	// the SDK this way), which 'strict-dynamic' trusts.
	ParserInserted bool
}

// AllowsScript runs the CSP3 script pre-request check: a matching nonce
// allows; under 'strict-dynamic' host and scheme sources are ignored and
// only scripts created by trusted scripts load; otherwise the URL must
// match. Integrity-based hash matching is not modelled: an external script
// with a hash source is treated as not matching.
func (p *Policy) AllowsScript(load ScriptLoad, page Origin) Verdict {
	d := p.Effective(ScriptElem)
	if d == nil {
		return allowed("")
	}
	if load.Nonce != "" && hasNonce(d, load.Nonce) {
		return allowed(d.Name)
	}
	if d.has("strict-dynamic") {
		if !load.ParserInserted {
			return allowed(d.Name)
		}
		return blocked(d.Name, d.Name+" has 'strict-dynamic', which ignores host sources: a <script src> in the markup needs the policy's nonce")
	}
	return p.AllowsURL(ScriptElem, load.URL, page)
}

// AllowsInlineScript runs the CSP3 inline check for a <script> element with
// the given nonce attribute and text: 'unsafe-inline' allows it unless the
// list holds a nonce, a hash or 'strict-dynamic'; otherwise a matching
// nonce or a hash of the text does.
func (p *Policy) AllowsInlineScript(nonce, text string) Verdict {
	d := p.Effective(ScriptElem)
	if d == nil {
		return allowed("")
	}
	if d.allowsAllInline() {
		return allowed(d.Name)
	}
	if nonce != "" && hasNonce(d, nonce) {
		return allowed(d.Name)
	}
	hashes := d.ofKind(Hash)
	for _, h := range hashes {
		if HashMatches(h, text) {
			return allowed(d.Name)
		}
	}
	var undec []Source
	undec = append(undec, d.ofKind(Templated)...)
	var why []string
	if looksTemplated(nonce) && len(d.ofKind(Nonce)) > 0 {
		why = append(why, "the element's nonce comes from a template")
	}
	if looksTemplated(text) && len(hashes) > 0 {
		why = append(why, "the script's text holds template syntax, so its hash is not known")
	}
	if len(undec) > 0 {
		why = append(why, "the policy's "+sourceList(undec)+" comes from a template")
	}
	if len(why) > 0 {
		return Verdict{Result: Unknown, Directive: d.Name, Undecided: undec, Reason: strings.Join(why, "; ")}
	}
	return blocked(d.Name, d.inlineBlockReason())
}

// allowsAllInline is CSP3 "does a source list allow all inline behavior"
// for scripts.
func (d *Directive) allowsAllInline() bool {
	return d.has("unsafe-inline") && len(d.ofKind(Nonce)) == 0 && len(d.ofKind(Hash)) == 0 && !d.has("strict-dynamic")
}

func (d *Directive) inlineBlockReason() string {
	switch {
	case d.has("unsafe-inline"):
		return d.Name + " ignores 'unsafe-inline' because it lists nonces, hashes or 'strict-dynamic', and no nonce or hash matches this script"
	case len(d.ofKind(Nonce)) > 0 || len(d.ofKind(Hash)) > 0:
		return d.Name + " allows inline scripts only by nonce or hash, and none matches this script"
	}
	return d.Name + " has no 'unsafe-inline', nonce or hash, so it blocks every inline script"
}

// has reports whether the list holds the keyword (lower case, no quotes).
func (d *Directive) has(keyword string) bool {
	for _, s := range d.Sources {
		if s.Kind == Keyword && s.Keyword == keyword {
			return true
		}
	}
	return false
}

func (d *Directive) ofKind(k SourceKind) []Source {
	var out []Source
	for _, s := range d.Sources {
		if s.Kind == k {
			out = append(out, s)
		}
	}
	return out
}

// Nonces returns the nonce values the directive lists.
func (d *Directive) Nonces() []string {
	var out []string
	for _, s := range d.ofKind(Nonce) {
		out = append(out, s.Value)
	}
	return out
}

// Has reports whether the directive lists the keyword, written without
// quotes in any case ("strict-dynamic").
func (d *Directive) Has(keyword string) bool { return d != nil && d.has(strings.ToLower(keyword)) }

// UsesNonceOrHash reports whether inline scripts under d need a nonce or a
// hash: it lists one, or it has 'strict-dynamic'.
func (d *Directive) UsesNonceOrHash() bool {
	return d != nil && (len(d.ofKind(Nonce)) > 0 || len(d.ofKind(Hash)) > 0 || d.has("strict-dynamic"))
}

func hasNonce(d *Directive, nonce string) bool {
	for _, s := range d.Sources {
		if s.Kind == Nonce && s.Value == nonce {
			return true
		}
	}
	return false
}
