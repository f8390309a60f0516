package rules

// Events: the event name (second argument) and the event data object
// (third). Names come from the documentation's ten standard events plus
// "custom"; shapes and their fields from its examples. Type, field and
// value findings come from the schema stage (the shape schemas in schema/).

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "event-name-unknown", Severity: model.Error,
			Title: "event name not one of the ten standard events nor custom",
			Spec:  "Event name: A supported event name, such as order_created, or \"custom\".",
			Doc: `The pixel drops events it does not know, silently. Names copied from
other ad pixels (` + "`Purchase`, `AddToCart`, `Lead`" + `) are the usual cause.

Bad:
` + "```js" + `
oaiq("measure", "Purchase", { type: "contents", amount: 2599, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
			Check: checkEventNames,
		},
		&Rule{
			ID: "event-server-only", Severity: model.Error,
			Title: "app_installed or app_opened sent from the JavaScript pixel",
			Spec:  "app_installed and app_opened are not supported by the JavaScript pixel; they are sent server-side through the Conversions API. (facts beyond the spec)",
			Doc: `These two events exist only in the server-side Conversions API. The
JavaScript pixel does not accept them.

Bad:
` + "```js" + `
oaiq("measure", "app_installed", { type: "customer_action" });
` + "```" + `
Good: send the event from your server through the Conversions API.`,
			Check: checkServerOnlyEvents,
		},
		&Rule{
			ID: "data-type-missing", Severity: model.Error,
			Title: "event data without type",
			Spec:  "Event data: An object whose type matches the event’s data shape.",
			Doc: `The type field selects the data shape; without it the event cannot be
