package jscall

import (
	"bytes"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

type extractor struct {
	s      Script
	parsed []byte // the code goja parsed (Code, or its module transform)
	prog   *ast.Program
	// mapStart and mapEnd map offsets in parsed to offsets in Code, for
	// where a node starts and just past where it ends.
	mapStart, mapEnd func(int) int
	consts           map[string]*binding
	res              Result
	// callAt is where the call whose arguments are being read starts;
	// resolving and budget bound the names resolved for it (value.go).
	// funcDecls are the function declarations by name (a name declared
	// twice is dropped), for __html: snippet() (injected.go); built when
	// first needed.
	funcDecls map[string]ast.Node
	callAt    file.Idx
	// later is the innermost function around that call that does not run
	// where it is written (bodyOf), or nil: the call reads names when it runs.
	later ast.Node
	// appendsRead is set while a request body is read: an array a name
	// holds that items are pushed to keeps the items written, open for
	// more (value.go's resolve), instead of being unknown.
	appendsRead bool
	resolving   map[string]bool
	budget      int
	// queryWrites are the query parameters URL objects' searchParams add,
	// by name (capi.go), found when first needed.
	queryWrites map[string]queryWrites
}

func newExtractor(s Script, parsed []byte, prog *ast.Program, mapStart, mapEnd func(int) int) *extractor {
	return &extractor{s: s, parsed: parsed, prog: prog, mapStart: mapStart, mapEnd: mapEnd}
}

func (x *extractor) run() {
	x.consts = collectBindings(x.prog)
	aliases := stubAliases(x.prog)
	inspect(x.prog, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpression:
			x.later = bodyOf(stack)
			if isPixelCallee(n.Callee) || aliases.calls(n, stack, x.prog) {
				c := x.call(n)
				c.Deferred = x.s.Deferred || deferred(stack)
				c.Guarded = guarded(n, stack)
				if b := bodyOf(stack); b != nil && c.Deferred {
					a, _ := x.offsets(b)
					c.Body = a + 1
				}
				x.res.Calls = append(x.res.Calls, c)
			}
			x.checkRequestCall(n)
			x.checkCAPICall(n)
			x.checkInjected(n, stack)
		case *ast.AssignExpression:
			x.checkRequestAssign(n)
			x.checkInjected(n, stack)
			if isPixelTarget(n.Left) && !x.s.Deferred && !deferred(stack) {
				x.res.Defines = true
			}
		case *ast.Binding:
			if isPixelTarget(n.Target) && !x.s.Deferred && !deferred(stack) {
				x.res.Defines = true // var oaiq = … at the top of a classic script is window.oaiq
			}
		case *ast.FunctionDeclaration:
			if n.Function != nil && n.Function.Name != nil && n.Function.Name.Name == "oaiq" && !x.s.Deferred && !deferred(stack) {
				x.res.Defines = true
			}
		case *ast.PropertyKeyed:
			x.checkInjected(n, stack)
		}
		return true
	})
	x.res.Loaders = append(x.findLoaders(), x.res.Loaders...) // after those injected from strings
}

// offsets returns the byte range of n in File.Text. goja's Idx is 1-based
// into the parsed code.
func (x *extractor) offsets(n ast.Node) (int, int) {
	i0, i1 := int(n.Idx0()), int(n.Idx1())
	switch n := n.(type) {
	case *ast.Identifier:
		// goja measures a name in its own string form, which is longer than
		// the source for non-ASCII names: measure the source instead.
		i1 = x.identEnd(i0)
	case *ast.DotExpression:
		i1 = x.identEnd(int(n.Identifier.Idx))
	case *ast.SpreadElement:
		if i0 > 3 && string(x.parsed[i0-4:i0-1]) == "..." {
			i0 -= 3
		}
	}
	return x.offset(i0, x.mapStart), x.offset(i1, x.mapEnd)
}

