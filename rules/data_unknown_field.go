package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "data-unknown-field", Severity: model.Error,
		Schema: schemaDataUnknownField,
		Title:  "an event data field the shape does not allow",
		Spec:   "You can add plan_id, amount, currency, or contents to the event data object. (The examples give each shape's fields.)",
		Doc: `Each shape has a fixed set of fields: contents (amount, currency,
contents), customer_action (amount, currency), plan_enrollment (plan_id,
amount, currency), custom (plan_id, amount, currency, contents). Fields from
other pixels (` + "`value`, `content_ids`, `num_items`" + `) are dropped.
A misspelt field (` + "`Currency`, `curency`" + `: another case or separator
style, or one slip in a longer name) gets a safe fix renaming it; an
option written here is moved to the options.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", value: 25.99, content_ids: ["sku_123"] });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", contents: [{ id: "sku_123" }] });
` + "```",
	})
}

// dataAliases are other pixels' event data fields, mapped to ours.
var dataAliases = map[string]string{
	"value": "amount", "price": "amount", "revenue": "amount", "total": "amount", "totalvalue": "amount",
	"contentids": "contents[].id", "contentid": "contents[].id", "itemids": "contents[].id", "productids": "contents[].id",
	"numitems": "contents[].quantity", "quantity": "contents[].quantity", "contentname": "contents[].name",
	"contenttype": "contents[].content_type", "items": "contents", "products": "contents", "lineitems": "contents",
	"currencycode": "currency", "plan": "plan_id", "planid": "plan_id", "planname": "plan_id",
}

// dataFields are the fields the event data of a shape allows (every
// shape's for data whose shape is not known).
func dataFields(shape string) []string {
	if shape == "event-data" {
		return pixel.ShapeFields[pixel.ShapeCustom]
	}
	return pixel.ShapeFields[shape]
}

func dataUnknownMessage(key, shape string) (string, string) {
	allowed := dataFields(shape)
	where := "the " + shape + " data shape"
	hint := fmt.Sprintf("%s takes %s", where, joinQuoted(allowed, "and"))
	if key == "custom_event_name" && shape != pixel.ShapeCustom && shape != "event-data" {
		return fmt.Sprintf("%q does not belong in the event data, and only custom events take it (as an option)", key),
			`remove it, or send oaiq("measure", "custom", { type: "custom" }, { custom_event_name: … })`
	}
	if slices.Contains(pixel.OptionFields, key) {
		return fmt.Sprintf("%q is an option, not event data: move it to the options object (the fourth argument)", key), ""
	}
	if alias, ok := dataAliases[normalizeName(key)]; ok && alias != key {
		if slices.Contains(allowed, strings.SplitN(alias, "[", 2)[0]) {
			return fmt.Sprintf("event data field %q is not supported; did you mean %q?", key, alias), moneyHint(alias, hint)
		}
	}
	var others []string
	for s, fields := range pixel.ShapeFields {
		if slices.Contains(fields, key) {
			others = append(others, s)
		}
	}
	if len(others) > 0 {
		sort.Strings(others)
		return fmt.Sprintf("%q is not a field of %s (only of %s)", key, where, strings.Join(others, " and ")), hint
	}
	if n := suggest.Nearest(key, allowed); n != "" {
		return fmt.Sprintf("event data field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("event data field %q is not supported by %s", key, where), hint
}

func schemaDataUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData)
	if !ok || isUserKey(key) || capiAllowsField(v, key) {
		return model.Finding{}, false
	}
	f, ok := v.memberFinding(dataUnknownMessage(key, v.Schema))
	if slices.Contains(pixel.OptionFields, key) && !(key == "custom_event_name" && v.Schema != pixel.ShapeCustom && v.Schema != "event-data") {
		return withFix(f, ok, moveToOptionsFix(v))
	}
	return withFix(f, ok, renameFix(v.Node, v.Member, meantKey(key, dataFields(v.Schema))))
}

// moveToOptionsFix moves an option written in the event data (event_id,
// custom_event_name, opt_out) into the options object, creating it after
// the data when the call has none. The pixel reads options only there, so
// the move makes the value count, as it was meant to; it is offered for
// calls in code, not for log records, whose shape is not a call's.
func moveToOptionsFix(v *SchemaViolation) *model.Fix {
	if v.Doc == nil || v.Doc.Kind == model.EventLog || v.Call.Side != model.Browser || v.Call.Event != nil || v.Arg != argData {
		return nil
	}
	data := v.Node
	i := slices.Index(data.Fields, v.Member)
	text, ok := memberText(v.Doc, v.Member)
	if i < 0 || !ok || data.Field(v.Member.Key) != v.Member {
		return nil // a duplicate key: which one wins is the reader's business
	}
	remove, ok := removeMember(v.Doc, data, i)
	if !ok {
		return nil
	}
	m, isMeasure := asMeasure(v.Call)
	if !isMeasure {
		return nil
	}
	var add model.Edit
	switch opts := m.Options; {
	case opts == nil && len(v.Call.Args) == m.physical(argData)+1:
		add, ok = model.LastChar(data.Span, "}", "}, { "+text+" }")
	case opts != nil && opts.Field(v.Member.Key) == nil:
		add, ok = addMember(opts, text)
	default:
		return nil
	}
	if !ok || add.Span.Start.Before(remove.Span.End) && remove.Span.Start.Before(add.Span.End) {
		return nil
	}
	return model.NewFix(fmt.Sprintf("move %s from the event data to the options", v.Member.Key), model.Safe,
		model.E(remove, true), model.E(add, true))
}
