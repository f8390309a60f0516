package rules

import (
	"slices"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// memberFinding is a finding at an unknown member's key.
func (v *SchemaViolation) memberFinding(msg, hint string) (model.Finding, bool) {
	return model.Finding{Message: msg, Hint: hint, Span: v.Member.KeySpan}, true
}

// isUserKey reports the user object or one of its fields, wherever it is
// written.
func isUserKey(key string) bool { return key == "user" || slices.Contains(pixel.UserFields, key) }

func schemaDataTypeMissing(v *SchemaViolation) (model.Finding, bool) {
	if _, ok := v.Kind.(*kind.Required); !ok || !v.valueAt(argData) {
		return model.Finding{}, false
	}
	return v.finding(typeMissingMessage(v))
}

func schemaDataTypeMismatch(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argData, "type") {
		return model.Finding{}, false
	}
	return v.finding(typeMismatchMessage(v))
}

func schemaAmountNegative(v *SchemaViolation) (model.Finding, bool) {
	field, ok := v.dataField()
	if _, minimum := v.Kind.(*kind.Minimum); !ok || !minimum || (field != "amount" && field != "quantity") {
		return model.Finding{}, false
	}
	return v.finding(negativeMessage(fieldPath(v.Loc), field, v.Node))
}

func schemaAmountNotInteger(v *SchemaViolation) (model.Finding, bool) {
	field, ok := v.dataField()
	if _, minimum := v.Kind.(*kind.Minimum); !ok || minimum || (field != "amount" && field != "quantity") {
		return model.Finding{}, false
	}
	return v.finding(amountMessage(fieldPath(v.Loc), field, v.Node, currencyBeside(v)))
}

// currencyBeside returns the currency an amount is in: the one beside it,
// or for a contents item the event's.
func currencyBeside(v *SchemaViolation) string {
	data := v.Call.Args[argData]
	parent := data.At(v.Loc[:len(v.Loc)-1])
	if c, ok := parent.Get("currency").StringValue(); ok {
		return c
	}
	c, _ := data.Get("currency").StringValue()
	return c
}

func schemaCurrencyCode(v *SchemaViolation) (model.Finding, bool) {
	if field, ok := v.dataField(); !ok || field != "currency" {
		return model.Finding{}, false
	}
	return v.finding(currencyMessage(fieldPath(v.Loc), v.Node))
}

func schemaContentsNotArray(v *SchemaViolation) (model.Finding, bool) {
	if field, ok := v.dataField(); ok && field == "contents" {
		return v.finding("contents must be an array of item objects, got "+describe(v.Node),
			`send contents: [{id: "sku_123", quantity: 1}], even for a single item`)
	}
	if v.valueAt(argData, "contents", "*") {
		return v.finding("contents["+v.Loc[1]+"] must be an object, got "+describe(v.Node),
			`each item is an object such as {id: "sku_123", name: "Starter bundle", content_type: "product", quantity: 1}`)
	}
	return model.Finding{}, false
}

func schemaFieldType(v *SchemaViolation) (model.Finding, bool) {
	if v.valueAt(argInitConfig, "*") {
		return v.finding(initFieldTypeMessage(v.field(), v.Node))
	}
	switch field, _ := v.dataField(); field {
	case "plan_id", "id", "name", "content_type":
		return v.finding(fieldPath(v.Loc)+" must be a string, got "+describe(v.Node), stringFix(v.Node))
	}
	return model.Finding{}, false
}

func schemaHashFormat(v *SchemaViolation) (model.Finding, bool) {
	field := v.field()
	if !v.valueAt(argInitConfig, "user", "*") || (field != "email_sha256" && field != "external_id_sha256") {
		return model.Finding{}, false
	}
	if s, ok := v.Node.StringValue(); ok {
		if _, sentinel := hashing.Sentinel(strings.TrimSpace(s)); sentinel {
			return model.Finding{}, false // hash-sentinel: fixing the case would not help
		}
	}
	return v.finding(hashMessage(field, v.Node))
}

func schemaCountryCode(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "country") {
		return model.Finding{}, false
	}
	return v.finding(countryMessage(v.Node))
}

func schemaCityLength(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "city") {
		return model.Finding{}, false
	}
	return v.finding(cityMessage(v.Node))
}

func schemaZipCodeFormat(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "zip_code") {
		return model.Finding{}, false
	}
	return v.finding(zipMessage(v.Node))
}

func schemaEventIDEmpty(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "event_id") {
		return model.Finding{}, false
	}
	return v.finding(eventIDMessage(v.Node))
}

func schemaCustomNameFormat(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "custom_event_name") {
		return model.Finding{}, false
	}
	if isStandardOrServer(measureCall{Call: v.Call, Name: v.Call.Arg(argEvent)}) {
		return model.Finding{}, false // custom-name-on-standard says it all
	}
	return v.finding(customNameFormatMessage(v.Node))
}

func schemaOptOutType(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "opt_out") {
		return model.Finding{}, false
	}
	hint := "use opt_out: true, or leave it out (it defaults to false)"
	if s, ok := v.Node.StringValue(); ok && (s == "true" || s == "false") {
		hint = "use opt_out: " + s + " without quotes"
	}
	return v.finding("opt_out must be a boolean, got "+describe(v.Node), hint)
}

func schemaInitUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig)
	if !ok {
		return model.Finding{}, false
	}
	return v.memberFinding(initUnknownMessage(key))
}

func schemaUserUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argInitConfig, "user")
	if !ok {
		return model.Finding{}, false
	}
	return v.memberFinding(userUnknownMessage(key))
}

func schemaUserInMeasure(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData)
	if !ok {
		key, ok = v.unknownIn(argOptions)
	}
	if !ok || !isUserKey(key) {
		return model.Finding{}, false
	}
	return v.memberFinding(userInMeasureMessage(key, v.Arg),
		`user data is request-scoped: pass it as oaiq("init", {user: {…}}) and call init again when it changes`)
}

func schemaDataUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData)
	if !ok || isUserKey(key) {
		return model.Finding{}, false
	}
	return v.memberFinding(dataUnknownMessage(key, v.Schema))
}

func schemaContentsUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData, "contents", "*")
	if !ok {
		return model.Finding{}, false
	}
	return v.memberFinding(contentsUnknownMessage(key, v.Loc[1]))
}

func schemaOptionsUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argOptions)
	if !ok || isUserKey(key) {
		return model.Finding{}, false
	}
	return v.memberFinding(optionsUnknownMessage(key))
}
