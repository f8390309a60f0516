package component

import (
	"bytes"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
)

// ScriptSrc is a script URL a component renders: the src of a <script> or
// Next.js <Script>, or of a useHead script entry. Only URLs written as a
// literal (or a const bound once to one) are listed: a computed src is
// not known.
type ScriptSrc struct {
	// Src is the URL as written; SrcStart and SrcEnd delimit it in the
	// original source (inside the quotes).
	Src              string
	SrcStart, SrcEnd int
	// SrcDynamic is true for a template literal with ${…} parts.
	SrcDynamic bool
	// Async is true for an async or defer script, and for every Next.js
	// <Script>, which is injected after the page's own scripts.
	Async bool
	// Type is the type prop as written ("" when absent or computed).
	Type string
	// HeadEntry is true for a useHead script entry (no element).
	HeadEntry bool
	Placement
}

// srcProps are the props read for a script URL.
var srcProps = map[string]bool{"src": true, "async": true, "defer": true, "type": true}

// propValue is the first token of a prop's value; expr is true when more
// follows it (a member access, an operator, a call).
type propValue struct {
	tok  module.Token
	expr bool
}

// headEntry reports an object in the script array of a useHead-style
// call: useHead({ script: [{ src: "…" }] }).
func headEntry(f *frame) bool {
	if f.open != '{' || f.parent == nil || f.parent.open != '[' {
		return false
	}
	arr := f.parent
	return arr.parent != nil && arr.parent.open == '{' && arr.parent.key == "script" && inHeadCall(arr)
}

// srcLiteral returns the literal a src value is: written in place, or a
// const bound once to a literal and to nothing more.
func srcLiteral(gen []byte, v *propValue, consts map[string]*literal) (literal, bool) {
	if v == nil || v.expr {
		return literal{}, false
	}
	switch v.tok.Kind {
	case module.String, module.Template:
		return literal{v.tok.Start, v.tok.End}, true
	case module.Ident:
		lit := consts[string(gen[v.tok.Start:v.tok.End])]
		if lit == nil || !endsStatement(gen, lit.end) {
			return literal{}, false
		}
		return *lit, true
	}
	return literal{}, false
}

// endsStatement reports that the literal ending at end is the whole
// initializer: `const U = "…";`, not `const U = "…" + path;`.
func endsStatement(gen []byte, end int) bool {
	rest := bytes.TrimLeft(gen[end:], " \t")
	return len(rest) == 0 || rest[0] == ';' || rest[0] == ',' || rest[0] == '\n' || rest[0] == '\r'
}

// scriptSrcAt reads the URL literal starting at off in the original source.
func scriptSrcAt(orig []byte, off int) (ScriptSrc, bool) {
	s, ok := snippetAt(orig, off)
	if !ok || s.End-s.Start < 2 {
		return ScriptSrc{}, false
	}
	return ScriptSrc{
		Src:        string(orig[s.Start+1 : s.End-1]),
		SrcStart:   s.Start + 1,
		SrcEnd:     s.End - 1,
		SrcDynamic: len(s.Subs) > 0,
	}, true
}

// truthy reports a boolean prop set to true (async, async={true}, or a
// non-empty string).
func truthy(gen []byte, v *propValue) bool {
	if v == nil || v.expr {
		return false
	}
	text := string(gen[v.tok.Start:v.tok.End])
	switch v.tok.Kind {
	case module.Ident:
		return text == "true"
	case module.String:
		return len(unquote(text)) > 0
	}
	return false
}