read.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { amount: 2599, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
		},
		&Rule{
			ID: "data-type-mismatch", Severity: model.Error,
			Title: "event data type not the shape the event uses, or not a known shape",
			Spec:  "The event data object’s type selects the shape of the accompanying data. For example, order_created uses the contents data type.",
			Doc: `Each standard event uses one shape: contents (page_viewed,
contents_viewed, items_added, checkout_started, order_created),
customer_action (lead_created, registration_completed,
appointment_scheduled), plan_enrollment (subscription_created,
trial_started); custom events use custom.

Bad:
` + "```js" + `
oaiq("measure", "lead_created", { type: "lead" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" });
` + "```",
		},
		&Rule{
			ID: "data-unknown-field", Severity: model.Error,
			Title: "an event data field the shape does not allow",
			Spec:  "You can add plan_id, amount, currency, or contents to the event data object. (The examples give each shape's fields.)",
			Doc: `Each shape has a fixed set of fields: contents (amount, currency,
contents), customer_action (amount, currency), plan_enrollment (plan_id,
amount, currency), custom (plan_id, amount, currency, contents). Fields from
other pixels (` + "`value`, `content_ids`, `num_items`" + `) are dropped.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", value: 25.99, content_ids: ["sku_123"] });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", contents: [{ id: "sku_123" }] });
` + "```",
		},
		&Rule{
			ID: "amount-not-integer", Severity: model.Error,
			Title: "amount or quantity not an integer",
			Spec:  "Use integer values for amount and quantity.",
			Doc: `Amounts are integers in the currency's minor unit (2599 is 25.99 USD),
quantities are whole numbers. A float, a numeric string or NaN is rejected.
Multiplying by 100 in JavaScript leaves float noise (19.99 * 100 is
1998.9999999999998): round it.

Bad:
` + "```js" + `
{ type: "contents", amount: 25.99, currency: "USD" }
` + "```" + `
Good:
` + "```js" + `
{ type: "contents", amount: Math.round(25.99 * 100), currency: "USD" } // 2599
` + "```",
		},
		&Rule{
			ID: "amount-negative", Severity: model.Warning,
			Title: "a negative amount or a quantity below 1",
			Spec:  "Use integer values for amount and quantity.",
			Doc: `A conversion's value is not negative and an item's quantity is at least
one; refunds and removed items are not conversions.

Bad:
` + "```js" + `
contents: [{ id: "sku_123", quantity: 0 }]
` + "```" + `
Good:
` + "```js" + `
contents: [{ id: "sku_123", quantity: 1 }]
` + "```",
		},
		&Rule{
			ID: "currency-code", Severity: model.Error,
			Title: "currency not an active ISO 4217 code in upper case",
			Spec:  "amount: 2599, currency: \"USD\" (the documentation's examples use ISO 4217 codes)",
			Doc: `Currency is an active ISO 4217 code in upper case. Symbols, names,
lower case and retired codes are not.

Bad:
` + "```js" + `
{ type: "contents", amount: 2599, currency: "usd" }
` + "```" + `
Good:
` + "```js" + `
{ type: "contents", amount: 2599, currency: "USD" }
` + "```",
			Check: checkCurrencyCodes,
		},
		&Rule{
			ID: "currency-missing", Severity: model.Warning,
			Title: "an amount without a currency beside it",
			Spec:  "oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"USD\" }); (every example amount has its currency)",
			Doc: `An amount means nothing without its currency: 2599 is 25.99 USD but 2599
JPY.

Bad:
` + "```js" + `
{ type: "contents", amount: 2599 }
` + "```" + `
Good:
` + "```js" + `
{ type: "contents", amount: 2599, currency: "USD" }
` + "```",
			Check: checkCurrencyMissing,
		},
		&Rule{
			ID: "contents-not-array", Severity: model.Error,
			Title: "contents not an array of objects",
			Spec:  "Use only the documented fields inside contents[].",
			Doc: `contents is an array of item objects, even for a single item.

Bad:
` + "```js" + `
{ type: "contents", contents: { id: "sku_123" } }
` + "```" + `
Good:
` + "```js" + `
{ type: "contents", contents: [{ id: "sku_123" }] }
` + "```",
		},
		&Rule{
			ID: "contents-unknown-field", Severity: model.Error,
			Title: "a contents[] field other than id, name, content_type, quantity, amount, currency",
			Spec:  "Use only the documented fields inside contents[].",
			Doc: `Items take id, name, content_type, quantity, amount and currency.

Bad:
` + "```js" + `
contents: [{ sku: "sku_123", price: 2599, qty: 1 }]
` + "```" + `
Good:
` + "```js" + `
contents: [{ id: "sku_123", amount: 2599, currency: "USD", quantity: 1 }]
` + "```",
		},
	)
}

// vendorEvents maps other ad pixels' event names (folded) to ours.
var vendorEvents = map[string]string{
	"purchase": "order_created", "order": "order_created", "ordercompleted": "order_created",
	"checkoutcompleted": "order_created", "conversion": "order_created",
	"ordercomplete": "order_created", "orderplaced": "order_created", "ordersubmitted": "order_created",
	"purchasecompleted": "order_created", "checkoutcomplete": "order_created", "transaction": "order_created",
	"productadded": "items_added", "addedtocart": "items_added",
	"signedup": "registration_completed", "accountcreated": "registration_completed",
	"addtocart": "items_added", "addtobasket": "items_added", "additem": "items_added",
	"initiatecheckout": "checkout_started", "begincheckout": "checkout_started", "startcheckout": "checkout_started",
	"viewcontent": "contents_viewed", "viewitem": "contents_viewed", "productviewed": "contents_viewed",
	"pageview": "page_viewed", "pageviewed": "page_viewed", "viewpage": "page_viewed",
	"lead": "lead_created", "generatelead": "lead_created", "submitform": "lead_created",
	"completeregistration": "registration_completed", "signup": "registration_completed", "register": "registration_completed",
	"subscribe": "subscription_created", "subscription": "subscription_created",
	"starttrial": "trial_started", "trial": "trial_started",
	"schedule": "appointment_scheduled", "bookappointment": "appointment_scheduled",
}

