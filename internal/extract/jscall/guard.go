package jscall

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// guarded reports a call that runs only when oaiq exists, so that before
// the loader has run it is skipped instead of throwing: an optional call
// (oaiq?.(…), window.oaiq?.(…)), or one behind a test of oaiq —
// window.oaiq && oaiq(…), typeof oaiq === "function" && …,
// if (window.oaiq) {…}, window.oaiq ? oaiq(…) : …, or after
// if (!window.oaiq) return; in its function. stack holds the call's
// ancestors, outermost first.
func guarded(n *ast.CallExpression, stack []ast.Node) bool {
	if _, ok := n.Callee.(*ast.Optional); ok {
		return true
	}
	var child ast.Node = n
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.BinaryExpression:
			if p.Operator == token.LOGICAL_AND && p.Right == child && testsPixel(p.Left) {
				return true
			}
		case *ast.IfStatement:
			if p.Consequent == child && testsPixel(p.Test) {
				return true
			}
		case *ast.ConditionalExpression:
			if p.Consequent == child && testsPixel(p.Test) {
				return true
			}
		case *ast.BlockStatement:
			if returnsEarly(p.List, child) {
				return true
			}
		}
		child = stack[i]
	}
	return false
}

// testsPixel reports a condition that looks at oaiq itself: window.oaiq,
// typeof oaiq, "oaiq" in window.
func testsPixel(e ast.Expression) bool {
	found := false
	inspect(e, func(n ast.Node, _ []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpression:
			return false // oaiq(…) in a condition calls it, not tests it
		case *ast.BinaryExpression:
			if n.Operator == token.IN && isStringNamed(n.Left, "oaiq") {
				found = true
			}
		case ast.Expression:
			if isPixelTarget(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// returnsEarly reports a statement before child in list that leaves the
// function when oaiq is missing: if (!window.oaiq) return;
func returnsEarly(list []ast.Statement, child ast.Node) bool {
	for _, st := range list {
		if st == child {
			return false
		}
		if is, ok := st.(*ast.IfStatement); ok && is.Alternate == nil && leaves(is.Consequent) && testsPixel(is.Test) {
			return true
		}
	}
	return false
}

// leaves reports a statement that only returns or throws.
func leaves(st ast.Statement) bool {
	switch st := st.(type) {
	case *ast.ReturnStatement, *ast.ThrowStatement:
		return true
	case *ast.BlockStatement:
		return len(st.List) == 1 && leaves(st.List[0])
	}
	return false
}
