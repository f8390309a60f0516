package model

import (
	"math"
	"strconv"
)

// Kind is the JSON-like type of a Value.
type Kind uint8

const (
	// Dynamic marks a value that cannot be known statically: an identifier,
	// an expression, a template placeholder. Raw holds its source text.
	Dynamic Kind = iota
	Null
	Undefined
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"dynamic", "null", "undefined", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one node of a call argument, as a JSON-like tree in which every
// node keeps where it came from.
type Value struct {
	Kind Kind
	Bool bool
	// Open marks an object or array whose members are not all known: a spread
	// (`...extra`) or a computed key. Absence of a member proves nothing then.
	// (Kept beside Kind and Bool: the three share one word, and a log of
	// 200,000 records holds over a million values.)
	Open bool
	Num  float64
	Str  string
	// Raw is the source text of a number ("25.99", "0x10") or of a dynamic
	// expression ("total * 100", "{{ order.total }}").
	Raw    string
	Items  []*Value
	Fields []*Field
	Span   Span
}

// Field is one member of an object value, in source order.
type Field struct {
	Key     string
	KeySpan Span
	Value   *Value
}

// Get returns the last member named key (the one that wins in JavaScript
// and in most JSON readers), or nil.
func (v *Value) Get(key string) *Value {
	if f := v.Field(key); f != nil {
		return f.Value
	}
	return nil
}

// Field returns the last member named key, or nil.
func (v *Value) Field(key string) *Field {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := len(v.Fields) - 1; i >= 0; i-- {
		if v.Fields[i].Key == key {
			return v.Fields[i]
		}
	}
	return nil
}

// Is reports whether v is a known value of kind k.
func (v *Value) Is(k Kind) bool { return v != nil && v.Kind == k }

// IsDynamic reports whether v is not known statically.
func (v *Value) IsDynamic() bool { return v != nil && v.Kind == Dynamic }

// StringValue returns the string and true when v is a known string.
func (v *Value) StringValue() (string, bool) {
	if v.Is(String) {
		return v.Str, true
	}
	return "", false
}

// IsInteger reports whether v is a known number with no fractional part.
func (v *Value) IsInteger() bool {
	return v.Is(Number) && !math.IsNaN(v.Num) && !math.IsInf(v.Num, 0) && v.Num == math.Trunc(v.Num)
}

// Walk calls fn for v and every node below it, depth first, in source order.
// The path lists the keys and indexes from v down to the node.
func (v *Value) Walk(fn func(path []string, node *Value)) {
	var walk func(path []string, n *Value)
	walk = func(path []string, n *Value) {
		if n == nil {
			return
		}
		fn(path, n)
		for i, it := range n.Items {
			walk(append(path, strconv.Itoa(i)), it)
		}
		for _, f := range n.Fields {
			walk(append(path, f.Key), f.Value)
		}
	}
	walk(nil, v)
}

// Plain converts v to plain Go values (map[string]any, []any, float64,
// string, bool, nil) for JSON Schema validation. Dynamic nodes become nil and
// are reported in dynamic by their JSON Pointer, so a validator's complaint
// about them can be told apart from a real mistake.
func (v *Value) Plain(dynamic map[string]bool) any {
	return v.plain("", dynamic)
}

func (v *Value) plain(ptr string, dynamic map[string]bool) any {
	switch v.Kind {
	case Null, Undefined:
		return nil
	case Bool:
		return v.Bool
	case Number:
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			// JSON has no NaN; a string keeps "not a number" a type error.
			return v.Raw
		}
		return v.Num
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = it.plain(ptr+"/"+strconv.Itoa(i), dynamic)
		}
		if v.Open && dynamic != nil {
			dynamic[ptr] = true
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			out[f.Key] = f.Value.plain(ptr+"/"+EscapePointer(f.Key), dynamic)
		}
		if v.Open && dynamic != nil {
			dynamic[ptr] = true
		}
		return out
	}
	if dynamic != nil {
		dynamic[ptr] = true
	}
	return nil
}

// EscapePointer escapes one JSON Pointer reference token (RFC 6901).
func EscapePointer(tok string) string {
	return string(AppendEscapedPointer(nil, tok))
}

// AppendEscapedPointer appends tok to b as one escaped JSON Pointer
// reference token ("~" as "~0", "/" as "~1").
func AppendEscapedPointer(b []byte, tok string) []byte {
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, tok[i])
		}
	}
	return b
}

// At follows a JSON Pointer's reference tokens (already unescaped) from v
// and returns the node they name, or nil.
func (v *Value) At(tokens []string) *Value {
	n := v
	for _, tok := range tokens {
		switch {
		case n == nil:
			return nil
		case n.Kind == Object:
			n = n.Get(tok)
		case n.Kind == Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Items) {
				return nil
			}
			n = n.Items[i]
		default:
			return nil
		}
	}
	return n
}
