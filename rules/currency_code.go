package rules

import (
	"fmt"
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

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });`),
		Check: checkCurrencyCodes,
	})
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
	f, ok := v.finding(currencyMessage(fieldPath(v.Loc), v.Node))
	return withFix(f, ok, currencyFix(v.Node))
}

// currencyFix corrects a code isodata knows the fix of (case, white space,
// a retired code's successor): the value becomes valid and means what was
// meant.
func currencyFix(v *model.Value) *model.Fix {
	s, _ := v.StringValue()
	fix, has := isodata.CurrencyFix(s)
	if !has {
		return nil
	}
	return replaceStringFix(v, fix, fmt.Sprintf("write the currency as %q", fix), model.Safe)
}
