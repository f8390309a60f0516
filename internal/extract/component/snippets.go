// Package component finds what UI components hold besides calls: pixel
// snippets written as string or template literals (Next.js <Script>,
// dangerouslySetInnerHTML, Helmet, useHead) and the script blocks of Vue,
// Svelte and Astro files.
package component

import (
	"bytes"
	"regexp"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
)

// Snippet is a string or template literal that holds pixel code a
// component renders into a <script>.
type Snippet struct {
	// Start and End delimit the literal in the original source, quotes
	// or backticks included; its code is [Start+1, End-1).
	Start, End int
	// Subs are the ${…} parts of a template literal (original offsets):
	// code computed at runtime.
	Subs [][2]int
	// Blanks are what joins the pieces of a concatenated snippet (quotes,
	// "+", white space): no code (see assemble.go).
	Blanks [][2]int
	Placement
}

// Placement is the element that renders a script and where it puts it.
type Placement struct {
	// Element is the component or tag rendering it ("Script", "script").
	Element string
	// NextScript is true when Element is Next.js's <Script> (next/script).
	NextScript bool
	// Strategy is the <Script strategy> as written ("" when absent);
	// StrategyDynamic when it is an expression.
	Strategy        string
	StrategyDynamic bool
	// StrategyStart/End delimit the strategy value, when present.
	StrategyStart, StrategyEnd int
	// ElementStart is where the element ("<Script") is written, -1 if unknown.
	ElementStart int
	// InHead is true when the snippet is rendered inside the document head:
	// a <head>, next/head <Head>, <Helmet>, or a useHead script entry.
	InHead bool
	// InBody is true when it is rendered inside a <body> element (a root
	// layout's): known to be out of the head.
	InBody bool
}

// snippetKeys are the props and head-entry fields whose value is script text.
var snippetKeys = map[string]bool{"__html": true, "innerHTML": true, "children": true, "textContent": true}

// headCalls put their script entries in the document head.
var headCalls = map[string]bool{"useHead": true, "useServerHead": true, "useHeadSafe": true}

var nextScriptImport = regexp.MustCompile(`import\s+([A-Za-z_$][\w$]*)\s+from\s*["']next/script["']`)
var nextHeadImport = regexp.MustCompile(`import\s+([A-Za-z_$][\w$]*)\s+from\s*["']next/head["']`)

type frame struct {
	open     byte
	call     string // the name called, for "(" frames
	elem     string // createElement's first argument
	args     int
	key      string // the last object key seen, for "{" frames
	parent   *frame
	strategy *literal
	dynamic  bool // strategy is an expression
	start    int  // generated offset of the callee, for createElement
	// props are the values of srcProps in a props object or head entry.
	props map[string]*propValue
}

type literal struct{ start, end int }

