package rules

import "testing"

// howMade reads the last step of an amount's code by JavaScript's
// precedence: a member access binds tighter than a unary +, | 0 looser
// than * 100 (review F4).
func TestHowAnAmountIsMade(t *testing.T) {
	for _, tc := range []struct {
		code    string
		made    amountMade
		operand string
	}{
		{"+(price * 100).toFixed(0)", madeRounded, "(price * 100).toFixed(0)"},
		{"(price * 100).toFixed(0) * 1", madeRounded, "(price * 100).toFixed(0)"},
		{"1 * (price * 100).toFixed(0)", madeRounded, "(price * 100).toFixed(0)"},
		{"(price * 100).toFixed(0) - 0", madeRounded, "(price * 100).toFixed(0)"},
		{"Number((price * 100).toFixed(0))", madeRounded, "(price * 100).toFixed(0)"},
		{"parseInt((price * 100).toFixed(0), 10)", madeRounded, "(price * 100).toFixed(0)"},
		{"Math.round(price * 100)", madeRounded, "price * 100"},
		{"( Math.round( (price * 100) ) )", madeRounded, "price * 100"},
		{"+price.toFixed(2)", madeDecimal, "price.toFixed(2)"},
		{"~~(price * 100)", madeTruncated, "price * 100"},
		{"price * 100 | 0", madeTruncated, "price * 100"},
		{"0 | price * 100", madeTruncated, "price * 100"},
		{"(price * 100) >> 0", madeTruncated, "price * 100"},
		{"price * 100 >>> 0", madeTruncated, "price * 100"},
		{"Math.trunc(price * 100)", madeTruncated, "price * 100"},
		{"Math.floor(price * 100)", madeTruncated, "price * 100"},
		{"parseInt(price * 100)", madeTruncated, "price * 100"},
		{"Math.ceil(price * 100)", madeCeiled, "price * 100"},
		{"{{ cart.total }} * 100 | 0", madeTruncated, "{{ cart.total }} * 100"},
		// Integers combined are integers (review F4 must not make these "not rounded").
		{"Math.round(a * 100) + Math.round(b * 100)", madeRounded, ""},
		{"Math.round(a * 100) * 2", madeRounded, ""},
		{"paid ? Math.round(a * 100) : 0", madeRounded, ""},
		{"a ? b ? Math.round(x * 100) : 1 : 0", madeRounded, ""},
		{"paid ? a * 100 : 0", madeOther, ""},
		{"Math.round(a * 100) + shipping", madeOther, ""},
		{"Math.round(a * 100) / 2", madeOther, ""},
		{"x?.y ?? 0", madeOther, ""},
		// Not a last step that makes an integer.
		{"price * 100 || 0", madeOther, ""},
		{"price * 100", madeOther, ""},
		{"(price * 100).toFixed(0)", madeOther, ""},
		{"Math.round(price) * 100", madeRounded, ""}, // an integer (whole units times 100)
		{"f(x)(y)", madeOther, ""},
		{"Math.round(a)(b)", madeOther, ""},
		{"price * 100 + tax | 1", madeOther, ""},
		{"\"a|0\"", madeOther, ""},
		{"-x * 1", madeOther, ""},
		{"x++ + 0", madeOther, ""},
	} {
		made, operand := howMade(tc.code)
		if made != tc.made || operand != tc.operand {
			t.Errorf("%s: %v %q, want %v %q", tc.code, made, operand, tc.made, tc.operand)
		}
	}
}

func TestCutsAPrice(t *testing.T) {
	for code, want := range map[string]bool{
		"price * 100":              true,
		"100 * cart.total":         true,
		"Math.round(price * 100)":  false,
		"order.totalCents":         false,
		"Math.floor(price * 100)":  false, // a truncation of a truncation: the inner one is reported
		"price * 1000":             false,
		"{{ cart.total }} * 100":   true,
		"<%= order.total * 100 %>": false, // the server template's arithmetic
	} {
		if got := cutsAPrice(code); got != want {
			t.Errorf("%s: %v, want %v", code, got, want)
		}
	}
}