func knownEventNames() []string {
	return append(append([]string(nil), standardEventOrder...), customEvent)
}

func checkEventNames(p *Pass) {
	for _, m := range p.measures() {
		if m.Name == nil || m.Name.IsDynamic() {
			continue // measure-args reports a missing name
		}
		name, ok := m.EventName()
		if !ok {
			p.Report(m.Name.Span, "event name must be a string, got "+describe(m.Name), `use a standard event name such as "order_created", or "custom"`)
			continue
		}
		if shapeFor(name) != "" || serverOnlyEvents[name] {
			continue
		}
		msg, hint := eventNameMessage(name)
		if t := translateCall(m.Call); t != "" && vendorEvents[normalizeName(name)] != "" {
			hint = "send " + t // another pixel's event: the whole call, in one round
		}
		p.Report(m.Name.Span, msg, hint)
	}
}

func eventNameMessage(name string) (string, string) {
	hint := "standard events: " + strings.Join(standardEventOrder, ", ") + `; or "custom" with a custom_event_name option`
	folded := normalizeName(name)
	for _, e := range knownEventNames() {
		if normalizeName(e) == folded {
			if strings.TrimSpace(name) != name && strings.TrimSpace(name) == e {
				return fmt.Sprintf("unknown event name %s: white space around %q", quote(name), e), ""
			}
			return fmt.Sprintf("unknown event name %s; event names are lower snake case: use %q", quote(name), e), ""
		}
	}
	if e, ok := vendorEvents[folded]; ok {
		return fmt.Sprintf("unknown event name %s (another ad pixel's name); use %q", quote(name), e), hint
	}
	if n := nearest(name, knownEventNames()); n != "" {
		return fmt.Sprintf("unknown event name %s; did you mean %q?", quote(name), n), hint
	}
	return fmt.Sprintf("unknown event name %s: the pixel drops it", quote(name)), hint
}

func checkServerOnlyEvents(p *Pass) {
	for _, m := range p.measures() {
		if name, ok := m.EventName(); ok && serverOnlyEvents[name] && m.Side == model.Browser {
			p.Report(m.Name.Span, fmt.Sprintf("%s is not supported by the JavaScript pixel", name),
				"send it from your server through the Conversions API")
		}
	}
}

func typeMissingMessage(v violation) (string, string) {
	m := measureCall{Call: v.call, Name: v.call.Arg(argEvent)}
	if name, ok := m.EventName(); ok {
		if shape := shapeFor(name); shape != "" {
			return "event data has no type", fmt.Sprintf("%s uses the %s shape: add type: %q", name, shape, shape)
		}
	}
	return "event data has no type", `add type: "contents", "customer_action", "plan_enrollment" or "custom"`
}

func typeMismatchMessage(v violation) (string, string) {
	got := describe(v.node)
	name, _ := measureCall{Call: v.call, Name: v.call.Arg(argEvent)}.EventName()
	if shape := shapeFor(name); shape != "" {
		if name == customEvent {
			return fmt.Sprintf("custom events use type %q, got %s", shapeCustom, got), fmt.Sprintf("set type: %q", shapeCustom)
		}
		return fmt.Sprintf("%s uses the %s data shape, got type %s", name, shape, strings.TrimPrefix(got, "the string ")),
			fmt.Sprintf("set type: %q", shape)
	}
	shapes := []string{shapeContents, shapeCustomerAction, shapePlanEnrollment, shapeCustom}
	if s, ok := v.node.StringValue(); ok {
		if n := nearest(s, shapes); n != "" {
			return fmt.Sprintf("type %s is not a data shape; did you mean %q?", quote(s), n), ""
		}
	}
	return fmt.Sprintf("type must be a data shape, got %s", got), "use " + joinQuoted(shapes, "or")
}

