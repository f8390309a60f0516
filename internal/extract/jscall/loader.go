package jscall

import (
	"bytes"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// stub is what a function (or the whole script) does that a loader does.
// Loaders are judged by behaviour, not by spelling: the documented IIFE
// minified or rewritten is still the loader.
type stub struct {
	node ast.Node // function literal, arrow function or program
	// call is the immediate invocation of node, when it is an IIFE.
	call *ast.CallExpression
	// outer is the expression holding the loader (the IIFE with its
	// wrappers: !function(){}(), w.oaiq || (…)()).
	outer ast.Node

	assignsPixel bool // X.oaiq = …
	queueInit    bool // X.q = [] or X.q = X.q || []
	pushArgs     bool // X.push(…arguments…)
	pushOnQ      bool // X.q.push(…arguments…): the queue the snippet creates as X.q = []
	creates      bool // document.createElement(…)
	guard        bool // if (X.oaiq) return; and equivalents
	// keepsPixel is X.oaiq = X.oaiq || …: an existing oaiq is kept, which
	// guards against a second copy as `if (X.oaiq) return;` does.
	keepsPixel bool
	// pixelArray is X.oaiq = X.oaiq || []: an array is no function, so
	// every oaiq(…) call made before the SDK loads throws.
	pixelArray bool
	asyncFalse bool // js.async = false (or another falsy literal)
	src        ast.Expression
}

// findLoaders returns one sighting per innermost function that injects the
// SDK: it creates an element and either installs window.oaiq or points the
// element at a URL naming the pixel.
func (x *extractor) findLoaders() []model.LoaderSighting {
	var cands []*stub
	inspect(x.prog, func(n ast.Node, stack []ast.Node) bool {
		switch n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		default:
			return true
		}
		if !x.mentions(n, "createElement") {
			return false
		}
		if st := x.scan(n, stack); x.qualifies(st) {
			cands = append(cands, st)
		}
		return true
	})
	if len(cands) == 0 {
		if st := x.scan(x.prog, nil); x.qualifies(st) {
			cands = append(cands, st)
		}
	}
	var out []model.LoaderSighting
	var whole *stub
	for i, c := range cands {
		if containsOther(cands, i) {
			continue
		}
		if c.node != x.prog && !(c.assignsPixel && c.queueInit && c.pushArgs && c.guard) {
			// The queue stub may stand beside the injecting IIFE:
			// window.oaiq = window.oaiq || function () {…}; (function () {…})();
			if whole == nil {
				whole = x.scan(x.prog, nil)
			}
			c.merge(whole)
		}
		out = append(out, x.sighting(c))
	}
	return out
}

// merge adds what the whole script does for the stub: the queue function
// it installs as oaiq, and keeping an existing oaiq. A guard written
// elsewhere (if (window.oaiq) track();) is not the loader's.
func (st *stub) merge(whole *stub) {
	if whole.assignsPixel && whole.queueInit && whole.pushArgs {
		st.assignsPixel, st.queueInit, st.pushArgs, st.pushOnQ = true, true, true, whole.pushOnQ
	}
	st.keepsPixel = st.keepsPixel || whole.keepsPixel
	st.pixelArray = st.pixelArray || whole.pixelArray
}

func containsOther(cands []*stub, i int) bool {
	a0, a1 := cands[i].node.Idx0(), cands[i].node.Idx1()
	for j, c := range cands {
		if j != i && c.node.Idx0() >= a0 && c.node.Idx1() <= a1 && (c.node.Idx0() != a0 || c.node.Idx1() != a1) {
			return true
		}
	}
	return false
}

func (x *extractor) mentions(n ast.Node, word string) bool {
	a, b := int(n.Idx0())-1, int(n.Idx1())-1
	if a < 0 || b > len(x.parsed) || a > b {
		return true
	}
	return bytes.Contains(x.parsed[a:b], []byte(word))
}

func (x *extractor) qualifies(st *stub) bool {
	if !st.creates {
		return false
	}
	if st.assignsPixel {
		return true
	}
	src, _, ok := x.resolveSrc(st)
	return ok && pixel.MentionsSDK(src)
}

