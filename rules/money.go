package rules

// Amounts and currencies: integers in the currency's minor unit, ISO 4217
// codes. The messages do the arithmetic for the developer.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

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

func negativeMessage(path, field string, v *model.Value) (string, string) {
	if field == "quantity" {
		return fmt.Sprintf("%s is %s; a quantity is at least 1", path, numText(v)), "leave out items that were not bought"
	}
	return fmt.Sprintf("%s is negative (%s); a conversion's value is not", path, numText(v)), "send the value of the conversion as a positive integer"
}

func currencyMessage(path string, v *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return fmt.Sprintf("%s must be an ISO 4217 code string, got %s", path, describe(v)), `send a code such as "USD"`
	}
	if fix, has := isodata.CurrencyFix(s); has {
		if fix == strings.ToUpper(strings.TrimSpace(s)) {
			return caseOrSpaceMessage(path, fix, s), ""
		}
		return fmt.Sprintf("%s %s is not an active ISO 4217 code; use %q", path, quote(s), fix), ""
	}
	return fmt.Sprintf("%s %s is not an active ISO 4217 currency code", path, quote(s)),
		`send the three-letter code in upper case, such as "USD", "EUR" or "JPY"`
}

// caseOrSpaceMessage says what is wrong with a code that is right but for
// its letter case or the white space around it.
func caseOrSpaceMessage(path, fix, got string) string {
	if strings.TrimSpace(got) != got {
		return fmt.Sprintf("%s has white space around the code: use %q, not %s", path, fix, quote(got))
	}
	return fmt.Sprintf("%s must be upper case: use %q, not %s", path, fix, quote(got))
}

// moneyObjects calls fn for event data and each of its contents items,
// with the path to the object.
func moneyObjects(p *Pass, fn func(m measureCall, path []string, obj *model.Value)) {
	for _, m := range p.measures() {
		if !m.Data.Is(model.Object) {
			continue
		}
		fn(m, nil, m.Data)
		if cs := m.Data.Get("contents"); cs.Is(model.Array) {
			for i, it := range cs.Items {
				if it.Is(model.Object) {
					fn(m, []string{"contents", strconv.Itoa(i)}, it)
				}
			}
		}
	}
}

// checkCurrencyCodes finds well-formed codes that are not active ISO 4217
// codes; malformed ones are the schema stage's.
func checkCurrencyCodes(p *Pass) {
	moneyObjects(p, func(_ measureCall, path []string, obj *model.Value) {
		v := obj.Get("currency")
		s, ok := v.StringValue()
		if !ok || len(s) != 3 || !isUpperASCII(s) || isodata.IsCurrency(s) {
			return // malformed codes are the schema stage's
		}
		msg, hint := currencyMessage(fieldPath(append(path, "currency")), v)
		p.Report(v.Span, msg, hint)
	})
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// checkCurrencyMissing warns about an amount with no currency beside it (an
// item may rely on the event's currency). Open objects may hold one.
func checkCurrencyMissing(p *Pass) {
	moneyObjects(p, func(m measureCall, path []string, obj *model.Value) {
		f := obj.Field("amount")
		if f == nil || obj.Open || obj.Field("currency") != nil {
			return
		}
		if len(path) > 0 && (m.Data.Open || m.Data.Field("currency") != nil) {
			return
		}
		p.Report(f.KeySpan, fmt.Sprintf("%s has no currency: %s", fieldPath(append(path, "amount")), withoutCurrency(f.Value)),
			`add currency beside it, such as currency: "USD"`)
	})
}

// withoutCurrency says what the amount found means in two currencies, or
// what it is when it is no integer.
func withoutCurrency(v *model.Value) string {
	if !v.IsInteger() || math.Abs(v.Num) > maxSafeInteger {
		return describe(v) + " means nothing without one"
	}
	n := numText(v)
	usd, _ := toMajor(v.Num, "USD")
	return fmt.Sprintf("%s is %s in USD but %s in JPY", n, usd, strconv.FormatFloat(v.Num, 'f', -1, 64))
}

// toMajor is a minor-unit amount in the currency's major unit.
func toMajor(minor float64, currency string) (string, bool) {
	digits, ok := isodata.MinorDigits(currency)
	if !ok {
		return "", false
	}
	return strconv.FormatFloat(minor/math.Pow10(digits), 'f', digits, 64), true
}
