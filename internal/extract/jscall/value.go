package jscall

import (
	"bytes"
	"math"
	"strconv"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// value converts an argument expression to a model value. Literals become
// known values; anything computed, and anything a template tag touches,
// is Dynamic with Raw = its source text.
func (x *extractor) value(e ast.Expression) *model.Value {
	if obj, ok := e.(*ast.ObjectLiteral); ok {
		return x.object(obj)
	}
	if arr, ok := e.(*ast.ArrayLiteral); ok {
		return x.array(arr)
	}
	if _, ok := x.template(e); ok {
		return x.dynamic(e)
	}
	if id, ok := e.(*ast.Identifier); ok {
		if v := x.resolve(id); v != nil {
			return v
		}
	}
	if v := x.literal(e); v != nil {
		v.Span = x.valueSpan(e)
		return v
	}
	return x.dynamic(e)
}

// literal converts a literal expression (without its span), or returns nil.
func (x *extractor) literal(e ast.Expression) *model.Value {
	switch n := e.(type) {
	case *ast.StringLiteral:
		return &model.Value{Kind: model.String, Str: n.Value.String()}
	case *ast.TemplateLiteral:
		if n.Tag == nil && len(n.Expressions) == 0 && len(n.Elements) == 1 && n.Elements[0].Valid {
			return &model.Value{Kind: model.String, Str: n.Elements[0].Parsed.String()}
		}
	case *ast.NumberLiteral:
		return &model.Value{Kind: model.Number, Num: number(n.Value), Raw: x.numberText(n)}
	case *ast.BooleanLiteral:
		return &model.Value{Kind: model.Bool, Bool: n.Value}
	case *ast.NullLiteral:
		return &model.Value{Kind: model.Null}
	case *ast.Identifier:
		switch n.Name {
		case "undefined":
			return &model.Value{Kind: model.Undefined}
		case "NaN":
			return &model.Value{Kind: model.Number, Num: math.NaN(), Raw: "NaN"}
		case "Infinity":
			return &model.Value{Kind: model.Number, Num: math.Inf(1), Raw: "Infinity"}
		}
	case *ast.UnaryExpression:
		return x.unary(n)
	case *ast.BinaryExpression:
		return x.arithmetic(n)
	case *ast.CallExpression:
		return x.rounding(n)
	}
	return nil
}

// arithmetic folds +, -, *, / and % on number literals, as JavaScript
// computes them (IEEE 754 doubles): amount: 19.99 * 100 is 1998.9999999999998
// at runtime, and that is what the pixel receives.
func (x *extractor) arithmetic(n *ast.BinaryExpression) *model.Value {
	l, r := x.literal(n.Left), x.literal(n.Right)
	if l == nil || r == nil || l.Kind != model.Number || r.Kind != model.Number {
		return nil
	}
	var v float64
	switch n.Operator {
	case token.PLUS:
		v = l.Num + r.Num
	case token.MINUS:
		v = l.Num - r.Num
	case token.MULTIPLY:
		v = l.Num * r.Num
	case token.SLASH:
		v = l.Num / r.Num
	case token.REMAINDER:
		v = math.Mod(l.Num, r.Num)
	default:
		return nil
	}
	return &model.Value{Kind: model.Number, Num: v, Raw: x.valueText(n)}
}

// rounding folds Math.round, floor, ceil and trunc of a constant number.
func (x *extractor) rounding(n *ast.CallExpression) *model.Value {
	dot, ok := n.Callee.(*ast.DotExpression)
	if !ok || len(n.ArgumentList) != 1 {
		return nil
	}
	if obj, ok := dot.Left.(*ast.Identifier); !ok || obj.Name != "Math" {
		return nil
	}
	arg := x.literal(n.ArgumentList[0])
	if arg == nil || arg.Kind != model.Number {
		return nil
	}
	var v float64
	switch dot.Identifier.Name {
	case "round":
		v = math.Floor(arg.Num + 0.5) // JavaScript rounds halves up, also for negatives
	case "floor":
		v = math.Floor(arg.Num)
	case "ceil":
		v = math.Ceil(arg.Num)
	case "trunc":
		v = math.Trunc(arg.Num)
	default:
		return nil
	}
	return &model.Value{Kind: model.Number, Num: v, Raw: x.valueText(n)}
}

func (x *extractor) unary(n *ast.UnaryExpression) *model.Value {
	if n.Postfix {
		return nil
	}
	switch n.Operator {
	case token.MINUS, token.PLUS:
		v := x.literal(n.Operand)
		if v == nil || v.Kind != model.Number {
			return nil
		}
		if n.Operator == token.MINUS {
			v.Num = -v.Num
			v.Raw = "-" + v.Raw
		}
		return v
	case token.NOT:
		if num, ok := n.Operand.(*ast.NumberLiteral); ok {
			// !0 is true, !1 is false: minifiers write booleans this way.
			return &model.Value{Kind: model.Bool, Bool: number(num.Value) == 0}
		}
	case token.VOID:
		if x.literal(n.Operand) != nil {
			return &model.Value{Kind: model.Undefined}
		}
	}
	return nil
}

// numberText is a number literal as the file writes it: a module or
// TypeScript file is read through a transform that respells numbers
// (1788000000 becomes 1788e6), and a message quotes the developer's text.
func (x *extractor) numberText(n *ast.NumberLiteral) string {
	a, b := x.offsets(n)
	if b <= a || b > len(x.s.File.Text) {
		return n.Literal
	}
	t := x.s.File.Text[a:b]
	if string(t) == n.Literal {
		return n.Literal // as parsed: no copy (most numbers of most scripts)
	}
	if (t[0] >= '0' && t[0] <= '9' || t[0] == '.') && !bytes.ContainsAny(t, " \t\r\n") {
		return string(t)
	}
	return n.Literal
}

func number(v any) float64 {
	switch n := v.(type) {
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return math.NaN()
}

// dynamic is a value not known statically. When the expression is exactly
// one template tag (possibly inside quotes), Raw is the tag as written.
func (x *extractor) dynamic(e ast.Node) *model.Value {
	v := &model.Value{Kind: model.Dynamic, Span: x.valueSpan(e), Raw: x.valueText(e)}
	if t, ok := x.template(e); ok {
		a, b := x.offsets(e)
		inner := t.Start == a && t.End == b
		quoted := t.Start == a+1 && t.End == b-1 && b-a >= 2
		if _, isStr := e.(*ast.StringLiteral); inner || (quoted && isStr) {
			v.Raw = string(x.s.File.Text[t.Start:t.End])
		}
	}
	return v
}

func (x *extractor) array(n *ast.ArrayLiteral) *model.Value {
	v := &model.Value{Kind: model.Array, Span: x.span(n)}
	for _, it := range n.Value {
		switch it := it.(type) {
		case nil:
			v.Items = append(v.Items, &model.Value{Kind: model.Undefined, Span: v.Span})
		case *ast.SpreadElement:
			v.Open = true
		default:
			v.Items = append(v.Items, x.value(it))
		}
	}
	return v
}

func (x *extractor) object(n *ast.ObjectLiteral) *model.Value {
	v := &model.Value{Kind: model.Object, Span: x.span(n)}
	// spread are the keys a spread of a known object put in: a later
	// member of the same name replaces them, as in JavaScript.
	var spread map[string]bool
	add := func(f *model.Field) {
		if spread[f.Key] {
			setField(v, f)
			delete(spread, f.Key)
			return
		}
		v.Fields = append(v.Fields, f)
	}
	for _, p := range n.Value {
		switch p := p.(type) {
		case *ast.PropertyShort:
			// {amount}: the value of a variable, known only if it is a constant.
			add(&model.Field{
				Key: p.Name.Name.String(), KeySpan: x.span(&p.Name), Value: x.value(&p.Name),
			})
		case *ast.PropertyKeyed:
			key, ok := x.key(p)
			if !ok {
				v.Open = true
				continue
			}
			f := &model.Field{Key: key, KeySpan: x.span(p.Key)}
			if p.Kind == ast.PropertyKindValue {
				f.Value = x.value(p.Value)
			} else {
				// Getters, setters and methods: a member whose value is code.
				f.Value = x.dynamic(p.Value)
			}
			add(f)
		case *ast.SpreadElement:
			// { ...base }: the members of a known object, else members we
			// cannot see.
			src := x.value(p.Expression)
			if src.Kind != model.Object {
				v.Open = true
				continue
			}
			if spread == nil {
				spread = map[string]bool{}
			}
			for _, f := range src.Fields {
				setField(v, f)
				spread[f.Key] = true
			}
			v.Open = v.Open || src.Open
		default:
			v.Open = true
		}
	}
	return v
}

// setField replaces the member named f.Key, or appends f.
func setField(v *model.Value, f *model.Field) {
	for i, g := range v.Fields {
		if g.Key == f.Key {
			v.Fields[i] = f
			return
		}
	}
	v.Fields = append(v.Fields, f)
}

// Resolution bounds: how deep names may refer to names, and how many
// names one call may resolve (a spread of a spread of … grows fast).
const (
	maxResolveDepth = 32
	resolveBudget   = 256
)

// resolve returns the value behind a name declared once and never
// assigned again (issue 15): a literal, an object or array literal, or
// another such name, with the simple member writes (name.prop = value)
// made before the call. nil when it is not known.
func (x *extractor) resolve(id *ast.Identifier) *model.Value {
	name := id.Name.String()
	b := x.consts[name]
	if !b.single() || x.changed(b) {
		return nil
	}
	if b.constant() {
		if v := x.literal(b.init); v != nil {
			v.Span = x.span(id)
			return v
		}
		return nil
	}
	switch b.init.(type) {
	case *ast.ObjectLiteral, *ast.ArrayLiteral, *ast.Identifier:
	default:
		return nil
	}
	if x.resolving[name] || len(x.resolving) >= maxResolveDepth || x.budget <= 0 {
		return nil // a name that refers to itself, or too deep
	}
	x.budget--
	if x.resolving == nil {
		x.resolving = map[string]bool{}
	}
	x.resolving[name] = true
	defer delete(x.resolving, name)
	v := x.value(b.init)
	if v.Kind == model.Dynamic {
		return nil
	}
	if v.Kind == model.Object {
		for _, w := range b.writes {
			if w.at >= x.callAt {
				break
			}
			f := &model.Field{Key: w.prop, KeySpan: x.span(w.key)}
			if w.within == nil || w.within.Idx0() <= x.callAt && x.callAt < w.within.Idx1() {
				f.Value = x.value(w.value)
			} else {
				// Written in a branch, a loop or a function: maybe, maybe not.
				f.Value = x.dynamic(w.value)
			}
			setField(v, f)
		}
	}
	for _, a := range x.appended(b) { // only while x.appendsRead: changed otherwise
		target := v
		if a.prop != "" {
			target = v.Get(a.prop)
		}
		if !target.Is(model.Array) {
			return nil
		}
		target.Open = true
	}
	return v
}

// key returns a property's static name; computed keys and keys written by
// a template are not static.
func (x *extractor) key(p *ast.PropertyKeyed) (string, bool) {
	if p.Computed {
		return "", false
	}
	if _, ok := x.template(p.Key); ok {
		return "", false
	}
	switch k := p.Key.(type) {
	case *ast.Identifier:
		return k.Name.String(), true
	case *ast.StringLiteral:
		return k.Value.String(), true
	case *ast.NumberLiteral:
		return strconv.FormatFloat(number(k.Value), 'g', -1, 64), true
	}
	return "", false
}