// scan collects the loader behaviour of node (nested functions included:
// the queue function lives inside the loader).
func (x *extractor) scan(node ast.Node, stack []ast.Node) *stub {
	st := &stub{node: node, outer: node}
	if len(stack) > 0 {
		if call, ok := stack[len(stack)-1].(*ast.CallExpression); ok && unwrap(call.Callee) == node {
			st.call = call
			st.outer = call
			for i := len(stack) - 2; i >= 0; i-- {
				if !x.guardWrapper(stack[i], st) {
					break
				}
			}
		}
	}
	for _, a := range stack {
		// if (!window.oaiq) { (function(){…})(); }
		if is, ok := a.(*ast.IfStatement); ok && mentionsPixel(is.Test) {
			st.guard = true
		}
	}
	inspect(node, func(n ast.Node, inner []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignExpression:
			switch x.memberIn(n.Left, st) {
			case "oaiq":
				st.assignsPixel = true
				st.keepsPixel = st.keepsPixel || keepsExisting(n.Right) || x.keepsExistingIn(n.Right, st)
				st.pixelArray = st.pixelArray || isQueueInit(n.Right)
			case "q":
				st.queueInit = st.queueInit || isQueueInit(n.Right)
			case "src":
				if st.src == nil {
					st.src = n.Right
				}
			case "async":
				if b, known := truthy(n.Right); known && !b {
					st.asyncFalse = true
				}
			}
		case *ast.CallExpression:
			switch memberName(n.Callee) {
			case "push":
				pushes := usesArguments(n) || pushesRestParam(n, inner)
				st.pushArgs = st.pushArgs || pushes
				if d, ok := unwrap(n.Callee).(*ast.DotExpression); ok && pushes && memberName(d.Left) == "q" {
					st.pushOnQ = true
				}
				// (q.q = q.q || []).push(arguments)
				if a, ok := unwrap(n.Callee).(*ast.DotExpression); ok {
					if as, ok := a.Left.(*ast.AssignExpression); ok && memberName(as.Left) == "q" && isQueueInit(as.Right) {
						st.queueInit = true
					}
				}
			case "createElement":
				st.creates = true
			case "setAttribute":
				if len(n.ArgumentList) == 2 && isStringNamed(n.ArgumentList[0], "src") && st.src == nil {
					st.src = n.ArgumentList[1]
				}
			}
		case *ast.IfStatement:
			st.guard = st.guard || mentionsPixel(n.Test)
		case *ast.ConditionalExpression:
			st.guard = st.guard || mentionsPixel(n.Test)
		case *ast.BinaryExpression:
			if (n.Operator == token.LOGICAL_OR || n.Operator == token.LOGICAL_AND) && mentionsPixel(n.Left) && createsElement(n.Right) {
				st.guard = true
			}
		}
		return true
	})
	return st
}

// guardWrapper widens the loader expression over wrappers around an IIFE
// and notes a guard such as `w.oaiq || (function(){…})()`. It reports
// whether n is such a wrapper.
func (x *extractor) guardWrapper(n ast.Node, st *stub) bool {
	switch w := n.(type) {
	case *ast.UnaryExpression:
		st.outer = w
		return true
	case *ast.BinaryExpression:
		if w.Operator == token.LOGICAL_OR || w.Operator == token.LOGICAL_AND {
			if mentionsPixel(w.Left) {
				st.guard = true
			}
			st.outer = w
			return true
		}
	}
	return false
}

// memberIn is memberName, also for w[o] where o is a parameter of the
// loader's IIFE bound to a string (the Google Analytics style stub
// (function(w,d,s,u,o){w[o]=w[o]||function(){…}})(…, "oaiq")) or a constant.
func (x *extractor) memberIn(e ast.Expression, st *stub) string {
	if name := memberName(e); name != "" {
		return name
	}
	b, ok := unwrap(e).(*ast.BracketExpression)
	if !ok {
		return ""
	}
	id, ok := b.Member.(*ast.Identifier)
	if !ok {
		return ""
	}
	arg := x.iifeArgument(st, id.Name.String())
	if arg == nil {
		if c := x.consts[id.Name.String()]; c.constant() {
			arg = c.init
		}
	}
	if v := x.literal(arg); arg != nil && v != nil && v.Kind == model.String {
		return v.Str
	}
	return ""
}

// keepsExistingIn is keepsExisting for w[o] || … (see memberIn).
func (x *extractor) keepsExistingIn(e ast.Expression, st *stub) bool {
	b, ok := e.(*ast.BinaryExpression)
	return ok && (b.Operator == token.LOGICAL_OR || b.Operator == token.COALESCE) && x.memberIn(b.Left, st) == "oaiq"
}

// keepsExisting reports `X.oaiq || …` and `X.oaiq ?? …`.
func keepsExisting(e ast.Expression) bool {
	b, ok := e.(*ast.BinaryExpression)
	return ok && (b.Operator == token.LOGICAL_OR || b.Operator == token.COALESCE) && mentionsPixel(b.Left)
}

// pushesRestParam reports q.q.push(args) where args is the rest parameter
// of an enclosing function ((...args) => { q.q.push(args); }): it holds
// the call's arguments as `arguments` does.
func pushesRestParam(call *ast.CallExpression, stack []ast.Node) bool {
	for _, a := range call.ArgumentList {
		if sp, ok := a.(*ast.SpreadElement); ok {
			a = sp.Expression
		}
		id, ok := a.(*ast.Identifier)
		if !ok {
			continue
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if rest := restParam(stack[i]); rest != "" {
				if rest == id.Name.String() {
					return true
				}
				break
			}
		}
	}
	return false
}

