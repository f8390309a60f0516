package rules

// amount-expression: money written the way people write it (issue 15).
// An amount computed in code is not known, but how it is computed often
// is: x * 100 for a currency without cents, an unrounded x * 100,
// parseFloat(price), or a literal written with cents (25.00). A rounded
// Math.round(x * 100) with a two-decimal currency is right and is not
// reported at all, not even as a dynamic value.

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
		ID: "amount-expression", Severity: model.Warning,
		Title: "an amount computed or written in a way that gives the wrong number",
		Spec:  "Money: integers in the currency's ISO 4217 minor unit; whenever `amount` is present a `currency` belongs with it.",
		Doc: `An amount must be an integer in the currency's minor unit. Computed
amounts are not known statically, but some ways of computing them are
wrong whatever the price:

- ` + "`price * 100`" + ` for a currency without a minor unit (JPY, KRW) sends
  100 times the amount, and for one with three decimals (KWD) a tenth of it;
- an unrounded ` + "`total * 100`" + ` carries floating-point noise
  (19.99 * 100 is 1998.9999999999998);
- ` + "`parseFloat(price)`" + ` or ` + "`Number(price)`" + ` is the price in major units;
- a literal written with cents (` + "`25.00`" + `) is 25 minor units, not 25.00.

ISO 4217 says how many decimals each currency has. ` + "`Math.round(x * 100)`" + `
with a two-decimal currency is the right form and is not reported.

Bad:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: "USD" });`) + `
Good:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100), currency: "USD" });`),
		Check: checkAmountExpression,
	})
}

func checkAmountExpression(p *Pass) {
	moneyObjects(p, func(m measureCall, path []string, obj *model.Value) {
		f := obj.Field("amount")
		if f == nil {
			return
		}
		cur := currencyFor(m, path, obj)
		if msg, hint, bad := amountForm(f.Value, cur); bad {
			p.ReportFix(f.Value.Span, fmt.Sprintf("%s %s", fieldPath(append(path, "amount")), msg), hint, amountExpressionFix(f.Value, m.Call, cur))
		}
	})
}