// valueOffsets are offsets for a value read from an expression: with the
// parentheses the expression closes.
func (x *extractor) valueOffsets(n ast.Node) (int, int) {
	i0, i1 := int(n.Idx0()), int(n.Idx1())
	w := x.openingParens(i0, i1)
	e := i1
	switch n.(type) {
	case *ast.UnaryExpression, *ast.BinaryExpression, *ast.ConditionalExpression:
		// The nodes goja ends with their last operand's end (a call or a
		// bracket ends at its own closing character).
		e = x.closingParens(w, i1)
	}
	if w != i0 || e != i1 {
		return x.offset(w, x.mapStart), x.offset(e, x.mapEnd)
	}
	return x.offsets(n)
}

// openingParens moves a node's start back over the parentheses it closes.
// goja keeps no node for parentheses: (total * 100).toFixed(0) starts at
// total, and its text would end with a ")" it never opened.
func (x *extractor) openingParens(i0, i1 int) int {
	b := x.parsed
	before := func(i int) int { // the index of the last non-space byte before b[i]
		for i--; i >= 0 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'); i-- {
		}
		return i
	}
	p := before(i0 - 1)
	if p < 0 || b[p] != '(' || i1-1 > len(b) || i0 < 1 || i1 <= i0 {
		return i0 // the common case, decided without reading the node
	}
	for open, _ := parenBalance(b[i0-1 : i1-1]); open > 0 && p >= 0 && b[p] == '('; open-- {
		i0 = p + 1
		p = before(p)
	}
	return i0
}

// closingParens moves a node's end forward over the parentheses it opened.
// goja ends a unary or binary expression where its last operand ends:
// ~~(price * 100) would end before its ")" (review F4).
func (x *extractor) closingParens(i0, i1 int) int {
	b := x.parsed
	if i0 < 1 || i1 <= i0 || i1-1 > len(b) {
		return i1
	}
	_, unclosed := parenBalance(b[i0-1 : i1-1])
	for p := i1 - 1; unclosed > 0; unclosed-- {
		for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r') {
			p++
		}
		if p >= len(b) || b[p] != ')' {
			break
		}
		p++
		i1 = p + 1
	}
	return i1
}

// parenBalance counts the closing parentheses of code that no opening one
// before them matches (unopened) and the opening ones no closing one after
// them matches (unclosed), outside strings and comments.
func parenBalance(code []byte) (unopened, unclosed int) {
	depth := 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				unopened++
			} else {
				depth--
			}
		case '"', '\'', '`':
			for i++; i < len(code) && code[i] != c; i++ {
				if code[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(code) && code[i+1] == '/' {
				for i < len(code) && code[i] != '\n' {
					i++
				}
			} else if i+1 < len(code) && code[i+1] == '*' {
				end := bytes.Index(code[i+2:], []byte("*/"))
				if end < 0 {
					return unopened, depth
				}
				i += end + 3
			}
		}
	}
	return unopened, depth
}

// identEnd returns the Idx just past the identifier starting at idx.
func (x *extractor) identEnd(idx int) int {
	i := idx - 1
	for i < len(x.parsed) && (isIdentByte(x.parsed[i]) || x.parsed[i] == '\\') {
		i++
	}
	return i + 1
}

func (x *extractor) offset(idx int, mapOff func(int) int) int {
	off := mapOff(idx - 1)
	if off < 0 {
		off = 0
	}
	if off > len(x.s.Code) {
		off = len(x.s.Code)
	}
	return x.s.Base + off
}

func (x *extractor) span(n ast.Node) model.Span {
	a, b := x.offsets(n)
	if b < a {
		b = a
	}
	return x.s.File.Span(a, b)
}

// valueSpan is the span of a value (valueOffsets).
func (x *extractor) valueSpan(n ast.Node) model.Span {
	a, b := x.valueOffsets(n)
	return x.s.File.Span(a, max(a, b))
}

// valueText is the original source text of a value (templates unmasked).
func (x *extractor) valueText(n ast.Node) string {
	a, b := x.valueOffsets(n)
	return string(x.s.File.Text[a:max(a, b)])
}

