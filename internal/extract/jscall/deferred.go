package jscall

import "github.com/dop251/goja/ast"

// deferred reports whether code under stack (ancestors, outermost first)
// runs later than its script: inside a function that is not invoked where
// it is written (handlers, callbacks, methods, class members). An IIFE
// — (function(){…})(), !function(){…}(), (() => {…})(),
// (function(){…}).call(this) — runs on the spot.
// bodyOf returns the innermost function around a call that does not run
// in place, or nil (see model.Call.Body).
func bodyOf(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			if !invokedInPlace(stack, i) {
				return stack[i]
			}
		}
	}
	return nil
}

func deferred(stack []ast.Node) bool {
	for i, n := range stack {
		switch n.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			if !invokedInPlace(stack, i) {
				return true
			}
		case *ast.ClassLiteral, *ast.ClassDeclaration:
			return true
		}
	}
	return false
}

// invokedInPlace reports whether the function stack[i] is called where it
// is written.
func invokedInPlace(stack []ast.Node, i int) bool {
	if i == 0 {
		return false
	}
	fn := stack[i].(ast.Expression)
	switch p := stack[i-1].(type) {
	case *ast.CallExpression:
		return unwrap(p.Callee) == fn
	case *ast.DotExpression:
		// (function(){…}).call(this) and .apply(…)
		name := p.Identifier.Name.String()
		if p.Left != fn || (name != "call" && name != "apply") || i < 2 {
			return false
		}
		call, ok := stack[i-2].(*ast.CallExpression)
		return ok && unwrap(call.Callee) == ast.Expression(p)
	}
	return false
}
