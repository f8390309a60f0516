package jscall

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// binding counts how a name is declared and written anywhere in a script.
// Scopes are not modelled: a name declared twice, anywhere, is ambiguous.
type binding struct {
	decls    int
	assigned bool
	init     ast.Expression
}

// constant reports whether the name has exactly one declaration, with a
// literal initializer, and is never written again.
func (b *binding) constant() bool {
	return b != nil && b.decls == 1 && !b.assigned && b.init != nil && isLiteral(b.init)
}

func isLiteral(e ast.Expression) bool {
	switch n := e.(type) {
	case *ast.StringLiteral, *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return true
	case *ast.TemplateLiteral:
		return n.Tag == nil && len(n.Expressions) == 0
	case *ast.UnaryExpression:
		_, ok := n.Operand.(*ast.NumberLiteral)
		return ok && !n.Postfix
	case *ast.BinaryExpression:
		// Arithmetic on literals folds (value.go's arithmetic); anything
		// else, such as string concatenation, stays dynamic.
		return isLiteral(n.Left) && isLiteral(n.Right)
	case *ast.CallExpression:
		return len(n.ArgumentList) == 1 && isLiteral(n.ArgumentList[0])
	}
	return false
}

func collectBindings(prog *ast.Program) map[string]*binding {
	m := map[string]*binding{}
	get := func(name string) *binding {
		b := m[name]
		if b == nil {
			b = &binding{}
			m[name] = b
		}
		return b
	}
	var declare func(target ast.Node, init ast.Expression)
	declare = func(target ast.Node, init ast.Expression) {
		switch t := target.(type) {
		case *ast.Identifier:
			b := get(t.Name.String())
			b.decls++
			b.init = init
		case *ast.ObjectPattern:
			for _, p := range t.Properties {
				switch p := p.(type) {
				case *ast.PropertyShort:
					declare(&p.Name, nil)
				case *ast.PropertyKeyed:
					declare(p.Value, nil)
				}
			}
			if t.Rest != nil {
				declare(t.Rest, nil)
			}
		case *ast.ArrayPattern:
			for _, el := range t.Elements {
				if el != nil {
					declare(el, nil)
				}
			}
			if t.Rest != nil {
				declare(t.Rest, nil)
			}
		case *ast.Binding:
			declare(t.Target, nil)
		case *ast.AssignExpression:
			// A default value in a pattern: (a = 1) => …
			declare(t.Left, nil)
		}
	}
	written := func(target ast.Expression) {
		switch t := target.(type) {
		case *ast.Identifier:
			get(t.Name.String()).assigned = true
		case *ast.ObjectPattern, *ast.ArrayPattern:
			declare(t, nil)
		}
	}
	inspect(prog, func(n ast.Node, _ []ast.Node) bool {
		switch n := n.(type) {
		case *ast.Binding:
			declare(n.Target, n.Initializer)
		case *ast.ParameterList:
			for _, p := range n.List {
				declare(p.Target, nil)
			}
			if n.Rest != nil {
				declare(n.Rest, nil)
			}
			// Parameters are declared here; skip visiting them as bindings.
			return false
		case *ast.FunctionLiteral:
			if n.Name != nil {
				declare(n.Name, nil)
			}
		case *ast.ClassLiteral:
			if n.Name != nil {
				declare(n.Name, nil)
			}
		case *ast.CatchStatement:
			if n.Parameter != nil {
				declare(n.Parameter, nil)
			}
		case *ast.AssignExpression:
			written(n.Left)
		case *ast.UnaryExpression:
			if n.Operator == token.INCREMENT || n.Operator == token.DECREMENT {
				written(n.Operand)
			}
		case *ast.ForIntoExpression:
			written(n.Expression)
		case *ast.ForDeclaration:
			declare(n.Target, nil)
		}
		return true
	})
	return m
}
