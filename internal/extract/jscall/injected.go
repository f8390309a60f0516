package jscall

import (
	"bytes"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
)

// Snippets held in strings and injected later (issue 15): script.text =
// "…", .textContent, .innerText (code), and .innerHTML,
// insertAdjacentHTML, document.write and jQuery's append and html (markup
// whose <script> elements hold code). They are read as scripts of their
// own, at their positions in the file; they run when injected, after the
// page's own scripts, so a loader found in them is late.

// maxInjectDepth bounds snippets inside snippets.
const maxInjectDepth = 2

// codeProps are the members whose string is a script's code.
var codeProps = map[string]bool{"text": true, "textContent": true, "innerText": true}

// markupCalls are the methods whose string argument is markup.
var markupCalls = map[string]bool{"write": true, "writeln": true, "insertAdjacentHTML": true, "append": true, "prepend": true, "html": true, "after": true, "before": true}

// injectedLate says why a loader injected from a string is late.
const injectedLate = "it is injected from a string by code, after the page's own scripts have run"

// checkInjected reads the snippet a node injects, if any.
func (x *extractor) checkInjected(n ast.Node, stack []ast.Node) {
	if x.s.depth >= maxInjectDepth || x.s.NoInjected {
		return
	}
	switch n := n.(type) {
	case *ast.PropertyKeyed:
		// { __html: pixelSnippet(id) }: the strings the function returns are
		// what the component renders as a script, where it stands.
		if k, ok := x.key(n); ok && k == "__html" && rendersScript(stack) {
			if call, ok := n.Value.(*ast.CallExpression); ok {
				if id, ok := call.Callee.(*ast.Identifier); ok {
					for _, r := range x.returnedStrings(id.Name.String()) {
						x.readInjectedAs(r, false, false)
					}
				}
			}
		}
	case *ast.AssignExpression:
		if n.Operator != token.ASSIGN && n.Operator != token.PLUS {
			return
		}
		switch name := memberName(n.Left); {
		case codeProps[name] && x.isScriptElement(n.Left):
			x.readInjected(n.Right, false)
		case name == "innerHTML" || name == "outerHTML":
			x.readInjected(n.Right, true)
		}
	case *ast.CallExpression:
		if markupCalls[memberName(n.Callee)] && len(n.ArgumentList) > 0 {
			x.readInjected(n.ArgumentList[len(n.ArgumentList)-1], true)
		}
	}
}

// readInjected reads the string e as code, or as markup whose scripts are
// code.
func (x *extractor) readInjected(e ast.Expression, markup bool) {
	x.readInjectedAs(e, markup, true)
}

// isScriptElement reports that the object of the member expression e is
// a script element: document.createElement("script"), or a name bound
// once to it. Text set on any other element is text.
func (x *extractor) isScriptElement(e ast.Expression) bool {
	var obj ast.Expression
	switch m := unwrap(e).(type) {
	case *ast.DotExpression:
		obj = m.Left
	case *ast.BracketExpression:
		obj = m.Left
	default:
		return false
	}
	if id, ok := obj.(*ast.Identifier); ok {
		b := x.consts[id.Name.String()]
		if !b.single() {
			return false
		}
		obj = b.init
	}
	c, ok := obj.(*ast.CallExpression)
	return ok && memberName(c.Callee) == "createElement" && len(c.ArgumentList) > 0 && isStringNamed(c.ArgumentList[0], "script")
}

// rendersScript reports a props object of createElement("script", …) or
// of next/script's <Script> (a jsx() call in another transform) around the
// top of stack: the same string in a <div> is text.
func rendersScript(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		c, ok := stack[i].(*ast.CallExpression)
		if !ok {
			continue
		}
		name := memberName(c.Callee)
		if id, ok := c.Callee.(*ast.Identifier); ok {
			name = id.Name.String()
		}
		switch strings.TrimLeft(name, "_") {
		case "createElement", "jsx", "jsxs", "jsxDEV":
		default:
			continue
		}
		if len(c.ArgumentList) == 0 {
			return false
		}
		switch e := c.ArgumentList[0].(type) {
		case *ast.StringLiteral:
			return e.Value.String() == "script"
		case *ast.Identifier:
			return e.Name.String() == "Script"
		}
		return false
	}
	return false
}

