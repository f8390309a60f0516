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

// moneyHint is the hint for a money field written under another name.
func moneyHint(alias, fallback string) string {
	if alias == "amount" {
		return "amount is an integer in the currency's minor unit: 25.99 USD is amount: 2599, currency: \"USD\""
	}
	return fallback
}

// toMajor is a minor-unit amount in the currency's major unit.
func toMajor(minor float64, currency string) (string, bool) {
	digits, ok := isodata.MinorDigits(currency)
	if !ok {
		return "", false
	}
	return strconv.FormatFloat(minor/math.Pow10(digits), 'f', digits, 64), true
}
