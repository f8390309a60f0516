package rules

import (
	"fmt"
	"math"
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "currency-missing", Severity: model.Warning,
		Title: "an amount without a currency beside it",
		Spec:  "oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"USD\" }); (every example amount has its currency)",
		Doc: `An amount means nothing without its currency: 2599 is 25.99 USD but 2599
JPY. A currency written under another name (` + "`curency`, `currencyCode`" + `) is
the unknown field's finding, with its rename, not this one.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599 });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });`),
		Check: checkCurrencyMissing,
	})
}

// checkCurrencyMissing warns about an amount with no currency beside it (an
// item may rely on the event's currency). Open objects may hold one, and a
// misspelt currency is reported as such.
func checkCurrencyMissing(p *Pass) {
	moneyObjects(p, func(m measureCall, path []string, obj *model.Value) {
		f := obj.Field("amount")
		if f == nil || obj.Open || obj.Field("currency") != nil || misspeltCurrency(obj) {
			return
		}
		if len(path) > 0 && (m.Data.Open || m.Data.Field("currency") != nil || misspeltCurrency(m.Data)) {
			return
		}
		p.Report(f.KeySpan, fmt.Sprintf("%s has no currency: %s", fieldPath(append(path, "amount")), withoutCurrency(f.Value)),
			`add currency beside it, such as currency: "USD"`)
	})
}

// misspeltCurrency reports a member that is the currency under another
// name (curency, currencyCode): the unknown-field finding beside it, with
// its rename, says all there is to say.
func misspeltCurrency(obj *model.Value) bool {
	for _, f := range obj.Fields {
		if meantKey(f.Key, []string{"currency"}) == "currency" || dataAliases[normalizeName(f.Key)] == "currency" {
			return true
		}
	}
	return false
}

// withoutCurrency says what the amount found means in two currencies, or
// what it is when it is no integer.
func withoutCurrency(v *model.Value) string {
	if !v.IsInteger() || math.Abs(v.Num) > maxSafeInteger {
		return describe(v) + " means nothing without one"
	}
	usd, _ := toMajor(v.Num, "USD")
	return fmt.Sprintf("%s is %s in USD but %s in JPY", numText(v), usd, strconv.FormatFloat(v.Num, 'f', -1, 64))
}
