// Package csp reads Content-Security-Policies and answers the questions the
// pixel raises: may this page load the SDK, send its events, run its inline
// snippet. It follows CSP Level 3 (W3C): parsing, directive fallback, source
// matching, nonces, hashes and 'strict-dynamic'.
//
// Nothing here panics on any input: a policy is text from the web.
package csp

import "strings"

// Policy is one parsed policy: its directives by lower-case name.
type Policy struct {
	// Text is the policy as written.
	Text       string
	directives map[string]*Directive
	order      []string
}

// Directive is one directive of a policy with its source list.
type Directive struct {
	// Name is lower case ("script-src").
	Name string
	// Sources are the valid source expressions, in order; invalid ones are
	// dropped as browsers drop them.
	Sources []Source
}

// Parse reads one serialized policy (a <meta http-equiv> content, or one
// member of a header's comma-separated list): directives split on ";",
// names case-insensitive, the first occurrence of a directive wins.
func Parse(text string) *Policy {
	p := &Policy{Text: text, directives: map[string]*Directive{}}
	for _, token := range strings.Split(text, ";") {
		token = strings.Trim(token, asciiSpace)
		if token == "" {
			continue
		}
		name, rest, _ := cutSpace(token)
		name = strings.ToLower(name)
		if !isDirectiveName(name) {
			continue
		}
		if _, seen := p.directives[name]; seen {
			continue
		}
		d := &Directive{Name: name}
		for _, expr := range splitSources(rest) {
			if s, ok := parseSource(expr); ok {
				d.Sources = append(d.Sources, s)
			}
		}
		p.directives[name] = d
		p.order = append(p.order, name)
	}
	return p
}

// ParseHeader reads a Content-Security-Policy header value, which may hold
// several policies separated by commas; each one applies on its own.
// Empty members are skipped.
func ParseHeader(value string) []*Policy {
	var out []*Policy
	for _, member := range strings.Split(value, ",") {
		if strings.Trim(member, asciiSpace) == "" {
			continue
		}
		out = append(out, Parse(strings.Trim(member, asciiSpace)))
	}
	return out
}

// Directive returns the directive named name (case-insensitive), or nil.
func (p *Policy) Directive(name string) *Directive {
	if p == nil {
		return nil
	}
	return p.directives[strings.ToLower(name)]
}

// Names lists the policy's directives in the order they were written.
func (p *Policy) Names() []string { return append([]string(nil), p.order...) }

// fallbacks lists, for each directive a request is checked against, the
// directives that stand in for it when it is absent (CSP3 §6.8.3).
var fallbacks = map[string][]string{
	"script-src-elem": {"script-src-elem", "script-src", "default-src"},
	"script-src":      {"script-src", "default-src"},
	"connect-src":     {"connect-src", "default-src"},
	"img-src":         {"img-src", "default-src"},
}

// Effective returns the directive that governs requests of the given
// directive name once fallback is applied ("script-src-elem" falls back to
// "script-src" and then "default-src"), or nil when none is present, in which
// case the policy does not restrict them.
func (p *Policy) Effective(name string) *Directive {
	name = strings.ToLower(name)
	chain, ok := fallbacks[name]
	if !ok {
		chain = []string{name}
	}
	for _, n := range chain {
		if d := p.Directive(n); d != nil {
			return d
		}
	}
	return nil
}

const asciiSpace = " \t\n\f\r"

func isASCIISpace(r rune) bool { return strings.ContainsRune(asciiSpace, r) }

// templatePairs are template delimiters; whitespace inside them does not
// split a source expression, so 'nonce-{{ csp_nonce }}' stays one token.
var templatePairs = [][2]string{{"{{", "}}"}, {"{%", "%}"}, {"<%", "%>"}, {"<?", "?>"}, {"${", "}"}}

// splitSources splits a directive value on ASCII whitespace, keeping
// template spans whole.
func splitSources(v string) []string {
	var out []string
	start := -1
	for i := 0; i < len(v); i++ {
		if end := templateEnd(v, i); end > i {
			if start < 0 {
				start = i
			}
			i = end - 1
			continue
		}
		if isASCIISpace(rune(v[i])) {
			if start >= 0 {
				out = append(out, v[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, v[start:])
	}
	return out
}

// templateEnd returns the offset just past the template span opening at i,
// or i when none opens there (an unclosed span runs to the end).
func templateEnd(v string, i int) int {
	for _, p := range templatePairs {
		if strings.HasPrefix(v[i:], p[0]) {
			if j := strings.Index(v[i+len(p[0]):], p[1]); j >= 0 {
				return i + len(p[0]) + j + len(p[1])
			}
			return len(v)
		}
	}
	return i
}

func cutSpace(s string) (before, after string, found bool) {
	if i := strings.IndexAny(s, asciiSpace); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

func isDirectiveName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