// Snippets scans esbuild's output for literals mentioning the pixel that a
// component renders as script text, and for the script URLs it renders
// (<script src>, <Script src>, useHead script entries). start maps
// generated offsets to the original source orig (module.Transform's Start).
func Snippets(gen []byte, start func(int) int, orig []byte) ([]Snippet, []ScriptSrc) {
	if !bytes.Contains(gen, []byte("oaiq")) && !bytes.Contains(gen, []byte("openai.com")) {
		return nil, nil
	}
	scriptName, headName := "Script", "Head"
	if m := nextScriptImport.FindSubmatch(orig); m != nil {
		scriptName = string(m[1])
	}
	if m := nextHeadImport.FindSubmatch(orig); m != nil {
		headName = string(m[1])
	}
	type found struct {
		lit   literal
		owner *frame // the createElement frame, if any
		top   *frame
	}
	var hits []found
	// consts are the literals bound by `const NAME = …` (a name bound twice
	// is dropped); named are hits written as a name, resolved through them.
	consts := map[string]*literal{}
	type namedHit struct {
		name  string
		owner *frame
		top   *frame
	}
	var named []namedHit
	// srcs are the frames whose src prop holds a value; pending is the
	// frame whose prop value was just read: anything but "," or "}" next
	// makes it an expression.
	var srcs []*frame
	var pending *propValue
	root := &frame{}
	top := root
	var prev, prev2, prev3 module.Token
	for i := 0; ; {
		t := module.Next(gen, i, prev)
		if t.Kind == module.EOF {
			break
		}
		text := string(gen[t.Start:t.End])
		if pending != nil {
			if t.Kind != module.Punct || text != "," && text != "}" {
				pending.expr = true
			}
			pending = nil
		}
		switch t.Kind {
		case module.Punct:
			switch text {
			case "(", "[", "{":
				f := &frame{open: text[0], parent: top}
				if text == "(" && prev.Kind == module.Ident {
					f.call = string(gen[prev.Start:prev.End])
					if f.call == "createElement" {
						f.start = prev.Start
						if prev2.Kind == module.Punct && gen[prev2.Start] == '.' {
							f.start = identBefore(gen, prev2.Start)
						}
					}
				}
				top = f
			case ")", "]", "}":
				if top.parent != nil {
					top = top.parent
				}
			case ".":
				// A spread (lexed as three dots) after src may replace it.
				if v := top.props["src"]; v != nil && prev.Kind == module.Punct && gen[prev.Start] == '.' {
					v.expr = true
				}
			case ",":
				top.args++
				top.key = ""
			case ":":
				if top.open == '{' && (prev.Kind == module.Ident || prev.Kind == module.String) {
					top.key = unquote(string(gen[prev.Start:prev.End]))
				}
			}
		case module.Ident, module.String, module.Template:
			if top.call == "createElement" && top.args == 0 && top.elem == "" {
				top.elem = unquote(text)
			}
			if owner := propsOwner(top); owner != nil && top.key == "strategy" && prev.Kind == module.Punct && gen[prev.Start] == ':' {
				if t.Kind == module.String {
					owner.strategy = &literal{t.Start, t.End}
				} else {
					owner.dynamic = true
				}
			}
			if srcProps[top.key] && prev.Kind == module.Punct && gen[prev.Start] == ':' && (propsOwner(top) != nil || headEntry(top)) {
				if top.props == nil {
					top.props = map[string]*propValue{}
				}
				pending = &propValue{tok: t}
				if top.key == "src" && top.props["src"] == nil {
					srcs = append(srcs, top)
				}
				top.props[top.key] = pending
			}
			if t.Kind != module.Ident && prev.Kind == module.Punct && gen[prev.Start] == '=' && prev2.Kind == module.Ident &&
				prev3.Kind == module.Ident && string(gen[prev3.Start:prev3.End]) == "const" {
				name := string(gen[prev2.Start:prev2.End])
				if _, seen := consts[name]; seen {
					consts[name] = nil
				} else {
					consts[name] = &literal{t.Start, t.End}
				}
			}
			if t.Kind == module.Ident && prev.Kind == module.Punct {
				// { __html: snippet } or createElement("script", null, snippet)
				isScript := func(f *frame) bool { return f.elem == "script" || f.elem == scriptName }
				switch p := gen[prev.Start]; {
				case p == ':' && top.open == '{' && snippetKeys[top.key]:
					if owner := elementOf(top); owner != nil && isScript(owner) || owner == nil && inHeadCall(top) {
						named = append(named, namedHit{text, owner, top})
					}
				case p == ',' && top.call == "createElement" && top.args >= 2 && isScript(top):
					named = append(named, namedHit{text, top, top})
				}
			}
			if t.Kind != module.Ident && bytes.Contains(gen[t.Start:t.End], []byte("oaiq")) {
				// Only text a <script> renders is code: the same literal in a
				// <div>'s innerHTML or a <p>'s children is just text.
				isScript := func(f *frame) bool { return f.elem == "script" || f.elem == scriptName }
				switch {
				case top.open == '{' && snippetKeys[top.key]:
					if owner := elementOf(top); owner != nil && isScript(owner) || owner == nil && inHeadCall(top) {
						hits = append(hits, found{literal{t.Start, t.End}, owner, top})
					}
				case top.call == "createElement" && top.args >= 2 && isScript(top):
					hits = append(hits, found{literal{t.Start, t.End}, top, top})
				}
			}
		}
		prev3, prev2, prev = prev2, prev, t
		i = t.End
	}
	for _, n := range named {
		if lit := consts[n.name]; lit != nil && bytes.Contains(gen[lit.start:lit.end], []byte("oaiq")) {
			hits = append(hits, found{*lit, n.owner, n.top})
		}
	}
	var out []Snippet
	covered := -1 // the end of the last snippet: a later piece of it is no new snippet
	for _, h := range hits {
		at := start(h.lit.start)
		if at < covered {
			continue
		}
		s, ok := snippetAt(orig, at)
		if !ok {
			continue
		}
		s = assemble(orig, s)
		covered = s.End
		s.Placement = placementOf(gen, start, orig, h.owner, h.top, scriptName, headName)
		out = append(out, s)
	}
	var srcOut []ScriptSrc
	for _, f := range srcs {
		owner := propsOwner(f)
		if owner != nil && owner.elem != "script" && owner.elem != scriptName {
			continue
		}
		lit, ok := srcLiteral(gen, f.props["src"], consts)
		if !ok {
			continue
		}
		s, ok := scriptSrcAt(orig, start(lit.start))
		if !ok {
			continue
		}
		s.Placement = placementOf(gen, start, orig, owner, f, scriptName, headName)
		s.HeadEntry = owner == nil
		s.Async = s.NextScript || truthy(gen, f.props["async"]) || truthy(gen, f.props["defer"])
		if v := f.props["type"]; v != nil && v.tok.Kind == module.String && !v.expr {
			s.Type = unquote(string(gen[v.tok.Start:v.tok.End]))
		}
		srcOut = append(srcOut, s)
	}
	return out, srcOut
}

