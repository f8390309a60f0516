package rules

import (
	"strings"
	"unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
)

// nearest returns the candidate closest to s by edit distance, ignoring
// case, when it is close enough to be a typo (at most a third of the
// longer word, and at most 3 edits); "" otherwise.
func nearest(s string, candidates []string) string {
	best, bestD := "", 4
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := suggest.Distance(ls, strings.ToLower(c))
		limit := max(len(ls), len(c)) / 3
		if d <= limit && d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

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