// currencyFor is the currency an amount is in: its object's, or for an
// item without one, the event's. "" when not known.
func currencyFor(m measureCall, path []string, obj *model.Value) string {
	if s, ok := obj.Get("currency").StringValue(); ok {
		return strings.TrimSpace(s)
	}
	if len(path) > 0 && m.Data.Is(model.Object) {
		if s, ok := m.Data.Get("currency").StringValue(); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// amountForm judges how an amount is written. bad reports a problem
// (message after the field path, and a hint); judged is true for a
// computed amount whose form is known right, which needs no info either.
func amountForm(v *model.Value, currency string) (msg, hint string, bad bool) {
	msg, hint, bad, _ = judgeAmount(v, currency)
	return msg, hint, bad
}

func judgeAmount(v *model.Value, currency string) (msg, hint string, bad, judged bool) {
	if v == nil {
		return "", "", false, false
	}
	digits, known := isodata.MinorDigits(currency)
	if v.Is(model.Number) {
		raw := strings.TrimSpace(v.Raw)
		if !strings.Contains(raw, ".") || strings.ContainsAny(raw, "eExXoObB_") || v.Num != math.Trunc(v.Num) || known && digits == 0 {
			return "", "", false, false
		}
		if _, _, lost := imprecise("", v); lost {
			return "", "", false, false // digits a number cannot hold: amount-imprecise's finding
		}
		minor, name := toMinor(v.Num, currency)
		return fmt.Sprintf("is written %s, major units with cents: the pixel reads %s minor units, not %s", raw, strconv.FormatFloat(v.Num, 'f', -1, 64), raw),
			fmt.Sprintf("send %s for %s %s", minor, raw, name), true, true
	}
	if !v.IsDynamic() || !known {
		// With the currency unknown, so is the right form.
		return "", "", false, false
	}
	raw := strings.Join(strings.Fields(v.Raw), "")
	// A server template computes in its own language, which prints floats
	// its own way: only its arithmetic's factor is judged.
	templated := strings.HasPrefix(raw, "<") || strings.HasPrefix(raw, "{")
	times100 := timesHundred(raw)
	rounded := false
	for _, fn := range []string{"Math.round(", "Math.floor(", "Math.ceil(", "Math.trunc("} {
		rounded = rounded || strings.HasPrefix(raw, fn) && strings.HasSuffix(raw, ")")
	}
	switch {
	case times100 && known && digits != 2:
		if digits == 0 {
			return fmt.Sprintf("is %s, but %s has no minor unit: the pixel gets 100 times the amount", v.Raw, currency),
				fmt.Sprintf("send whole %s without the * 100, rounded: Math.round(x)", currency), true, true
		}
		return fmt.Sprintf("is %s, but %s has %d decimals: the pixel gets %s the amount", v.Raw, currency, digits, map[bool]string{true: "a tenth of", false: "the wrong multiple of"}[digits == 3]),
			fmt.Sprintf("multiply by %s for %s's %d decimals, rounded: Math.round(x * %s)", strconv.Itoa(int(math.Pow10(digits))), currency, digits, strconv.Itoa(int(math.Pow10(digits)))), true, true
	case times100 && !rounded && !templated:
		return fmt.Sprintf("is %s, not rounded: a price times 100 carries floating-point noise (19.99 * 100 is 1998.9999999999998), which is not an integer", v.Raw),
			fmt.Sprintf("round it: Math.round(%s)", v.Raw), true, true
	case times100 && rounded:
		return "", "", false, digits == 2
	case !rounded && digits > 0 && (strings.HasPrefix(raw, "parseFloat(") || strings.HasPrefix(raw, "Number(")) && strings.HasSuffix(raw, ")"):
		return fmt.Sprintf("is %s, the price in major units as a decimal number (25.99), not an integer in the currency's minor unit", v.Raw),
			fmt.Sprintf("convert it to %s's minor unit: Math.round(%s * %d)", currency, v.Raw, int(math.Pow10(digits))), true, true
	}
	return "", "", false, false
}

// amountExpressionFix writes a judged amount the way its hint says, when
// the currency is a known ISO 4217 code: a literal in major units converted
// to minor units, x * 100 rounded, a parsed decimal scaled and rounded. It
// changes the value sent, so it is unsafe; an amount already scaled for the
// wrong currency (x * 100 for JPY) is left to a person.
func amountExpressionFix(v *model.Value, call *model.Call, currency string) *model.Fix {
	digits, known := isodata.MinorDigits(currency)
	if !known || v == nil || !writtenInCall(v, call) {
		return nil
	}
	if v.Is(model.Number) {
		minor, _ := toMinor(v.Num, currency)
		return model.NewFix("write the amount in minor units: "+minor, model.Unsafe, model.E(model.Whole(v.Span, strings.TrimSpace(v.Raw), minor)))
	}
	if !v.IsDynamic() || v.Raw == "" {
		return nil
	}
	raw := strings.Join(strings.Fields(v.Raw), "")
	for _, fn := range []string{"Math.round(", "Math.floor(", "Math.ceil(", "Math.trunc("} {
		if strings.HasPrefix(raw, fn) {
			return nil
		}
	}
	switch {
	case timesHundred(raw) && digits == 2 && !strings.HasPrefix(raw, "<") && !strings.HasPrefix(raw, "{"):
		return model.NewFix("round the amount: Math.round("+v.Raw+")", model.Unsafe, model.E(model.Whole(v.Span, v.Raw, "Math.round("+v.Raw+")")))
	case digits > 0 && (strings.HasPrefix(raw, "parseFloat(") || strings.HasPrefix(raw, "Number(")) && strings.HasSuffix(raw, ")"):
		to := fmt.Sprintf("Math.round(%s * %d)", v.Raw, int(math.Pow10(digits)))
		return model.NewFix("convert the amount to minor units: "+to, model.Unsafe, model.E(model.Whole(v.Span, v.Raw, to)))
	}
	return nil
}

// timesHundred reports a multiplication by 100 in an expression written
// without spaces: x*100, 100*x.
func timesHundred(raw string) bool {
	for i := strings.Index(raw, "100"); i >= 0; {
		before, after := byte(0), byte(0)
		if i > 0 {
			before = raw[i-1]
		}
		if i+3 < len(raw) {
			after = raw[i+3]
		}
		numberEdge := !(after >= '0' && after <= '9' || after == '.') && !(before >= '0' && before <= '9' || before == '.' || before == '_' || before|0x20 >= 'a' && before|0x20 <= 'z')
		if numberEdge && (before == '*' || after == '*' && (i+4 >= len(raw) || raw[i+4] != '*')) {
			return true
		}
		j := strings.Index(raw[i+3:], "100")
		if j < 0 {
			break
		}
		i += 3 + j
	}
	return false
}

// amountJudged reports an amount at path in a call's argument arg that
// amount-expression judges: a finding of its own, or a right form. The
// dynamic-value info is then not needed.
func amountJudged(c *model.Call, arg int, path []string, n *model.Value) bool {
	if arg != argData || len(path) == 0 || path[len(path)-1] != "amount" || c.Command() != "measure" {
		return false
	}
	data := c.Arg(argData)
	obj := data
	if len(path) == 3 && path[0] == "contents" {
		if cs := data.Get("contents"); cs.Is(model.Array) {
			if i, err := strconv.Atoi(path[1]); err == nil && i < len(cs.Items) {
				obj = cs.Items[i]
			}
		}
	} else if len(path) != 1 {
		return false
	}
	m := measureCall{Call: c, Data: data}
	_, _, _, judged := judgeAmount(n, currencyFor(m, path[:len(path)-1], obj))
	return judged
}
