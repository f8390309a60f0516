// Package hashing normalises and hashes user data the way the pixel expects
// (SHA-256, lowercase hex) and recognises hashes that prove a bug: the
// digest of an empty or absent value, or of the documentation's examples.
package hashing

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// NormalizeEmail trims white space and lower-cases, as the pixel's
// documentation requires before hashing an e-mail address.
func NormalizeEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// Sum returns the SHA-256 of s as 64 lowercase hex characters.
func Sum(s string) string {
	d := sha256.Sum256([]byte(s))
	return hex.EncodeToString(d[:])
}

// IsHex64 reports whether s is 64 lowercase hex characters, the only form
// the pixel accepts for a hash.
func IsHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// sentinels maps the digest of a value that is never real user data to a
// description of that value. Hashing code that runs before the value is set
// produces the first group; copied documentation produces the second.
var sentinels = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"", "undefined", "null", "[object Object]", "NaN", "true", "false", "None", "nil"} {
		m[Sum(s)] = "the SHA-256 of " + quoteValue(s)
	}
	// The documentation's examples: email_sha256 of its example address and
	// external_id_sha256 of its example customer id.
	m[Sum("user@example.com")] = "the documentation's example email_sha256 (the SHA-256 of its example address)"
	m[Sum("customer_12345")] = `the documentation's example external_id_sha256 (the SHA-256 of "customer_12345")`
	// The Conversions API page's examples (its user lists).
	for _, ex := range conversionsAPIExamples {
		m[Sum(ex.value)] = fmt.Sprintf("the Conversions API documentation's example %s (the SHA-256 of %q)", ex.field, ex.value)
	}
	return m
}()

// conversionsAPIExamples are the values whose hashes the Conversions API
// page prints as examples; copied into real code they stand for no one.
var conversionsAPIExamples = []struct{ field, value string }{
	{"external_ids_sha256", "customer_123"},
	{"phone_numbers_sha256", "14155552671"},
	{"first_names_sha256", "ada"},
	{"last_names_sha256", "lovelace"},
}

// IsDocumentationExample reports a sentinel that is one of the
// documentation's example hashes (rather than the hash of a missing value).
func IsDocumentationExample(hash string) bool {
	what, ok := sentinels[strings.ToLower(hash)]
	return ok && strings.Contains(what, "documentation's example")
}

func quoteValue(s string) string {
	if s == "" {
		return `an empty string ""`
	}
	return `"` + s + `"`
}

// Sentinel tells whether hash (hex, any case) is the digest of a value that
// is never real user data, and says which.
func Sentinel(hash string) (what string, ok bool) {
	what, ok = sentinels[strings.ToLower(hash)]
	return what, ok
}
