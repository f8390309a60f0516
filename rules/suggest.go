package rules

import (
	"strings"
	"unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
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

// meantKey is the allowed key a misspelt one stands for, when renaming it
// is sure enough to be a safe fix: the same name in another case or
// separator style (pixelID, eventId, contentType), or one slip of the
// keyboard in a name of five letters or more (curency, amuont) that only
// one allowed key is that close to. "" otherwise: a guess at another name
// (value for amount) is the message's, not a fix.
func meantKey(key string, allowed []string) string {
	folded := normalizeName(key)
	for _, a := range allowed {
		if normalizeName(a) == folded {
			return a
		}
	}
	if len(key) < 5 {
		return ""
	}
	meant := ""
	for _, a := range allowed {
		if suggest.Distance(strings.ToLower(key), strings.ToLower(a)) == 1 {
			if meant != "" {
				return ""
			}
			meant = a
		}
	}
	return meant
}
