package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "amount-not-integer", Severity: model.Error,
		Schema: schemaAmountNotInteger,
		Title:  "amount or quantity not an integer",
		Spec:   "Use integer values for amount and quantity.",
		Doc: `Amounts are integers in the currency's minor unit (2599 is 25.99 USD),
quantities are whole numbers. A float, a numeric string or NaN is rejected.
Multiplying by 100 in JavaScript leaves float noise (19.99 * 100 is
1998.9999999999998): round it.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" }); // Math.round(25.99 * 100)`),
	})
}

// amountMessage explains why an amount or quantity is not an integer and
// what to send instead.
func amountMessage(path, field string, v *model.Value, currency string) (string, string) {
	if v.Is(model.Number) && math.IsNaN(v.Num) {
		return fmt.Sprintf("%s is NaN (a failed number conversion); it must be an integer", path),
			"check the value before sending, and leave the field out when it is unknown"
	}
	if s, ok := v.StringValue(); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Sprintf("%s must be an integer, got %s", path, describe(v)),
				"send the amount as a number in the currency's minor unit, such as 2599 for 25.99 USD"
		}
		if field == "amount" && f != math.Trunc(f) {
			minor, cur := toMinor(f, currency)
			return fmt.Sprintf("%s must be an integer in the currency's minor unit, not a string; got %s", path, quote(s)),
				fmt.Sprintf("send %s for %s %s", minor, strings.TrimSpace(s), cur)
		}
		return fmt.Sprintf("%s must be a number, not a string; got %s", path, quote(s)),
			fmt.Sprintf("send %s: %s", field, strconv.FormatFloat(f, 'f', -1, 64))
	}
	if !v.Is(model.Number) {
		return fmt.Sprintf("%s must be an integer, got %s", path, describe(v)), ""
	}
	raw := numText(v)
	if math.IsInf(v.Num, 0) {
		inf := "Infinity"
		if v.Num < 0 {
			inf = "-Infinity"
		}
		return fmt.Sprintf("%s is %s, which overflows to %s; it must be an integer", path, raw, inf),
			"send the amount in the currency's minor unit, such as 2599 for 25.99 USD"
	}
	if r := math.Round(v.Num); math.Abs(v.Num-r) < 1e-6 {
		cause := "floating-point noise"
		if strings.Contains(raw, "100") {
			cause += " from multiplying by 100"
		}
		return fmt.Sprintf("%s is %s, %s; it must be an integer", path, raw, cause),
			fmt.Sprintf("round it: Math.round(x) gives %s", strconv.FormatFloat(r, 'f', -1, 64))
	}
	if field == "quantity" {
		return fmt.Sprintf("%s must be a whole number, got %s", path, raw), ""
	}
	minor, cur := toMinor(v.Num, currency)
	msg := fmt.Sprintf("%s must be an integer in the currency's minor unit, got %s", path, raw)
	if d, ok := isodata.MinorDigits(currency); ok && d == 0 {
		return msg, fmt.Sprintf("%s has no minor unit: send a whole number of %s, such as %s", currency, currency, minor)
	}
	return msg, fmt.Sprintf("send %s for %s %s", minor, raw, cur)
}

// toMinor converts a major-unit amount to the currency's minor unit, and
// names the currency for the message.
func toMinor(major float64, currency string) (minor, name string) {
	digits, ok := isodata.MinorDigits(currency)
	name = currency
	if !ok {
		digits, name = 2, "in a currency with cents, such as USD"
	}
	m := math.Round(major * math.Pow10(digits))
	return strconv.FormatFloat(m, 'f', -1, 64), name
}

func schemaAmountNotInteger(v *SchemaViolation) (model.Finding, bool) {
	field, ok := v.dataField()
	if _, minimum := v.Kind.(*kind.Minimum); !ok || minimum || (field != "amount" && field != "quantity") {
		return model.Finding{}, false
	}
	f, ok := v.finding(amountMessage(fieldPath(v.Loc), field, v.Node, currencyBeside(v)))
	if field != "amount" {
		return f, ok
	}
	return withFix(f, ok, amountMinorFix(v.Node, v.Call, currencyBeside(v)))
}

// writtenInCall reports whether an amount is written inside the call that
// sends it. One read from a binding declared elsewhere (const data = {…}
// passed to oaiq, a shared const, a member written later) may be what
// other code reads too: an edit there would change what that code sees,
// so the amount fixes are offered only for amounts written in the call.
func writtenInCall(v *model.Value, call *model.Call) bool {
	return v != nil && call != nil && !call.Span.Start.IsZero() && v.Span.File == call.Span.File &&
		!v.Span.Start.Before(call.Span.Start) && !call.Span.End.Before(v.Span.End)
}

// amountMinorFix turns a literal amount in major units into the integer of
// the currency's minor unit, when the currency is a literal ISO 4217 code
// (its digits are then known; no fix otherwise). Unsafe: it changes the
// number sent, which is what is wrong, but a person confirms the unit.
func amountMinorFix(v *model.Value, call *model.Call, currency string) *model.Fix {
	if _, known := isodata.MinorDigits(currency); !known || !v.Is(model.Number) || math.IsNaN(v.Num) || math.IsInf(v.Num, 0) || !writtenInCall(v, call) {
		return nil
	}
	raw := strings.TrimSpace(v.Raw)
	if _, err := strconv.ParseFloat(raw, 64); err != nil || v.Num < 0 {
		return nil // computed, or negative: amount-negative's
	}
	minor, _ := toMinor(v.Num, currency)
	return model.NewFix(fmt.Sprintf("send %s (%s in %s's minor unit)", minor, raw, currency), model.Unsafe, model.E(model.Whole(v.Span, raw, minor)))
}

// currencyBeside returns the currency an amount is in: the one beside it,
// or for a contents item the event's.
func currencyBeside(v *SchemaViolation) string {
	m, _ := asMeasure(v.Call)
	data := m.Data
	parent := data.At(v.Loc[:len(v.Loc)-1])
	if c, ok := parent.Get("currency").StringValue(); ok {
		return c
	}
	c, _ := data.Get("currency").StringValue()
	return c
}
