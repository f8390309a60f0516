package jscall

import "github.com/dop251/goja/ast"

// inspect visits n and its descendants in source order, like go/ast.Inspect:
// f is called with each node and the stack of its ancestors (outermost
// first); returning false skips the node's children. The stack slice is
// reused: copy it to keep it.
func inspect(n ast.Node, f func(n ast.Node, stack []ast.Node) bool) {
	w := walker{f: f}
	w.node(n)
}

type walker struct {
	f     func(ast.Node, []ast.Node) bool
	stack []ast.Node
}

func (w *walker) exprs(list []ast.Expression) {
	for _, e := range list {
		if e != nil {
			w.node(e)
		}
	}
}

func (w *walker) stmts(list []ast.Statement) {
	for _, s := range list {
		if s != nil {
			w.node(s)
		}
	}
}

func (w *walker) bindings(list []*ast.Binding) {
	for _, b := range list {
		if b != nil {
			w.node(b)
		}
	}
}

func (w *walker) opt(n ast.Node) {
	if n != nil {
		w.node(n)
	}
}

func (w *walker) node(n ast.Node) {
	if !w.f(n, w.stack) {
		return
	}
	w.stack = append(w.stack, n)
	defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	switch n := n.(type) {
	case *ast.Program:
		w.stmts(n.Body)

	// Expressions.
	case *ast.ArrayLiteral:
		w.exprs(n.Value)
	case *ast.ArrayPattern:
		w.exprs(n.Elements)
		w.opt(n.Rest)
	case *ast.AssignExpression:
		w.opt(n.Left)
		w.opt(n.Right)
	case *ast.AwaitExpression:
		w.opt(n.Argument)
	case *ast.BinaryExpression:
		w.opt(n.Left)
		w.opt(n.Right)
	case *ast.BracketExpression:
		w.opt(n.Left)
		w.opt(n.Member)
	case *ast.CallExpression:
		w.opt(n.Callee)
		w.exprs(n.ArgumentList)
	case *ast.ConditionalExpression:
		w.opt(n.Test)
		w.opt(n.Consequent)
		w.opt(n.Alternate)
	case *ast.DotExpression:
		w.opt(n.Left)
	case *ast.PrivateDotExpression:
		w.opt(n.Left)
	case *ast.OptionalChain:
		w.opt(n.Expression)
	case *ast.Optional:
		w.opt(n.Expression)
	case *ast.FunctionLiteral:
		if n.ParameterList != nil {
			w.node(n.ParameterList)
		}
		if n.Body != nil {
			w.node(n.Body)
		}
	case *ast.ClassLiteral:
		w.opt(n.SuperClass)
		for _, el := range n.Body {
			w.opt(el)
		}
	case *ast.ArrowFunctionLiteral:
		if n.ParameterList != nil {
			w.node(n.ParameterList)
		}
		w.opt(n.Body)
	case *ast.ExpressionBody:
		w.opt(n.Expression)
	case *ast.ParameterList:
		w.bindings(n.List)
		w.opt(n.Rest)
	case *ast.Binding:
		w.opt(n.Target)
		w.opt(n.Initializer)
	case *ast.NewExpression:
		w.opt(n.Callee)
		w.exprs(n.ArgumentList)
	case *ast.ObjectLiteral:
		for _, p := range n.Value {
			w.opt(p)
		}
	case *ast.ObjectPattern:
		for _, p := range n.Properties {
			w.opt(p)
		}
		w.opt(n.Rest)
	case *ast.PropertyShort:
		w.opt(n.Initializer)
	case *ast.PropertyKeyed:
		if n.Computed {
			w.opt(n.Key)
		}
		w.opt(n.Value)
	case *ast.SpreadElement:
		w.opt(n.Expression)
	case *ast.SequenceExpression:
		w.exprs(n.Sequence)
	case *ast.TemplateLiteral:
		w.opt(n.Tag)
		w.exprs(n.Expressions)
	case *ast.UnaryExpression:
		w.opt(n.Operand)
	case *ast.YieldExpression:
		w.opt(n.Argument)

	// Statements.
	case *ast.BlockStatement:
		w.stmts(n.List)
	case *ast.CaseStatement:
		w.opt(n.Test)
		w.stmts(n.Consequent)
	case *ast.CatchStatement:
		w.opt(n.Parameter)
		if n.Body != nil {
			w.node(n.Body)
		}
	case *ast.DoWhileStatement:
		w.opt(n.Body)
		w.opt(n.Test)
	case *ast.ExpressionStatement:
		w.opt(n.Expression)
	case *ast.ForInStatement:
		w.opt(n.Into)
		w.opt(n.Source)
		w.opt(n.Body)
	case *ast.ForOfStatement:
		w.opt(n.Into)
		w.opt(n.Source)
		w.opt(n.Body)
	case *ast.ForStatement:
		w.opt(n.Initializer)
		w.opt(n.Test)
		w.opt(n.Update)
		w.opt(n.Body)
	case *ast.IfStatement:
		w.opt(n.Test)
		w.opt(n.Consequent)
		w.opt(n.Alternate)
	case *ast.LabelledStatement:
		w.opt(n.Statement)
	case *ast.ReturnStatement:
		w.opt(n.Argument)
	case *ast.SwitchStatement:
		w.opt(n.Discriminant)
		for _, c := range n.Body {
			if c != nil {
				w.node(c)
			}
		}
	case *ast.ThrowStatement:
		w.opt(n.Argument)
	case *ast.TryStatement:
		if n.Body != nil {
			w.node(n.Body)
		}
		if n.Catch != nil {
			w.node(n.Catch)
		}
		if n.Finally != nil {
			w.node(n.Finally)
		}
	case *ast.VariableStatement:
		w.bindings(n.List)
	case *ast.LexicalDeclaration:
		w.bindings(n.List)
	case *ast.WhileStatement:
		w.opt(n.Test)
		w.opt(n.Body)
	case *ast.WithStatement:
		w.opt(n.Object)
		w.opt(n.Body)
	case *ast.FunctionDeclaration:
		if n.Function != nil {
			w.node(n.Function)
		}
	case *ast.ClassDeclaration:
		if n.Class != nil {
			w.node(n.Class)
		}

	// Class members and loop heads.
	case *ast.FieldDefinition:
		if n.Computed {
			w.opt(n.Key)
		}
		w.opt(n.Initializer)
	case *ast.MethodDefinition:
		if n.Computed {
			w.opt(n.Key)
		}
		if n.Body != nil {
			w.node(n.Body)
		}
	case *ast.ClassStaticBlock:
		if n.Block != nil {
			w.node(n.Block)
		}
	case *ast.ForLoopInitializerExpression:
		w.opt(n.Expression)
	case *ast.ForLoopInitializerVarDeclList:
		w.bindings(n.List)
	case *ast.ForLoopInitializerLexicalDecl:
		w.bindings(n.LexicalDeclaration.List)
	case *ast.ForIntoVar:
		if n.Binding != nil {
			w.node(n.Binding)
		}
	case *ast.ForDeclaration:
		w.opt(n.Target)
	case *ast.ForIntoExpression:
		w.opt(n.Expression)
	}
}