// placementOf describes the element owner (nil for a head entry) that
// renders a script, top being the innermost frame around it.
func placementOf(gen []byte, start func(int) int, orig []byte, owner, top *frame, scriptName, headName string) Placement {
	p := Placement{ElementStart: -1}
	if o := owner; o != nil {
		p.Element = o.elem
		p.NextScript = o.elem == scriptName
		p.ElementStart = start(o.start)
		if o.strategy != nil {
			p.StrategyStart, p.StrategyEnd = start(o.strategy.start), start(o.strategy.start)+(o.strategy.end-o.strategy.start)
			p.Strategy = unquote(string(gen[o.strategy.start:o.strategy.end]))
			if e, ok := literalEnd(orig, p.StrategyStart); ok {
				p.StrategyEnd = e
			}
		}
		p.StrategyDynamic = o.dynamic
	}
	p.InHead = inHead(top, headName) || p.NextScript && p.Strategy == "beforeInteractive"
	p.InBody = !p.InHead && inBody(top)
	return p
}

// identBefore returns the start of the identifier ending just before a
// "." at dot (React in React.createElement).
func identBefore(gen []byte, dot int) int {
	i := dot
	for i > 0 && (gen[i-1] == '_' || gen[i-1] == '$' || gen[i-1]|0x20 >= 'a' && gen[i-1]|0x20 <= 'z' || gen[i-1] >= '0' && gen[i-1] <= '9') {
		i--
	}
	return i
}

// propsOwner returns the createElement frame whose props object is f.
func propsOwner(f *frame) *frame {
	if f.open == '{' && f.parent != nil && f.parent.call == "createElement" && f.parent.args == 1 {
		return f.parent
	}
	return nil
}

// elementOf returns the createElement frame a props value belongs to.
func elementOf(f *frame) *frame {
	for ; f != nil; f = f.parent {
		if f.call == "createElement" {
			return f
		}
	}
	return nil
}

// inHeadCall reports a useHead-style call around f.
func inHeadCall(f *frame) bool {
	for ; f != nil; f = f.parent {
		if headCalls[f.call] {
			return true
		}
	}
	return false
}

func inBody(f *frame) bool {
	for ; f != nil; f = f.parent {
		if f.call == "createElement" && f.elem == "body" {
			return true
		}
	}
	return false
}

func inHead(f *frame, headName string) bool {
	for ; f != nil; f = f.parent {
		if headCalls[f.call] {
			return true
		}
		if f.call == "createElement" && (f.elem == "head" || f.elem == headName || f.elem == "Helmet") {
			return true
		}
	}
	return false
}

// snippetAt reads the literal starting at off in the original source.
func snippetAt(orig []byte, off int) (Snippet, bool) {
	if off < 0 || off >= len(orig) {
		return Snippet{}, false
	}
	switch orig[off] {
	case '`':
		end, subs, ok := templateAt(orig, off)
		return Snippet{Start: off, End: end, Subs: subs}, ok
	case '"', '\'':
		end, ok := literalEnd(orig, off)
		return Snippet{Start: off, End: end}, ok
	}
	return Snippet{}, false
}

func templateAt(orig []byte, off int) (int, [][2]int, bool) {
	return module.TemplateLiteral(orig, off)
}

// literalEnd returns the offset just past the string literal at off.
func literalEnd(orig []byte, off int) (int, bool) {
	if off < 0 || off >= len(orig) || orig[off] != '"' && orig[off] != '\'' {
		return 0, false
	}
	q := orig[off]
	for j := off + 1; j < len(orig); j++ {
		switch orig[j] {
		case '\\':
			j++
		case q:
			return j + 1, true
		case '\n', '\r':
			return 0, false
		}
	}
	return 0, false
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
