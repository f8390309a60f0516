package rules

import (
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
	"github.com/oaiq-lint/oaiq-lint/schema"
)

// The generic half of schema validation: each call's init config, event
// data and options are validated against the JSON Schemas in schema/, and
// every violation, resolved to the node it is about, is offered to the
// rules' Schema hooks. Which rule reports what lives in each rule's file.
// Violations about values not known statically are dropped: unknown is not
// wrong.

// argInitConfig is the position of init's config object.
const argInitConfig = 1

// SchemaViolation is one schema violation resolved to the call's model.
type SchemaViolation struct {
	// Doc is the document the call is in (fixes read its text).
	Doc  *model.Document
	Call *model.Call
	// Arg is the argument validated: argInitConfig, argData or argOptions
	// (measure's positions, also for measureSingle, whose arguments sit one
	// further along).
	Arg int
	// Schema names the schema the argument was validated against.
	Schema string
	// Loc is the path inside the argument to the node (for an unknown
	// member, to the object holding it).
	Loc []string
	// Node is the node the violation is about.
	Node *model.Value
	// Kind is the validator's kind (*kind.Type, *kind.Minimum, …); nil for
	// an unknown member.
	Kind any
	// Member is the member the schema does not allow, nil otherwise.
	Member *model.Field
}

// at reports whether the violation is about argument arg at a path
// matching pattern, where "*" matches any one step.
func (v *SchemaViolation) at(arg int, pattern ...string) bool {
	if v.Arg != arg || len(v.Loc) != len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != v.Loc[i] {
			return false
		}
	}
	return true
}

// valueAt reports a violation about a value (not an unknown member) at
// argument arg and pattern.
func (v *SchemaViolation) valueAt(arg int, pattern ...string) bool {
	return v.Member == nil && v.at(arg, pattern...)
}

// unknownIn reports an unknown member of the object at argument arg and
// pattern, and returns its key.
func (v *SchemaViolation) unknownIn(arg int, pattern ...string) (string, bool) {
	if v.Member == nil || !v.at(arg, pattern...) {
		return "", false
	}
	return v.Member.Key, true
}

// field is the last step of the path: the member the value is in.
func (v *SchemaViolation) field() string {
	if len(v.Loc) == 0 {
		return ""
	}
	return v.Loc[len(v.Loc)-1]
}

// dataField returns the field of a bad value in event data or in one of
// its contents items.
func (v *SchemaViolation) dataField() (string, bool) {
	if v.valueAt(argData, "*") || v.valueAt(argData, "contents", "*", "*") {
		return v.field(), true
	}
	return "", false
}

// finding is a finding at the violation's node; the engine fills in the
// rule and its severity.
func (v *SchemaViolation) finding(msg, hint string) (model.Finding, bool) {
	return model.Finding{Message: msg, Hint: hint, Span: v.Node.Span}, true
}

// memberFinding is a finding at an unknown member's key.
func (v *SchemaViolation) memberFinding(msg, hint string) (model.Finding, bool) {
	return model.Finding{Message: msg, Hint: hint, Span: v.Member.KeySpan}, true
}

// schemaRules are the rules with a Schema hook, in id order.
func schemaRules() []*Rule {
	var out []*Rule
	for _, r := range sorted() {
		if r.Schema != nil {
			out = append(out, r)
		}
	}
	return out
}

// checkSchemas validates the arguments of every call and hands each
// violation to the rules that own it.
func checkSchemas(doc *model.Document, hooks []*Rule, out *[]model.Finding) {
	for _, c := range doc.Calls {
		// Which nodes hold raw personal data matters only to an argument
		// that breaks its schema, and few do: found once, when first asked.
		var hits *personalDataHits
		pii := func() personalDataHits {
			if hits == nil {
				h := personalData(c)
				hits = &h
			}
			return *hits
		}
		switch c.Command() {
		case pixel.CommandInit:
			if c.Side == model.Browser && initConfig(c) != nil {
				validateArg(doc, c, argInitConfig, argInitConfig, "init", pii, hooks, out)
			}
		case pixel.CommandMeasure, pixel.CommandMeasureSingle:
			m, _ := asMeasure(c)
			if m.Data.Is(model.Object) {
				validateArg(doc, c, argData, m.physical(argData), dataSchema(m), pii, hooks, out)
			}
			if m.Options.Is(model.Object) {
				validateArg(doc, c, argOptions, m.physical(argOptions), "options", pii, hooks, out)
			}
		}
	}
}

