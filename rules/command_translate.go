package rules

// Other vendors' calls translated in one step (issue 15): a call written
// for another ad pixel, oaiq('track', 'Purchase', { value: 189.99,
// currency: 'USD', content_ids: ['tent-2p'], num_items: 1 }), gets one
// finding whose hint is the whole call the pixel expects, so that one
// round of fixes is enough.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// translateFix replaces another vendor's call with its translation t.
// Unsafe: names and values change (a foreign value → amount in minor
// units; the pixel's own amount is kept as written). The
// call's text must read as a call of the pixel's function holding the
// command as written, so a span that is not the call (a source map off by
// some characters, a call assembled from strings) gets no fix.
func translateFix(doc *model.Document, c *model.Call, t string) *model.Fix {
	if doc == nil || doc.Text == nil || t == "" || c.Span.Start.IsZero() {
		return nil
	}
	text, ok := doc.Text(c.Span)
	cmd, _ := doc.Text(c.Arg(0).Span)
	if !ok || cmd == "" || !strings.HasSuffix(text, ")") || !strings.Contains(text, "oaiq(") || !strings.Contains(text, cmd) {
		return nil
	}
	open := strings.Index(text, "oaiq(")
	return model.NewFix("translate the call: "+t, model.Unsafe, model.E(model.Whole(c.Span, text, text[:open]+t)))
}

// translateCall returns the call c written for the pixel, or "" when its
// command is not measure or another vendor's, or its event is not known.
func translateCall(c *model.Call) string {
	cmd, ok := c.Arg(0).StringValue()
	if !ok || cmd != "measure" && commandAliases[normalizeName(cmd)] != "measure" {
		return ""
	}
	name, ok := c.Arg(1).StringValue()
	if !ok {
		return ""
	}
	var opts []string
	event := ""
	switch folded := normalizeName(name); {
	case folded == "trackcustom" || normalizeName(cmd) == "trackcustom":
		event = pixel.CustomEvent
		opts = append(opts, "custom_event_name: "+strconv.Quote(name))
	case vendorEvents[folded] != "":
		event = vendorEvents[folded]
	default:
		for _, e := range knownEventNames() {
			if normalizeName(e) == folded {
				event = e
			}
		}
	}
	if event == "" {
		return ""
	}
	shape := pixel.ShapeOf(event)
	data := c.Arg(2)
	if data == nil {
		data = &model.Value{Kind: model.Object}
	}
	if !data.Is(model.Object) || data.Open {
		return "" // not an object the translation can read whole
	}
	fields := []string{"type: " + strconv.Quote(shape)}
	currency, currencyText, ok := translatedCurrency(data.Get("currency"))
	if !ok {
		return ""
	}
	if v := firstOf(data, "value", "revenue", "price", "total"); v != nil {
		amount, ok := minorAmount(v, currency)
		if !ok {
			return ""
		}
		fields = append(fields, "amount: "+amount)
	} else if v := data.Get("amount"); v != nil {
		// The pixel's own field, in minor units already: kept as written
		// (amount-not-integer and amount-expression judge it).
		amount, ok := writtenAmount(v)
		if !ok {
			return ""
		}
		fields = append(fields, "amount: "+amount)
	}
	if currencyText != "" {
		fields = append(fields, "currency: "+currencyText)
	}
	if shape == pixel.ShapeContents || shape == pixel.ShapeCustom {
		items, ok := translatedContents(data)
		if !ok {
			return ""
		}
		if items != "" {
			fields = append(fields, "contents: "+items)
		}
	}
	if o := c.Arg(3); o.Is(model.Object) {
		if id, ok := firstOf(o, "eventID", "event_id", "eventId").StringValue(); ok {
			opts = append(opts, "event_id: "+strconv.Quote(id))
		}
	}
	call := fmt.Sprintf("oaiq(%q, %q, { %s }", "measure", event, strings.Join(fields, ", "))
	if len(opts) > 0 {
		call += ", { " + strings.Join(opts, ", ") + " }"
	}
	return call + ")"
}

