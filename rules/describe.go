package rules

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// describe names a value for a message: its kind and, for scalars, the
// value itself, redacted and shortened.
func describe(v *model.Value) string {
	if v == nil {
		return "nothing"
	}
	switch v.Kind {
	case model.String:
		return "the string " + quote(v.Str)
	case model.Number:
		if math.IsNaN(v.Num) {
			return "NaN"
		}
		return "the number " + numText(v)
	case model.Bool:
		return "the boolean " + strconv.FormatBool(v.Bool)
	case model.Null:
		return "null"
	case model.Undefined:
		return "undefined"
	case model.Array:
		return "an array"
	case model.Object:
		return "an object"
	case model.Dynamic:
		return "the expression " + quote(v.Raw)
	}
	return "a " + v.Kind.String()
}

// quote quotes a value from the input for a message: personal data is
// redacted and long text shortened.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 48 {
		s = string(r[:45]) + "…"
	}
	return strconv.Quote(pii.Redact(s))
}

// numText is how a number was written, or its shortest form.
func numText(v *model.Value) string {
	value := strconv.FormatFloat(v.Num, 'g', -1, 64)
	switch {
	case v.Raw == "":
		return value
	case isExpression(v.Raw):
		// A folded expression: show what it computes to at runtime.
		return v.Raw + " = " + value
	}
	return v.Raw
}

// fieldPath names a node below an argument the way a developer writes it:
// "contents[0].amount", "user.email_sha256".
func fieldPath(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if _, err := strconv.Atoi(t); err == nil {
			fmt.Fprintf(&b, "[%s]", t)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

// joinQuoted lists names as "a", "b" or "c".
func joinQuoted(names []string, last string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + last + " " + q[len(q)-1]
}

// isExpression tells a folded expression ("19.99 * 100") from a number
// literal as written ("25.99", "-1", "0x1F", "1_000").
func isExpression(raw string) bool {
	lit := strings.TrimPrefix(strings.ReplaceAll(raw, "_", ""), "-")
	if _, err := strconv.ParseFloat(lit, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		return false
	}
	l := strings.ToLower(lit)
	if strings.HasPrefix(l, "0x") || strings.HasPrefix(l, "0o") || strings.HasPrefix(l, "0b") || l == "nan" || l == "infinity" {
		return false
	}
	return true
}