// dataSchema picks the shape event data is checked against: the one the
// event uses when the event is known (so a wrong type is one finding, not
// a cascade of unknown fields), else the one its type names, else the
// dispatcher that checks only the type.
func dataSchema(m measureCall) string {
	if name, ok := m.EventName(); ok {
		if shape := pixel.ShapeOf(name); shape != "" {
			return shape
		}
	}
	if t, ok := m.Data.Get("type").StringValue(); ok && pixel.ShapeFields[t] != nil {
		return t
	}
	return "event-data"
}

// validateArg validates one argument and reports what it breaks: each
// unknown member at its key, and at every other node the most basic fault.
// arg is the argument's logical position (what the hooks match on), at
// where it is in the call.
func validateArg(doc *model.Document, c *model.Call, arg, at int, name string, personal func() personalDataHits, hooks []*Rule, out *[]model.Finding) {
	root := c.Args[at]
	if schema.Valid(name, root) {
		return // most arguments: no violation to resolve
	}
	pii := personal()
	byNode := map[string]*SchemaViolation{}
	var order []string
	for _, sv := range schema.Validate(name, root.Plain(nil)) {
		node, known := resolve(root, sv.Location)
		if !known {
			continue
		}
		v := &SchemaViolation{Doc: doc, Call: c, Arg: arg, Schema: name, Loc: sv.Location, Node: node, Kind: sv.Kind}
		if ap, ok := sv.Kind.(*kind.AdditionalProperties); ok {
			// Each unknown member is its own problem at its own key.
			for _, prop := range ap.Properties {
				if f := node.Field(prop); f != nil && !pii.flaggedKey(f) {
					offer(&SchemaViolation{Doc: doc, Call: c, Arg: arg, Schema: name, Loc: sv.Location, Node: node, Member: f}, hooks, out)
				}
			}
			continue
		}
		if _, ok := sv.Kind.(*kind.Required); ok && node.Open {
			continue // the missing member may come from the spread
		}
		if pii.flaggedValue(node) {
			continue // raw personal data is pii-raw's finding alone
		}
		key := sv.Pointer()
		if prev, seen := byNode[key]; !seen || rank(v.Kind) < rank(prev.Kind) {
			if !seen {
				order = append(order, key)
			}
			byNode[key] = v
		}
	}
	for _, key := range order {
		offer(byNode[key], hooks, out)
	}
}

// offer hands a violation to every rule's Schema hook and records what
// they report. The hooks are written so that at most one claims a
// violation (TestSchemaHooksAreExclusive).
func offer(v *SchemaViolation, hooks []*Rule, out *[]model.Finding) {
	for _, r := range hooks {
		if f, ok := r.Schema(v); ok {
			f.Rule, f.Severity = r.ID, r.Severity
			*out = append(*out, f)
		}
	}
}

// resolve finds the node a violation is about, and reports false when that
// node or any node above it is not known statically.
func resolve(root *model.Value, loc []string) (*model.Value, bool) {
	n := root
	for i := 0; ; i++ {
		if n == nil || n.IsDynamic() {
			return nil, false
		}
		if i == len(loc) {
			return n, true
		}
		n = n.At(loc[i : i+1])
	}
}

// rank orders the kinds reported at one node: the most basic fault wins, so
// -2.5 is "not an integer" and not also "negative".
func rank(k any) int {
	switch k.(type) {
	case *kind.Type:
		return 0
	case *kind.Const, *kind.Enum:
		return 1
	case *kind.Required:
		return 2
	case *kind.Pattern, *kind.MinLength, *kind.MaxLength:
		return 3
	}
	return 4
}
