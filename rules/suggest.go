package rules

import (
	"strings"
	"unicode"
)

// normalizeName folds case and drops separators, so "AddToCart",
// "add_to_cart" and "add-to-cart" compare equal.
func normalizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
