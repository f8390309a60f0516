package schema

import (
	"math"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Valid reports whether a value certainly satisfies the named schema, by a
// walk of the validator's own compiled schemas over the value as it is,
// without converting it to plain Go values first. false means "not known
// to be valid": the value breaks the schema, or holds something the walk
// does not decide (a dynamic or open node, NaN, a duplicate key, a keyword
// it does not know), and Validate must be asked.
//
// Why a second walk beside the library: a log of 2 million records spends
// about a third of its time converting and validating arguments that are
// valid (the library builds a big.Rat from a formatted string for every
// number, and the conversion allocates a map per object), while the
// library stays the one source of the violations reported. The walk
// understands only the keywords these schemas use, and any other keyword
// makes it answer false, so it can only be slower than needed, never
// wrong: TestValidAgreesWithValidate checks every fixture's arguments and
// their mutations against the library.
func Valid(name string, v *model.Value) bool {
	fs, err := compileFast()
	if err != nil {
		panic(err)
	}
	s, ok := fs[name]
	if !ok {
		panic("schema: no schema named " + name)
	}
	return s.valid(v)
}

// fastSchema is one compiled schema in the form the walk reads; decidable
// is false when it, or a schema it refers to, uses a keyword the walk
// does not know.
type fastSchema struct {
	decidable bool
	always    *bool    // a boolean schema
	types     *typeSet // nil: any type
	constStr  *string
	enumStrs  []string
	required  []string
	props     map[string]*fastSchema
	// additional: nil allows any other member; no (a false schema) allows none.
	additional    *fastSchema
	propertyNames *fastSchema
	items         *fastSchema
	minLength     int
	maxLength     int // -1: none
	pattern       jsonschema.Regexp
	minimum       *float64
	ref           *fastSchema
	allOf         []*fastSchema
	ifS, thenS    *fastSchema
	elseS         *fastSchema
}

// compileFast converts every compiled schema, once.
var compileFast = sync.OnceValues(func() (map[string]*fastSchema, error) {
	all, err := compile()
	if err != nil {
		return nil, err
	}
	seen := map[*jsonschema.Schema]*fastSchema{}
	out := make(map[string]*fastSchema, len(all))
	for name, s := range all {
		out[name] = fastOf(s, seen)
	}
	return out, nil
})

// fastOf converts a compiled schema; seen breaks $ref cycles. A schema
// still being converted counts as decidable; if it turns out not to be,
// the schemas referring to it check decidable again as they walk.
func fastOf(s *jsonschema.Schema, seen map[*jsonschema.Schema]*fastSchema) *fastSchema {
	if f, ok := seen[s]; ok {
		return f
	}
	f := &fastSchema{decidable: true, maxLength: -1}
	seen[s] = f
	if s.Bool != nil {
		f.always = s.Bool
		return f
	}
	if s.RecursiveRef != nil || s.DynamicRef != nil || s.Not != nil || len(s.AnyOf) > 0 || len(s.OneOf) > 0 ||
		s.Format != nil || s.MaxProperties != nil || s.MinProperties != nil || len(s.PatternProperties) > 0 ||
		s.Dependencies != nil || s.DependentRequired != nil || s.DependentSchemas != nil || s.UnevaluatedProperties != nil ||
		s.MinItems != nil || s.MaxItems != nil || s.UniqueItems || s.Contains != nil || s.AdditionalItems != nil ||
		len(s.PrefixItems) > 0 || s.UnevaluatedItems != nil || s.ContentEncoding != nil || s.ContentMediaType != nil ||
		s.ContentSchema != nil || s.Maximum != nil || s.ExclusiveMaximum != nil || s.ExclusiveMinimum != nil ||
		s.MultipleOf != nil || len(s.Extensions) > 0 || s.Items != nil {
		f.decidable = false
		return f
	}
	if s.Types != nil && !s.Types.IsEmpty() {
		f.types = typeSetOf(s.Types.ToStrings())
	}
	if s.Const != nil {
		str, ok := (*s.Const).(string)
		if !ok {
			f.decidable = false
			return f
		}
		f.constStr = &str
	}
	if s.Enum != nil {
		for _, e := range s.Enum.Values {
			str, ok := e.(string)
			if !ok {
				f.decidable = false
				return f
			}
			f.enumStrs = append(f.enumStrs, str)
		}
		if f.enumStrs == nil {
			f.enumStrs = []string{}
		}
	}
	f.required = s.Required
	if len(s.Properties) > 0 {
		f.props = make(map[string]*fastSchema, len(s.Properties))
		for k, p := range s.Properties {
			f.props[k] = fastOf(p, seen)
		}
	}
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		if !a {
			no := false
			f.additional = &fastSchema{decidable: true, always: &no, maxLength: -1}
		}
	case *jsonschema.Schema:
		f.additional = fastOf(a, seen)
	default:
		f.decidable = false
	}
	if s.PropertyNames != nil {
		f.propertyNames = fastOf(s.PropertyNames, seen)
	}
	if s.Items2020 != nil {
		f.items = fastOf(s.Items2020, seen)
	}
	if s.MinLength != nil {
		f.minLength = *s.MinLength
	}
	if s.MaxLength != nil {
		f.maxLength = *s.MaxLength
	}
	f.pattern = s.Pattern
	if s.Minimum != nil {
		m, exact := s.Minimum.Float64()
		if !exact {
			f.decidable = false
			return f
		}
		f.minimum = &m
	}
	if s.Ref != nil {
		f.ref = fastOf(s.Ref, seen)
	}
	for _, a := range s.AllOf {
		f.allOf = append(f.allOf, fastOf(a, seen))
	}
	if s.If != nil {
		f.ifS = fastOf(s.If, seen)
		if s.Then != nil {
			f.thenS = fastOf(s.Then, seen)
		}
		if s.Else != nil {
			f.elseS = fastOf(s.Else, seen)
		}
	}
	return f
}

