package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "currency-code", Severity: model.Error,
		Schema: schemaCurrencyCode,
		Title:  "currency not an active ISO 4217 code in upper case",
		Spec:   "amount: 2599, currency: \"USD\" (the documentation's examples use ISO 4217 codes)",
		Doc: `Currency is an active ISO 4217 code in upper case. Symbols, names,
lower case and retired codes are not.

Lower case, white space and another name of the same money (` + "`RMB`" + ` for
` + "`CNY`" + `) get a safe fix. A retired code was replaced by another currency
at a fixed rate (` + "`HRK`" + `: 7.53450 to the euro), and a symbol such as ` + "`$`" + `
stands for several: writing the successor's or the usual code leaves the
amount as it is, which is right only if the amount is in that currency
already. Those fixes are unsafe, and a retired code's hint gives the rate
and the converted amount.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });`) + `
Bad, a retired code:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 75000, currency: "HRK" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });`),
		Check: checkCurrencyCodes,
	})
}

// currencyMessage says what is wrong with a currency; amount is the
// amount beside it (nil when there is none), which a retired code's hint
// converts.
func currencyMessage(path string, v, amount *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return fmt.Sprintf("%s must be an ISO 4217 code string, got %s", path, describe(v)), `send a code such as "USD"`
	}
	if r, retired := isodata.Retired(s); retired {
		old := strings.ToUpper(strings.TrimSpace(s))
		hint := fmt.Sprintf("%s was replaced by %s at %s %s = 1 %s: an amount still in %s must be converted too", old, r.Code, r.Rate, old, r.Code, old)
		if n, ok := convertedAmount(amount, r); ok {
			hint += fmt.Sprintf(" (amount %s in %s is %s in %s)", numText(amount), old, n, r.Code)
		}
		return fmt.Sprintf("%s %s is a retired ISO 4217 code; use %q", path, quote(s), r.Code), hint
	}
	if usual, others, ambiguous := isodata.AmbiguousSymbol(s); ambiguous {
		return fmt.Sprintf("%s %s is a symbol, not an ISO 4217 code; use %q if the prices are in that currency", path, quote(s), usual),
			fmt.Sprintf("%s is also the symbol of %s: send the code of the currency the amount is in", strings.TrimSpace(s), others)
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

// convertedAmount is an integer amount in a retired currency's minor unit
// converted at the changeover's rate to its successor's minor unit.
func convertedAmount(amount *model.Value, r isodata.Replacement) (string, bool) {
	digits, ok := isodata.MinorDigits(r.Code)
	rate, err := strconv.ParseFloat(r.Rate, 64)
	if !ok || err != nil || !amount.IsInteger() || math.Abs(amount.Num) > maxSafeInteger {
		return "", false
	}
	n := math.Round(amount.Num / math.Pow10(r.OldDigits) / rate * math.Pow10(digits))
	return strconv.FormatFloat(n, 'f', -1, 64), true
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
		msg, hint := currencyMessage(fieldPath(append(path, "currency")), v, obj.Get("amount"))
		p.ReportFix(v.Span, msg, hint, currencyFix(v))
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

func schemaCurrencyCode(v *SchemaViolation) (model.Finding, bool) {
	if field, ok := v.dataField(); !ok || field != "currency" {
		return model.Finding{}, false
	}
	f, ok := v.finding(currencyMessage(fieldPath(v.Loc), v.Node, amountBeside(v)))
	return withFix(f, ok, currencyFix(v.Node))
}

// amountBeside is the amount in the object holding a violation's value,
// or nil.
func amountBeside(v *SchemaViolation) *model.Value {
	m, _ := asMeasure(v.Call)
	if len(v.Loc) == 0 {
		return nil
	}
	return m.Data.At(v.Loc[:len(v.Loc)-1]).Get("amount")
}

// currencyFix corrects a code isodata knows the fix of. Case, white space
// and another spelling of the same currency make the value valid and mean
// what was meant: safe. A retired code's successor and the usual currency
// of a symbol several write are another currency unless the amount is
// converted or was in that one: unsafe, for a person to confirm.
func currencyFix(v *model.Value) *model.Fix {
	s, _ := v.StringValue()
	fix, has := isodata.CurrencyFix(s)
	if !has {
		return nil
	}
	if _, retired := isodata.Retired(s); retired {
		return replaceStringFix(v, fix, fmt.Sprintf("write the currency as %q (the amount is not converted)", fix), model.Unsafe)
	}
	if _, _, ambiguous := isodata.AmbiguousSymbol(s); ambiguous {
		return replaceStringFix(v, fix, fmt.Sprintf("write the currency as %q (if the prices are in that currency)", fix), model.Unsafe)
	}
	return replaceStringFix(v, fix, fmt.Sprintf("write the currency as %q", fix), model.Safe)
}
