package rules

import (
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/schema"
)

// checkSchemas validates each call's init config, event data and options
// against the JSON Schemas in schema/ and turns every violation into a
// finding of the rule it breaks, at the offending node. Violations about
// values not known statically are dropped: unknown is not wrong.
func checkSchemas(doc *model.Document, out *[]model.Finding) {
	for _, c := range doc.Calls {
		pii := personalData(c)
		switch c.Command() {
		case "init":
			if c.Side == model.Browser {
				if cfg := initConfig(c); cfg != nil {
					validateArg(c, argInitConfig, "init", pii, out)
				}
			}
		case "measure":
			m := measureCall{Call: c, Name: c.Arg(argEvent), Data: c.Arg(argData), Options: c.Arg(argOptions)}
			if m.Data.Is(model.Object) {
				validateArg(c, argData, dataSchema(m), pii, out)
			}
			if m.Options.Is(model.Object) {
				validateArg(c, argOptions, "options", pii, out)
			}
		}
	}
}

// argInitConfig is the position of init's config object.
const argInitConfig = 1

// dataSchema picks the shape event data is checked against: the one the
// event uses when the event is known (so a wrong type is one finding, not
// a cascade of unknown fields), else the one its type names, else the
// dispatcher that checks only the type.
func dataSchema(m measureCall) string {
	if name, ok := m.EventName(); ok {
		if shape := shapeFor(name); shape != "" {
			return shape
		}
	}
	if t, ok := m.Data.Get("type").StringValue(); ok && shapeFields[t] != nil {
		return t
	}
	return "event-data"
}

// violation is one schema violation resolved to the call's model.
type violation struct {
	call   *model.Call
	arg    int
	schema string
	loc    []string
	node   *model.Value
	kind   any
}

