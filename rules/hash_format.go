package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "hash-format", Severity: model.Error,
		Schema: schemaHashFormat,
		Title:  "email_sha256 or external_id_sha256 not 64 lowercase hex characters",
		Spec:   "Send hashes as lowercase, 64-character hexadecimal strings.",
		Doc: `A hash must be the SHA-256 digest in lowercase hex. Upper-case hex,
base64, SHA-1 or MD5 digests do not match anything.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7F73355BF032DCBB8E5A3F51F1E4A8BA92EF1344DE2D95382634CF91DA6D6181" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`),
	})
}

func hashMessage(field string, v *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return fmt.Sprintf("user.%s must be a string of 64 lowercase hex characters, got %s", field, describe(v)),
			"send the SHA-256 digest as a lowercase hex string"
	}
	if hashing.IsHex64(strings.ToLower(s)) {
		return fmt.Sprintf("user.%s is upper-case hex; hashes must be lowercase", field),
			"lower-case the digest (hex.toLowerCase() in JavaScript)"
	}
	if t := strings.TrimSpace(s); t != s && hashing.IsHex64(strings.ToLower(t)) {
		return fmt.Sprintf("user.%s has white space around the digest", field), "trim the hex string"
	}
	n := utf8.RuneCountInString(s)
	what := ""
	switch {
	case n == 40 && isHex(s):
		what = " (a SHA-1 digest?)"
	case n == 32 && isHex(s):
		what = " (an MD5 digest?)"
	case n == 128 && isHex(s):
		what = " (a SHA-512 digest?)"
	case n == 44 && strings.HasSuffix(s, "="):
		what = " (a base64-encoded digest?)"
	case n == 64:
		return fmt.Sprintf("user.%s has 64 characters but they are not all hex digits (0-9, a-f)", field),
			"hash with SHA-256 and encode the digest as lowercase hex"
	}
	return fmt.Sprintf("user.%s must be 64 lowercase hex characters (a SHA-256 digest), got %d characters%s", field, n, what),
		"hash with SHA-256 and encode the digest as lowercase hex"
}

func isHex(s string) bool {
	for _, r := range strings.ToLower(s) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

func schemaHashFormat(v *SchemaViolation) (model.Finding, bool) {
	field := v.field()
	if !v.valueAt(argInitConfig, "user", "*") || (field != "email_sha256" && field != "external_id_sha256") {
		return model.Finding{}, false
	}
	if s, ok := v.Node.StringValue(); ok {
		if _, sentinel := hashing.Sentinel(strings.TrimSpace(s)); sentinel {
			return model.Finding{}, false // hash-sentinel: fixing the case would not help
		}
	}
	f, ok := v.finding(hashMessage(field, v.Node))
	return withFix(f, ok, hashFix(v.Node))
}

// hashFix lower-cases (and trims) an upper-case SHA-256 hex digest: the
// same digest, written as the pixel reads it.
func hashFix(v *model.Value) *model.Fix {
	s, ok := v.StringValue()
	want := strings.ToLower(strings.TrimSpace(s))
	if !ok || !hashing.IsHex64(want) {
		return nil
	}
	return replaceStringFix(v, want, "write the digest in lowercase hex", model.Safe)
}
