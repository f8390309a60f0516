package jscall

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// binding counts how a name is declared and written anywhere in a script.
// Scopes are not modelled: a name declared twice, anywhere, is ambiguous.
type binding struct {
	decls    int
	assigned bool
	init     ast.Expression
	// writes are the member writes name.prop = value, in source order;
	// opened is set by a write the resolver cannot follow (name[k] = …,
	// name.a.b = …, delete, Object.assign(name, …), name.push(…)): the
	// value is then not known at all.
	writes []memberWrite
	opened bool
	// handed is where the name is first passed to a function that may
	// change it (stamp(ev)); 0 when never. Its value is unknown from there.
	handed file.Idx
	// declAt is where the name is declared (its last declaration).
	declAt file.Idx
	// appends are name.push(…) and name.prop.push(…) (or unshift): items
	// added to an array the name holds, the items written still there.
	appends []memberAppend
}

// memberAppend is name.prop.push(…) at at; prop is "" for name.push(…).
type memberAppend struct {
	prop string
	at   file.Idx
}

// changedBefore reports a value no longer known at at: opened anywhere,
// or handed to a function before at.
func (b *binding) changedBefore(at file.Idx) bool {
	return b.opened || b.handed != 0 && b.handed < at
}

// changed reports a value the call being read (x.callAt) cannot know: see
// changedBefore. A call in a function that runs later (a handler, a
// callback: x.later) reads a name declared outside that function when it
// runs, so a write or a hand-over anywhere after the call's position
// changes it too — even one after the function is created.
func (x *extractor) changed(b *binding) bool {
	if b.changedBefore(x.callAt) {
		return true
	}
	if len(x.appended(b)) > 0 && !x.appendsRead {
		return true
	}
	if !x.readsLater(b) {
		return false
	}
	if b.handed != 0 {
		return true
	}
	for _, w := range b.writes {
		if w.at >= x.callAt {
			return true
		}
	}
	return false
}

// appendTarget reports name.push or name.prop.push (or unshift), with
// prop ("" for name itself): an append the resolver can follow.
func appendTarget(d *ast.DotExpression) (string, bool) {
	if m := d.Identifier.Name; m != "push" && m != "unshift" {
		return "", false
	}
	switch l := d.Left.(type) {
	case *ast.Identifier:
		return "", true
	case *ast.DotExpression:
		if _, ok := l.Left.(*ast.Identifier); ok {
			return l.Identifier.Name.String(), true
		}
	}
	return "", false
}

// appended returns the appends to b the call being read sees: those
// before it, or any for a call that runs later (changed).
func (x *extractor) appended(b *binding) []memberAppend {
	var out []memberAppend
	for _, a := range b.appends {
		if a.at < x.callAt || x.readsLater(b) {
			out = append(out, a)
		}
	}
	return out
}

// readsLater reports a call that runs later than its position (x.later)
// reading a name declared outside that function; a name declared inside
// it is declared afresh on each run and read in order.
func (x *extractor) readsLater(b *binding) bool {
	return x.later != nil && (b.declAt < x.later.Idx0() || b.declAt >= x.later.Idx1())
}

// memberWrite is name.prop = value. within is the innermost conditional
// or function around the write (nil at the top): the write is certain for
// a call in the same range only.
type memberWrite struct {
	key    *ast.Identifier
	prop   string
	value  ast.Expression
	at     file.Idx
	within ast.Node
}

// single reports a name declared once with an initializer and never
// assigned again: a const, or a let or var used like one.
func (b *binding) single() bool {
	return b != nil && b.decls == 1 && !b.assigned && b.init != nil
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
			b.init, b.declAt = init, t.Idx0()
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
	written := func(target ast.Expression, value ast.Expression, stack []ast.Node) {
		switch t := target.(type) {
		case *ast.Identifier:
			get(t.Name.String()).assigned = true
		case *ast.ObjectPattern, *ast.ArrayPattern:
			declare(t, nil)
		case *ast.DotExpression:
			if id, ok := t.Left.(*ast.Identifier); ok && value != nil {
				b := get(id.Name.String())
				b.writes = append(b.writes, memberWrite{key: &t.Identifier, prop: t.Identifier.Name.String(), value: value, at: t.Idx0(), within: conditional(stack)})
				return
			}
			if root := rootName(t); root != "" {
				get(root).opened = true // a nested or compound write: not followed
			}
		case *ast.BracketExpression:
			if root := rootName(t); root != "" {
				get(root).opened = true
			}
		}
	}
	inspect(prog, func(n ast.Node, stack []ast.Node) bool {
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
			var value ast.Expression
			if n.Operator == token.ASSIGN {
				value = n.Right
			}
			written(n.Left, value, stack)
		case *ast.UnaryExpression:
			switch n.Operator {
			case token.INCREMENT, token.DECREMENT:
				written(n.Operand, nil, stack)
			case token.DELETE:
				written(n.Operand, nil, stack)
			}
		case *ast.CallExpression:
			// Object.assign(name, …) writes members the resolver does not follow.
			// name.push(…), name.events.push(…) and the like change an array
			// in place.
			if d, ok := n.Callee.(*ast.DotExpression); ok {
				if d.Identifier.Name == "assign" && len(n.ArgumentList) > 0 {
					if root := rootName(n.ArgumentList[0]); root != "" {
						get(root).opened = true
					}
				}
				if root := rootName(d.Left); root != "" && mutators[d.Identifier.Name.String()] {
					if prop, ok := appendTarget(d); ok {
						b := get(root)
						b.appends = append(b.appends, memberAppend{prop: prop, at: n.Idx0()})
					} else {
						get(root).opened = true
					}
				}
			}
			// A name handed to a function may be changed there (stamp(ev),
			// fill(events, …), addPid(url)): its value is no longer the one
			// declared, unless the function only reads it.
			if !readsOnly(n.Callee) {
				args := n.ArgumentList
				if memberName(n.Callee) == "assign" && len(args) > 0 {
					// Object.assign changes its target only; the sources are read.
					args = args[:1]
				}
				for _, a := range args {
					if id, ok := a.(*ast.Identifier); ok {
						if b := get(id.Name.String()); b.handed == 0 || n.Idx0() < b.handed {
							b.handed = n.Idx0()
						}
					}
				}
			}
		case *ast.ForIntoExpression:
			written(n.Expression, nil, stack)
		case *ast.ForDeclaration:
			declare(n.Target, nil)
		}
		return true
	})
	return m
}