// validateArg validates one argument and reports what it breaks.
func validateArg(c *model.Call, arg int, name string, pii personalDataHits, out *[]model.Finding) {
	root := c.Args[arg]
	byNode := map[string]violation{}
	var order []string
	for _, sv := range schema.Validate(name, root.Plain(nil)) {
		node, known := resolve(root, sv.Location)
		if !known {
			continue
		}
		v := violation{call: c, arg: arg, schema: name, loc: sv.Location, node: node, kind: sv.Kind}
		if ap, ok := sv.Kind.(*kind.AdditionalProperties); ok {
			// Each unknown member is its own problem at its own key.
			for _, prop := range ap.Properties {
				if f := node.Field(prop); f != nil && !pii.flaggedKey(f) && !capiAllowsField(v, prop) {
					emit(out, unknownField(v, f))
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
		if prev, seen := byNode[key]; !seen || rank(v.kind) < rank(prev.kind) {
			if !seen {
				order = append(order, key)
			}
			byNode[key] = v
		}
	}
	for _, key := range order {
		if f, ok := valueFinding(byNode[key]); ok {
			emit(out, f)
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

func emit(out *[]model.Finding, f model.Finding) {
	if f.Rule == "" {
		return
	}
	if r := Lookup(f.Rule); r != nil && f.Severity == 0 {
		f.Severity = r.Severity
	}
	*out = append(*out, f)
}

// valueFinding words a violation about a value (not an unknown member).
func valueFinding(v violation) (model.Finding, bool) {
	at := func(rule, msg, hint string) (model.Finding, bool) {
		return model.Finding{Rule: rule, Message: msg, Hint: hint, Span: v.node.Span}, true
	}
	field := ""
	if len(v.loc) > 0 {
		field = v.loc[len(v.loc)-1]
	}
	if _, ok := v.kind.(*kind.Required); ok && v.arg == argData && len(v.loc) == 0 {
		msg, hint := typeMissingMessage(v)
		return at("data-type-missing", msg, hint)
	}
	inContents := len(v.loc) == 3 && v.loc[0] == "contents"
	switch {
	case v.arg == argInitConfig && len(v.loc) == 2 && v.loc[0] == "user":
		return userFieldFinding(v, field)
	case v.arg == argInitConfig && len(v.loc) == 1:
		msg, hint := initFieldTypeMessage(field, v.node)
		return at("field-type", msg, hint)
	case v.arg == argOptions && len(v.loc) == 1:
		return optionFinding(v, field)
	case v.arg == argData && len(v.loc) == 1 && field == "type":
		msg, hint := typeMismatchMessage(v)
		return at("data-type-mismatch", msg, hint)
	case v.arg == argData && (len(v.loc) == 1 || inContents):
		return dataFieldFinding(v, field)
	case v.arg == argData && len(v.loc) == 2 && v.loc[0] == "contents":
		return at("contents-not-array", "contents["+v.loc[1]+"] must be an object, got "+describe(v.node),
			`each item is an object such as {id: "sku_123", name: "Starter bundle", content_type: "product", quantity: 1}`)
	}
	return model.Finding{}, false
}

// dataFieldFinding words a bad value in event data or in a contents item.
func dataFieldFinding(v violation, field string) (model.Finding, bool) {
	at := func(rule, msg, hint string) (model.Finding, bool) {
		return model.Finding{Rule: rule, Message: msg, Hint: hint, Span: v.node.Span}, true
	}
	path := fieldPath(v.loc)
	switch field {
	case "amount", "quantity":
		if _, ok := v.kind.(*kind.Minimum); ok {
			msg, hint := negativeMessage(path, field, v.node)
			return at("amount-negative", msg, hint)
		}
		msg, hint := amountMessage(path, field, v.node, currencyBeside(v))
		return at("amount-not-integer", msg, hint)
	case "currency":
		msg, hint := currencyMessage(path, v.node)
		return at("currency-code", msg, hint)
	case "contents":
		return at("contents-not-array", "contents must be an array of item objects, got "+describe(v.node),
			`send contents: [{id: "sku_123", quantity: 1}], even for a single item`)
	case "plan_id", "id", "name", "content_type":
		return at("field-type", path+" must be a string, got "+describe(v.node), stringFix(v.node))
	}
	return model.Finding{}, false
}

// currencyBeside returns the currency an amount is in: the one beside it,
// or for a contents item the event's.
func currencyBeside(v violation) string {
	data := v.call.Args[argData]
	parent := data.At(v.loc[:len(v.loc)-1])
	if c, ok := parent.Get("currency").StringValue(); ok {
		return c
	}
	c, _ := data.Get("currency").StringValue()
	return c
}

// unknownField words a member the schema does not allow, with the field
// that was most likely meant.
func unknownField(v violation, f *model.Field) model.Finding {
	where := strings.Join(v.loc, "/")
	switch {
	case v.arg == argInitConfig && where == "":
		msg, hint := initUnknownMessage(f.Key)
		return model.Finding{Rule: "init-unknown-field", Message: msg, Hint: hint, Span: f.KeySpan}
	case v.arg == argInitConfig && where == "user":
		msg, hint := userUnknownMessage(f.Key)
		return model.Finding{Rule: "user-unknown-field", Message: msg, Hint: hint, Span: f.KeySpan}
	case (v.arg == argData || v.arg == argOptions) && where == "" && (f.Key == "user" || contains(userFields, f.Key)):
		return model.Finding{Rule: "user-in-measure", Span: f.KeySpan,
			Message: userInMeasureMessage(f.Key, v.arg),
			Hint:    `user data is request-scoped: pass it as oaiq("init", {user: {…}}) and call init again when it changes`}
	case v.arg == argData && where == "":
		msg, hint := dataUnknownMessage(f.Key, v.schema)
		return model.Finding{Rule: "data-unknown-field", Message: msg, Hint: hint, Span: f.KeySpan}
	case v.arg == argData && len(v.loc) == 2 && v.loc[0] == "contents":
		msg, hint := contentsUnknownMessage(f.Key, v.loc[1])
		return model.Finding{Rule: "contents-unknown-field", Message: msg, Hint: hint, Span: f.KeySpan}
	case v.arg == argOptions && where == "":
		msg, hint := optionsUnknownMessage(f.Key)
		return model.Finding{Rule: "options-unknown-field", Message: msg, Hint: hint, Span: f.KeySpan}
	}
	return model.Finding{}
}