// valid reports whether v certainly satisfies s (see Valid).
func (s *fastSchema) valid(v *model.Value) bool {
	ok, decided := s.check(v)
	return ok && decided
}

// check walks v against s: ok is meaningful only when decided. An if
// needs a decided answer both ways, so check returns both.
func (s *fastSchema) check(v *model.Value) (ok, decided bool) {
	if !s.decidable || v == nil || !isPlain(v) {
		return false, false
	}
	if s.always != nil {
		return *s.always, true
	}
	if s.types != nil && !s.types.has(v) {
		return false, true
	}
	if s.constStr != nil && (v.Kind != model.String || v.Str != *s.constStr) {
		return false, true
	}
	if s.enumStrs != nil && !(v.Kind == model.String && slices.Contains(s.enumStrs, v.Str)) {
		return false, true
	}
	switch v.Kind {
	case model.String:
		if s.minLength > 0 || s.maxLength >= 0 {
			n := utf8.RuneCountInString(v.Str)
			if n < s.minLength || (s.maxLength >= 0 && n > s.maxLength) {
				return false, true
			}
		}
		if s.pattern != nil && !s.pattern.MatchString(v.Str) {
			return false, true
		}
	case model.Number:
		if s.minimum != nil && v.Num < *s.minimum {
			return false, true
		}
	case model.Array:
		if s.items != nil {
			for _, it := range v.Items {
				if ok, decided := s.items.check(it); !ok || !decided {
					return ok, decided
				}
			}
		}
	case model.Object:
		if ok, decided := s.checkObject(v); !ok || !decided {
			return ok, decided
		}
	}
	for _, sub := range [...]*fastSchema{s.ref} {
		if sub != nil {
			if ok, decided := sub.check(v); !ok || !decided {
				return ok, decided
			}
		}
	}
	for _, sub := range s.allOf {
		if ok, decided := sub.check(v); !ok || !decided {
			return ok, decided
		}
	}
	if s.ifS != nil {
		cond, decided := s.ifS.check(v)
		if !decided {
			return false, false
		}
		branch := s.elseS
		if cond {
			branch = s.thenS
		}
		if branch != nil {
			if ok, decided := branch.check(v); !ok || !decided {
				return ok, decided
			}
		}
	}
	return true, true
}

// checkObject checks the object keywords; a duplicate key is not decided
// (the plain form keeps only the last member of a name).
func (s *fastSchema) checkObject(v *model.Value) (ok, decided bool) {
	for i, f := range v.Fields {
		for _, g := range v.Fields[:i] {
			if g.Key == f.Key {
				return false, false
			}
		}
		if s.propertyNames != nil {
			name := &model.Value{Kind: model.String, Str: f.Key}
			if ok, decided := s.propertyNames.check(name); !ok || !decided {
				return ok, decided
			}
		}
		sub, known := s.props[f.Key]
		if !known {
			sub = s.additional
		}
		if sub != nil {
			if ok, decided := sub.check(f.Value); !ok || !decided {
				return ok, decided
			}
		}
	}
	for _, r := range s.required {
		if v.Get(r) == nil {
			return false, true
		}
	}
	return true, true
}

// isPlain reports whether v is a JSON value as it stands: not dynamic, not
// open, not a number JSON cannot hold. (Its members are checked as the
// walk reaches them.)
func isPlain(v *model.Value) bool {
	switch v.Kind {
	case model.Dynamic:
		return false
	case model.Number:
		return !math.IsNaN(v.Num) && !math.IsInf(v.Num, 0)
	case model.Array, model.Object:
		return !v.Open
	}
	return true
}

// typeSet is a schema's "type" as the model's kinds, worked out once when
// the schema is converted rather than from the type names at every value.
type typeSet struct {
	kinds   uint16 // bit k: model.Kind k
	integer bool   // "integer" without "number": whole numbers only
}

func typeSetOf(names []string) *typeSet {
	var t typeSet
	for _, name := range names {
		switch name {
		case "null":
			t.kinds |= 1<<model.Null | 1<<model.Undefined
		case "boolean":
			t.kinds |= 1 << model.Bool
		case "number":
			t.kinds |= 1 << model.Number
		case "integer":
			t.integer = true
		case "string":
			t.kinds |= 1 << model.String
		case "array":
			t.kinds |= 1 << model.Array
		case "object":
			t.kinds |= 1 << model.Object
		}
	}
	return &t
}

// has reports whether v is of one of the types.
func (t *typeSet) has(v *model.Value) bool {
	return t.kinds&(1<<v.Kind) != 0 || t.integer && v.Kind == model.Number && v.Num == math.Trunc(v.Num)
}