// returnedStrings are the string expressions the function declared once
// as name returns (function name() { return "…" }, const name = () => "…").
func (x *extractor) returnedStrings(name string) []ast.Expression {
	b := x.consts[name]
	var fn ast.Node
	if b != nil && b.decls == 1 && !b.assigned {
		if b.init != nil {
			switch f := b.init.(type) {
			case *ast.ArrowFunctionLiteral, *ast.FunctionLiteral:
				fn = f
			}
		}
		if fn == nil {
			if x.funcDecls == nil {
				x.funcDecls = functionDecls(x.prog)
			}
			fn = x.funcDecls[name]
		}
	}
	if fn == nil {
		return nil
	}
	var out []ast.Expression
	if a, ok := fn.(*ast.ArrowFunctionLiteral); ok {
		if e, ok := a.Body.(*ast.ExpressionBody); ok {
			if isStringPiece(e.Expression) || isConcat(e.Expression) {
				out = append(out, e.Expression)
			}
			return out
		}
	}
	inspect(fn, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return n == fn // the returns of nested functions are theirs
		case *ast.ReturnStatement:
			if n.Argument != nil && (isStringPiece(n.Argument) || isConcat(n.Argument)) {
				out = append(out, n.Argument)
			}
		}
		return true
	})
	return out
}

func isConcat(e ast.Expression) bool {
	b, ok := e.(*ast.BinaryExpression)
	return ok && b.Operator == token.PLUS
}

// readInjectedAs is readInjected; late tells whether the code runs after
// the page's own scripts (injected by code) or where it is rendered.
func (x *extractor) readInjectedAs(e ast.Expression, markup, late bool) {
	if id, ok := e.(*ast.Identifier); ok {
		// s.text = snippet, the snippet assembled in a name bound once.
		if b := x.consts[id.Name.String()]; b.single() && !b.opened && (isStringPiece(b.init) || isConcat(b.init)) {
			e = b.init
		}
	}
	base, code, spans, ok := x.stringCode(e)
	if !ok || !bytes.Contains(code, pixelName) {
		return
	}
	if !markup {
		x.addInjected(base, code, spans, late)
		return
	}
	lower := bytes.ToLower(code)
	for i := 0; i < len(code); {
		j := bytes.Index(lower[i:], []byte("<script"))
		if j < 0 {
			return
		}
		open := i + j
		gt := bytes.IndexByte(code[open:], '>')
		if gt < 0 {
			return
		}
		body := open + gt + 1
		end := bytes.Index(lower[body:], []byte("</script"))
		if end < 0 {
			end = len(code) - body
		}
		x.addInjected(base+body, code[body:body+end], spansWithin(spans, base+body, base+body+end), late)
		i = body + end
	}
}

func (x *extractor) addInjected(base int, code []byte, spans []tmpl.Span, late bool) {
	if !bytes.Contains(code, pixelName) {
		return
	}
	inner := Script{File: x.s.File, Base: base, Code: code, Templates: spans, URL: x.s.URL, Deferred: x.s.Deferred, Recover: true, depth: x.s.depth + 1}
	res := Extract(inner)
	if res.Err != nil {
		return
	}
	x.res.Calls = append(x.res.Calls, res.Calls...)
	x.res.Requests = append(x.res.Requests, res.Requests...)
	for _, l := range res.Loaders {
		if late {
			l.Late, l.LateReason = true, injectedLate
		}
		x.res.Loaders = append(x.res.Loaders, l)
	}
}