// translatedCurrency is the currency of another pixel's data as the
// translation writes it (review F7: a translation carries every field it
// reads, or the fix loses data): a code in another letter case upper-cased,
// any other string as written (currency-code then says what is wrong with
// it), a computed one as its code. code is the ISO 4217 code the amount is
// scaled for, "" when not known. ok is false for a value that cannot be
// written back.
func translatedCurrency(v *model.Value) (code, text string, ok bool) {
	if v == nil {
		return "", "", true
	}
	if s, isStr := v.StringValue(); isStr {
		if up := strings.ToUpper(strings.TrimSpace(s)); isodata.IsCurrency(up) {
			return up, strconv.Quote(up), true
		}
		return "", strconv.Quote(s), true
	}
	if w := writtenCode(v.Raw); v.IsDynamic() && w != "" {
		return "", w, true
	}
	return "", "", false
}

// firstOf returns the first member of obj named one of keys.
func firstOf(obj *model.Value, keys ...string) *model.Value {
	for _, k := range keys {
		if v := obj.Get(k); v != nil {
			return v
		}
	}
	return nil
}

// minorAmount writes a major-unit price in the currency's minor unit: a
// number converted, an expression rounded in code.
func minorAmount(v *model.Value, currency string) (string, bool) {
	digits, known := isodata.MinorDigits(currency)
	if !known {
		digits = 2
	}
	switch {
	case v.Is(model.Number) && !math.IsNaN(v.Num) && !math.IsInf(v.Num, 0):
		return strconv.FormatFloat(math.Round(v.Num*math.Pow10(digits)), 'f', -1, 64), true
	case v.IsDynamic() && v.Raw != "":
		if digits == 0 {
			return "Math.round(" + v.Raw + ")", true
		}
		return fmt.Sprintf("Math.round(%s * %d)", v.Raw, int(math.Pow10(digits))), true
	}
	return "", false
}

// writtenAmount is an amount as its code writes it: a number's literal or
// expression, a computed value's text.
func writtenAmount(v *model.Value) (string, bool) {
	switch {
	case v.Is(model.Number) && v.Raw != "":
		return strings.TrimSpace(v.Raw), true
	case v.Is(model.Number) && !math.IsNaN(v.Num) && !math.IsInf(v.Num, 0):
		return strconv.FormatFloat(v.Num, 'f', -1, 64), true
	case v.IsDynamic() && v.Raw != "":
		return v.Raw, true
	}
	return "", false
}

// translatedContents writes the items of another pixel's data as the
// pixel's contents: content_ids with num_items, or contents/items arrays
// of objects with an id and a quantity. "" when there are none.
func translatedContents(data *model.Value) (string, bool) {
	var items []string
	item := func(id, qty *model.Value) bool {
		ids, ok := literalText(id)
		if !ok {
			return false
		}
		q := "1"
		if qty != nil {
			if q, ok = literalText(qty); !ok {
				return false
			}
		}
		items = append(items, fmt.Sprintf("{ id: %s, quantity: %s }", ids, q))
		return true
	}
	if ids := data.Get("content_ids"); ids.Is(model.Array) && !ids.Open {
		var qty *model.Value
		if len(ids.Items) == 1 {
			qty = firstOf(data, "num_items", "quantity")
		}
		for _, id := range ids.Items {
			if !item(id, qty) {
				return "", false
			}
		}
	} else if list := firstOf(data, "contents", "items"); list.Is(model.Array) && !list.Open {
		for _, it := range list.Items {
			if !it.Is(model.Object) || !item(firstOf(it, "id", "item_id", "content_id", "sku"), firstOf(it, "quantity", "qty")) {
				return "", false
			}
		}
	}
	if len(items) == 0 {
		return "", true
	}
	return "[" + strings.Join(items, ", ") + "]", true
}

// literalText writes a known string or number as code, or the expression
// of a computed one.
func literalText(v *model.Value) (string, bool) {
	switch {
	case v == nil:
		return "", false
	case v.Is(model.String):
		return strconv.Quote(v.Str), true
	case v.Is(model.Number):
		return numText(v), true
	case v.IsDynamic() && v.Raw != "":
		return v.Raw, true
	}
	return "", false
}