// conditional returns the innermost node of stack that may not run, or
// run more than once, when the code around it runs: a branch, a loop, a
// function body, a logical or conditional expression. nil when none.
func conditional(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.IfStatement, *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement,
			*ast.WhileStatement, *ast.DoWhileStatement, *ast.SwitchStatement, *ast.TryStatement,
			*ast.ConditionalExpression, *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			return n
		case *ast.BinaryExpression:
			if n.Operator == token.LOGICAL_AND || n.Operator == token.LOGICAL_OR || n.Operator == token.COALESCE {
				return n
			}
		}
	}
	return nil
}

// readers are the functions and methods known to read their arguments
// without changing them: the pixel itself, serialising and logging, the
// request clients whose arguments are read as a request, conversions.
var readers = map[string]bool{
	"oaiq": true, "stringify": true, "log": true, "info": true, "warn": true, "error": true, "debug": true,
	"fetch": true, "nodeFetch": true, "axios": true, "got": true, "ky": true, "request": true,
	"post": true, "put": true, "patch": true, "get": true, "write": true, "end": true, "sendBeacon": true, "send": true, "json": true,
	"String": true, "Number": true, "Boolean": true, "isArray": true, "keys": true, "values": true, "entries": true, "freeze": true,
	"encodeURIComponent": true, "encodeURI": true, "parseInt": true, "parseFloat": true, "isNaN": true, "isFinite": true,
	"round": true, "floor": true, "ceil": true, "trunc": true, "abs": true, "min": true, "max": true,
	"includes": true, "indexOf": true, "has": true, "test": true,
	"structuredClone": true, "isFrozen": true, "isSealed": true,
}

// readerObjects are the objects whose every method reads its arguments
// only: console.dir/table/group…, JSON.parse/stringify.
var readerObjects = map[string]bool{"console": true, "JSON": true}

// readsOnly reports a callee among readers (by its name or method name).
func readsOnly(callee ast.Expression) bool {
	if isPixelCallee(callee) {
		return true
	}
	if id, ok := unwrap(callee).(*ast.Identifier); ok {
		return readers[id.Name.String()]
	}
	if d, ok := unwrap(callee).(*ast.DotExpression); ok {
		if name := objectName(d.Left); readerObjects[name] || name == "dataLayer" && d.Identifier.Name == "push" {
			// dataLayer.push queues its argument for the tag manager,
			// which reads it; the argument itself is not changed.
			return true
		}
	}
	return readers[memberName(callee)]
}

// objectName returns the name of the object a method is called on:
// console for console.log and window.console.log; "" otherwise.
func objectName(e ast.Expression) string {
	switch o := unwrap(e).(type) {
	case *ast.Identifier:
		return o.Name.String()
	case *ast.DotExpression:
		if id, ok := unwrap(o.Left).(*ast.Identifier); ok && (id.Name == "window" || id.Name == "globalThis" || id.Name == "self") {
			return o.Identifier.Name.String()
		}
	}
	return ""
}

// mutators are the methods that change an array in place.
var mutators = map[string]bool{"push": true, "pop": true, "shift": true, "unshift": true, "splice": true, "sort": true, "reverse": true, "fill": true, "copyWithin": true}

// functionDecls maps the names of function declarations to their
// functions; a name declared twice maps to nil.
func functionDecls(prog *ast.Program) map[string]ast.Node {
	m := map[string]ast.Node{}
	inspect(prog, func(n ast.Node, _ []ast.Node) bool {
		if d, ok := n.(*ast.FunctionDeclaration); ok && d.Function != nil && d.Function.Name != nil {
			name := d.Function.Name.Name.String()
			if _, seen := m[name]; seen {
				m[name] = nil
			} else {
				m[name] = d.Function
			}
		}
		return true
	})
	return m
}

// rootName returns the name a member expression starts from (d in
// d.user.email), or "".
func rootName(e ast.Expression) string {
	for {
		switch m := e.(type) {
		case *ast.DotExpression:
			e = m.Left
		case *ast.BracketExpression:
			e = m.Left
		case *ast.Identifier:
			return m.Name.String()
		default:
			return ""
		}
	}
}