// dataAliases are other pixels' event data fields, mapped to ours.
var dataAliases = map[string]string{
	"value": "amount", "price": "amount", "revenue": "amount", "total": "amount", "totalvalue": "amount",
	"contentids": "contents[].id", "contentid": "contents[].id", "itemids": "contents[].id", "productids": "contents[].id",
	"numitems": "contents[].quantity", "quantity": "contents[].quantity", "contentname": "contents[].name",
	"contenttype": "contents[].content_type", "items": "contents", "products": "contents", "lineitems": "contents",
	"currencycode": "currency", "plan": "plan_id", "planid": "plan_id", "planname": "plan_id",
}

func dataUnknownMessage(key, shape string) (string, string) {
	allowed := shapeFields[shape]
	if shape == "event-data" {
		allowed = shapeFields[shapeCustom]
	}
	where := "the " + shape + " data shape"
	hint := fmt.Sprintf("%s takes %s", where, joinQuoted(allowed, "and"))
	if key == "custom_event_name" && shape != shapeCustom && shape != "event-data" {
		return fmt.Sprintf("%q does not belong in the event data, and only custom events take it (as an option)", key),
			`remove it, or send oaiq("measure", "custom", { type: "custom" }, { custom_event_name: … })`
	}
	if contains(optionFields, key) {
		return fmt.Sprintf("%q is an option, not event data: move it to the options object (the fourth argument)", key), ""
	}
	if alias, ok := dataAliases[normalizeName(key)]; ok && alias != key {
		if contains(allowed, strings.SplitN(alias, "[", 2)[0]) {
			return fmt.Sprintf("event data field %q is not supported; did you mean %q?", key, alias), moneyHint(alias, hint)
		}
	}
	var others []string
	for s, fields := range shapeFields {
		if contains(fields, key) {
			others = append(others, s)
		}
	}
	if len(others) > 0 {
		sort.Strings(others)
		return fmt.Sprintf("%q is not a field of %s (only of %s)", key, where, strings.Join(others, " and ")), hint
	}
	if n := nearest(key, allowed); n != "" {
		return fmt.Sprintf("event data field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("event data field %q is not supported by %s", key, where), hint
}

func moneyHint(alias, fallback string) string {
	if alias == "amount" {
		return "amount is an integer in the currency's minor unit: 25.99 USD is amount: 2599, currency: \"USD\""
	}
	return fallback
}

var contentsAliases = map[string]string{
	"price": "amount", "value": "amount", "itemprice": "amount",
	"sku": "id", "productid": "id", "itemid": "id", "contentid": "id",
	"title": "name", "itemname": "name", "productname": "name",
	"qty": "quantity", "count": "quantity", "numitems": "quantity",
	"type": "content_type", "category": "content_type", "contenttype": "content_type",
}

func contentsUnknownMessage(key, index string) (string, string) {
	hint := "contents[] items take " + joinQuoted(contentsFields, "and")
	if alias, ok := contentsAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("contents[%s] field %q is not supported; did you mean %q?", index, key, alias), moneyHint(alias, hint)
	}
	if n := nearest(key, contentsFields); n != "" {
		return fmt.Sprintf("contents[%s] field %q is not supported; did you mean %q?", index, key, n), hint
	}
	return fmt.Sprintf("contents[%s] field %q is not supported", index, key), hint
}

func stringFix(v *model.Value) string {
	if v.Is(model.Number) {
		return fmt.Sprintf("send it as a string: %q", numText(v))
	}
	return "send it as a string"
}

func initFieldTypeMessage(field string, v *model.Value) (string, string) {
	switch field {
	case "pixelId":
		return "pixelId must be a string, got " + describe(v), stringFix(v)
	case "debug":
		return "debug must be a boolean, got " + describe(v), "use debug: true while testing and leave it out in production"
	case "user":
		return "user must be an object, got " + describe(v), `send user: {email_sha256: "…", country: "US"}`
	}
	return field + " has the wrong type: " + describe(v), ""
}