// template returns the masked template tag overlapping n, if any.
func (x *extractor) template(n ast.Node) (span struct{ Start, End int }, ok bool) {
	a, b := x.offsets(n)
	if t, ok := tmpl.Overlapping(x.s.Templates, a, b); ok {
		return struct{ Start, End int }{t.Start, t.End}, true
	}
	return span, false
}

// aliases are, per function (or the whole program), the names it makes
// window.oaiq: the snippet's `w.oaiq = q`. A call of that name in that
// function, such as the snippet's own q("init", …), is a pixel call.
type aliases map[ast.Node]map[string]bool

func stubAliases(prog *ast.Program) aliases {
	out := aliases{}
	inspect(prog, func(n ast.Node, stack []ast.Node) bool {
		as, ok := n.(*ast.AssignExpression)
		if !ok || !isPixelTarget(as.Left) {
			return true
		}
		if id, ok := as.Right.(*ast.Identifier); ok && id.Name != "oaiq" {
			scope := innermostFunction(stack, prog)
			if out[scope] == nil {
				out[scope] = map[string]bool{}
			}
			out[scope][id.Name.String()] = true
		}
		return true
	})
	return out
}

// calls reports a call of a name its own function made window.oaiq.
func (a aliases) calls(n *ast.CallExpression, stack []ast.Node, prog *ast.Program) bool {
	if len(a) == 0 {
		return false
	}
	id, ok := n.Callee.(*ast.Identifier)
	return ok && a[innermostFunction(stack, prog)][id.Name.String()]
}

// innermostFunction is the function the node atop stack is written in, or
// prog at the top level.
func innermostFunction(stack []ast.Node, prog *ast.Program) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return stack[i]
		}
	}
	return prog
}

// isPixelCallee recognises oaiq, any X.oaiq, X["oaiq"], optional calls and
// (0, X.oaiq).
func isPixelCallee(e ast.Expression) bool {
	switch c := unwrap(e).(type) {
	case *ast.Identifier:
		return c.Name == "oaiq"
	case *ast.DotExpression:
		return c.Identifier.Name == "oaiq"
	case *ast.BracketExpression:
		return isStringNamed(c.Member, "oaiq")
	case *ast.SequenceExpression:
		return len(c.Sequence) > 1 && isPixelCallee(c.Sequence[len(c.Sequence)-1])
	}
	return false
}

// unwrap removes optional-chaining wrappers.
func unwrap(e ast.Expression) ast.Expression {
	for {
		switch w := e.(type) {
		case *ast.OptionalChain:
			e = w.Expression
		case *ast.Optional:
			e = w.Expression
		default:
			return e
		}
	}
}

func isStringNamed(e ast.Expression, name string) bool {
	s, ok := e.(*ast.StringLiteral)
	return ok && s.Value.String() == name
}

// memberName returns the property name of X.name or X["name"], else "".
// isPixelTarget reports an assignment target or binding that is oaiq:
// window.oaiq, w.oaiq, self["oaiq"], or the name oaiq itself.
func isPixelTarget(e ast.Node) bool {
	if id, ok := e.(*ast.Identifier); ok {
		return id.Name == "oaiq"
	}
	if ex, ok := e.(ast.Expression); ok {
		return memberName(ex) == "oaiq"
	}
	return false
}

func memberName(e ast.Expression) string {
	switch m := unwrap(e).(type) {
	case *ast.DotExpression:
		return m.Identifier.Name.String()
	case *ast.BracketExpression:
		if s, ok := m.Member.(*ast.StringLiteral); ok {
			return s.Value.String()
		}
	}
	return ""
}

func (x *extractor) call(n *ast.CallExpression) *model.Call {
	c := &model.Call{Span: x.span(n), Side: model.Browser, URL: x.s.URL}
	x.callAt, x.budget = n.Idx0(), resolveBudget
	for _, a := range n.ArgumentList {
		if sp, ok := a.(*ast.SpreadElement); ok {
			// Arguments from here on are not known, not even how many.
			c.Args = append(c.Args, x.dynamic(sp))
			break
		}
		c.Args = append(c.Args, x.value(a))
	}
	return c
}