// stringCode returns the text a string expression holds, as code at its
// place in the file: the content of a string or template literal, or of a
// concatenation of them (what joins the pieces blanked; ${…} parts and
// operands that are not literals masked as computed values), with escapes
// read as the characters they stand for. base is the offset of code in
// File.Text.
func (x *extractor) stringCode(e ast.Expression) (base int, code []byte, spans []tmpl.Span, ok bool) {
	var pieces []ast.Expression
	var flatten func(e ast.Expression) bool
	flatten = func(e ast.Expression) bool {
		if b, isBin := e.(*ast.BinaryExpression); isBin && b.Operator == token.PLUS {
			if len(pieces) > 10000 {
				return false
			}
			return flatten(b.Left) && flatten(b.Right)
		}
		pieces = append(pieces, e)
		return true
	}
	if !flatten(e) {
		return 0, nil, nil, false
	}
	first := -1
	for i, p := range pieces {
		if isStringPiece(p) {
			first = i
			break
		}
	}
	if first < 0 {
		return 0, nil, nil, false
	}
	// Pieces are read where they start: a transform may have joined
	// literals or moved where one seems to end.
	last := len(pieces) - 1
	for last > first && !isStringPiece(pieces[last]) {
		last-- // operands after the last literal add text the code cannot know
	}
	pieces = pieces[:last+1]
	a, _ := x.offsets(pieces[first])
	lb, _ := x.offsets(pieces[last])
	b, ok := x.literalEnd(lb)
	if !ok || a+1 >= b {
		return 0, nil, nil, false
	}
	base = a + 1
	code = append([]byte(nil), x.s.Code[base-x.s.Base:b-x.s.Base]...)
	for _, sp := range x.s.Templates {
		if sp.Start >= base && sp.End <= b {
			spans = append(spans, sp)
		}
	}
	// Walk the pieces: literal contents stay; quotes, operators and what
	// is computed are blanked or masked.
	blankTo := func(from, to int, dynamic bool) {
		from, to = max(from, base), min(to, b)
		for i := from; i < to; i++ {
			c := &code[i-base]
			switch {
			case dynamic:
				*c = '_'
			case *c != '\n' && *c != '\r':
				*c = ' '
			}
		}
		if dynamic && to > from {
			spans = append(spans, tmpl.Span{Start: from, End: to, Output: true})
		}
	}
	prevEnd := base // the end of the previous literal's content
	pendingDynamic := false
	for _, p := range pieces[first:] {
		pa, _ := x.offsets(p)
		if !isStringPiece(p) {
			pendingDynamic = true
			continue
		}
		pb, ok := x.literalEnd(pa)
		if !ok || pa+1 < prevEnd {
			return 0, nil, nil, false
		}
		// From the previous content to this literal's opening quote.
		blankTo(prevEnd, pa+1, pendingDynamic)
		pendingDynamic = false
		if t, isTmpl := p.(*ast.TemplateLiteral); isTmpl {
			for _, sub := range t.Expressions {
				sa, sb := x.offsets(sub)
				for sa > pa+1 && x.s.Code[sa-x.s.Base-1] != '{' {
					sa--
				}
				for sb < pb-1 && x.s.Code[sb-x.s.Base] != '}' {
					sb++
				}
				blankTo(sa-2, sb+1, true) // ${ … }
			}
		}
		prevEnd = pb - 1
	}
	UnescapeCode(code)
	sortSpans(spans)
	return base, code[:prevEnd-base], spans, true
}

// literalEnd returns the offset in File.Text just past the string or
// template literal written at a, read in the source (a transform may have
// respelt or joined it); ok is false when none starts there.
func (x *extractor) literalEnd(a int) (int, bool) {
	code := x.s.Code
	i := a - x.s.Base
	if i < 0 || i >= len(code) {
		return 0, false
	}
	q := code[i]
	if q != '"' && q != '\'' && q != '`' {
		return 0, false
	}
	depth := 0
	for k := i + 1; k < len(code); k++ {
		switch c := code[k]; {
		case c == '\\':
			k++
		case q == '`' && c == '$' && k+1 < len(code) && code[k+1] == '{':
			depth++
			k++
		case q == '`' && c == '}' && depth > 0:
			depth--
		case c == q && depth == 0:
			return x.s.Base + k + 1, true
		case q != '`' && (c == '\n' || c == '\r'):
			return 0, false
		}
	}
	return 0, false
}

func isStringPiece(e ast.Expression) bool {
	switch t := e.(type) {
	case *ast.StringLiteral:
		return true
	case *ast.TemplateLiteral:
		return t.Tag == nil
	}
	return false
}

func spansWithin(spans []tmpl.Span, a, b int) []tmpl.Span {
	var out []tmpl.Span
	for _, s := range spans {
		if s.Start >= a && s.End <= b {
			out = append(out, s)
		}
	}
	return out
}

func sortSpans(spans []tmpl.Span) {
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].Start < spans[j-1].Start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}

// UnescapeCode turns the escapes of a string literal's source into the
// characters the script gets, at the same length (the character and a
// space): "oaiq(\"init\")" is read as oaiq( "init" ). The space goes
// outside the script's own strings: before a quote that opens one, after
// one that closes it. Escapes that stand for other characters (\u0041,
// \x41) are left as written.
func UnescapeCode(code []byte) {
	var in byte // the quote of the script's string being read, if any
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c == '"' || c == '\'' || c == '`' {
			switch in {
			case 0:
				in = c
			case c:
				in = 0
			}
			continue
		}
		if c != '\\' || i+1 >= len(code) {
			continue
		}
		c = code[i+1]
		switch c {
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case '"', '\'', '`':
			switch in {
			case 0:
				in = c
				code[i], code[i+1] = ' ', c
			case c:
				in = 0
				code[i], code[i+1] = c, ' '
			default:
				code[i], code[i+1] = ' ', c
			}
			i++
			continue
		case '\\', '$', '/':
		default:
			continue
		}
		code[i], code[i+1] = ' ', c
		i++
	}
}
