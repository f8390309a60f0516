package rules

// Amounts a JavaScript number cannot hold: the pixel receives another
// value than the one written, and nothing says so.

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// maxSafeInteger is Number.MAX_SAFE_INTEGER (2^53 − 1): beyond it a
// JavaScript number no longer holds every integer.
const maxSafeInteger = 1<<53 - 1

var amountImprecise = &Rule{
	ID:       "amount-imprecise",
	Severity: model.Error,
	Title:    "an amount or quantity a JavaScript number cannot hold exactly",
	Spec:     "Use integer values for amount and quantity.",
	Doc: `Amounts and quantities are JavaScript numbers, which hold integers
exactly only up to 2^53 − 1 (9007199254740991) and about 16 significant
digits. A longer literal is rounded when the page is parsed, before any
code runs: 9007199254740993 becomes 9007199254740992 and
18999.000000000000001 becomes 18999, so the pixel receives another value
than the one written, silently. An amount that large is usually an order
id or a value in the wrong unit.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 9007199254740993, currency: "USD" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
	Check: checkAmountImprecise,
}

func init() { register(amountImprecise) }

func checkAmountImprecise(p *Pass) {
	moneyObjects(p, func(_ measureCall, path []string, obj *model.Value) {
		for _, field := range []string{"amount", "quantity"} {
			v := obj.Get(field)
			// Only integers as parsed: a fraction is amount-not-integer's.
			if !v.IsInteger() {
				continue
			}
			if msg, hint, bad := imprecise(fieldPath(append(path, field)), v); bad {
				p.Report(v.Span, msg, hint)
			}
		}
	})
}

// imprecise says whether the number v holds is not the one its literal
// wrote, or is beyond the integers a number holds exactly.
func imprecise(path string, v *model.Value) (msg, hint string, bad bool) {
	if shortInteger(v.Raw) {
		return "", "", false // held exactly: the common case, told without big numbers
	}
	held := strconv.FormatFloat(v.Num, 'f', -1, 64)
	if written, ok := literalValue(v.Raw); ok {
		if exact := new(big.Rat).SetFloat64(v.Num); exact != nil && written.Cmp(exact) != 0 {
			return fmt.Sprintf("%s is written %s, but a JavaScript number cannot hold it: the pixel receives %s", path, v.Raw, held),
				imprecisionHint(v.Num, held), true
		}
	}
	if math.Abs(v.Num) > maxSafeInteger {
		return fmt.Sprintf("%s is %s, beyond 2^53 − 1 (9007199254740991), where JavaScript numbers no longer hold every integer", path, numText(v)),
			imprecisionHint(v.Num, held), true
	}
	return "", "", false
}

// shortInteger: raw is a decimal integer of at most 15 digits (below
// 2^53), which a number holds exactly.
func shortInteger(raw string) bool {
	digits := strings.TrimPrefix(raw, "-")
	if digits == "" || len(digits) > 15 {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

func imprecisionHint(n float64, held string) string {
	if math.Abs(n) > maxSafeInteger {
		return "a value this large is usually an order id or a value in the wrong unit: send amounts in the currency's minor unit (2599 for 25.99 USD) and quantities as item counts"
	}
	return "write the value the pixel really receives (" + held + "): the digits after it are lost when the page is parsed"
}

// literalValue is the exact value of a decimal number literal as written
// (digit separators allowed); false for expressions, hexadecimal and other
// forms, which are not checked.
func literalValue(raw string) (*big.Rat, bool) {
	lit := strings.ReplaceAll(raw, "_", "")
	if lit == "" || strings.ContainsAny(lit, "xXoObBnN") || isExpression(raw) {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(lit)
	return r, ok
}