// restParam returns the name of a function's rest parameter, "" when n is
// no function or has none.
func restParam(n ast.Node) string {
	var params *ast.ParameterList
	switch f := n.(type) {
	case *ast.FunctionLiteral:
		params = f.ParameterList
	case *ast.ArrowFunctionLiteral:
		params = f.ParameterList
	default:
		return ""
	}
	if params == nil || params.Rest == nil {
		return "-"
	}
	if id, ok := params.Rest.(*ast.Identifier); ok {
		return id.Name.String()
	}
	return "-"
}

func isQueueInit(e ast.Expression) bool {
	switch r := e.(type) {
	case *ast.ArrayLiteral:
		return true
	case *ast.BinaryExpression:
		return r.Operator == token.LOGICAL_OR && isQueueInit(r.Right)
	}
	return false
}

func usesArguments(n ast.Node) bool {
	found := false
	inspect(n, func(n ast.Node, _ []ast.Node) bool {
		if id, ok := n.(*ast.Identifier); ok && id.Name == "arguments" {
			found = true
		}
		return !found
	})
	return found
}

func mentionsPixel(e ast.Node) bool {
	found := false
	inspect(e, func(n ast.Node, _ []ast.Node) bool {
		switch n := n.(type) {
		case *ast.Identifier:
			found = found || n.Name == "oaiq"
		case *ast.DotExpression, *ast.BracketExpression:
			found = found || memberName(n.(ast.Expression)) == "oaiq"
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return false
		}
		return !found
	})
	return found
}

func createsElement(e ast.Node) bool {
	found := false
	inspect(e, func(n ast.Node, _ []ast.Node) bool {
		if c, ok := n.(*ast.CallExpression); ok && memberName(c.Callee) == "createElement" {
			found = true
		}
		return !found
	})
	return found
}

// truthy evaluates a literal the way `if` would; known is false for
// anything computed.
func truthy(e ast.Expression) (b, known bool) {
	switch n := e.(type) {
	case *ast.BooleanLiteral:
		return n.Value, true
	case *ast.NumberLiteral:
		return number(n.Value) != 0, true
	case *ast.StringLiteral:
		return n.Value != "", true
	case *ast.NullLiteral:
		return false, true
	case *ast.UnaryExpression:
		if n.Operator == token.NOT {
			if v, ok := truthy(n.Operand); ok {
				return !v, true
			}
		}
		if n.Operator == token.VOID {
			return false, true
		}
	case *ast.Identifier:
		if n.Name == "undefined" {
			return false, true
		}
	}
	return false, false
}

// resolveSrc finds the URL the loader's element gets: a literal, a
// parameter of the IIFE bound to a literal argument, or a constant. The
// node returned is where the URL is written.
func (x *extractor) resolveSrc(st *stub) (string, ast.Node, bool) {
	e := st.src
	if e == nil {
		return "", nil, false
	}
	if id, ok := e.(*ast.Identifier); ok {
		if arg := x.iifeArgument(st, id.Name.String()); arg != nil {
			e = arg
		} else if b := x.consts[id.Name.String()]; b.constant() {
			e = b.init
		}
	}
	if _, tmpl := x.template(e); tmpl {
		return "", e, false
	}
	if v := x.literal(e); v != nil && v.Kind == model.String {
		return v.Str, e, true
	}
	return "", e, false
}

// iifeArgument returns the argument an IIFE passes for its parameter name.
func (x *extractor) iifeArgument(st *stub, name string) ast.Expression {
	if st.call == nil {
		return nil
	}
	var params *ast.ParameterList
	switch f := st.node.(type) {
	case *ast.FunctionLiteral:
		params = f.ParameterList
	case *ast.ArrowFunctionLiteral:
		params = f.ParameterList
	}
	if params == nil {
		return nil
	}
	for i, p := range params.List {
		id, ok := p.Target.(*ast.Identifier)
		if !ok || id.Name.String() != name {
			continue
		}
		if i < len(st.call.ArgumentList) {
			if _, spread := st.call.ArgumentList[i].(*ast.SpreadElement); !spread {
				return st.call.ArgumentList[i]
			}
		}
		return nil
	}
	return nil
}

func (x *extractor) sighting(st *stub) model.LoaderSighting {
	ls := model.LoaderSighting{
		Kind:     model.LoaderStub,
		Span:     x.span(st.outer),
		HasQueue: st.assignsPixel && st.queueInit && st.pushArgs,
		// An array for a stub, and no queue function either.
		PixelArray:     st.pixelArray && !(st.queueInit && st.pushArgs),
		QueueUncreated: st.assignsPixel && st.pushOnQ && !st.queueInit && !st.pixelArray,
		HasGuard:       st.guard || st.keepsPixel,
		// A script element inserted by code is async unless code says
		// otherwise, so only an explicit falsy value makes it blocking.
		Async: !st.asyncFalse,
	}
	src, at, ok := x.resolveSrc(st)
	switch {
	case ok:
		ls.Src, ls.SrcSpan = src, x.span(at)
	case at != nil:
		ls.SrcDynamic, ls.SrcSpan = true, x.span(at)
	default:
		ls.SrcDynamic = true
	}
	return ls
}
