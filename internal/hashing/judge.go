package hashing

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
)

// Judge judges one would-be hash as the pixel will receive it. It
// returns the text to show for it (the hash itself only when it has a
// hash's shape, so a raw value passed by mistake is never echoed) and
// whether the pixel can use it.
func Judge(raw string) (shown, verdict string, ok bool) {
	s := strings.TrimSpace(raw)
	if !isHex(s) {
		return "", notHexVerdict(s), false
	}
	lower := strings.ToLower(s)
	if len(s) != 64 {
		return "", wrongLengthVerdict(s), false
	}
	if what, bad := Sentinel(lower); bad {
		if s != lower {
			// Both problems: lower-casing it alone would not make it usable.
			return s, fmt.Sprintf("upper-case hex (the pixel needs lowercase), and lower-cased it is a known sentinel, %s: %s", what, sentinelCause(lower)), false
		}
		return s, fmt.Sprintf("a known sentinel, %s: %s", what, sentinelCause(lower)), false
	}
	if s != lower {
		return s, "well-formed SHA-256 but in upper-case hex: the pixel needs lowercase; lower-case it (the digest itself is fine)", false
	}
	if s != raw {
		return s, "a well-formed SHA-256 with white space around it: trim it before sending (the linter reports it as hash-format)", false
	}
	return s, "ok", true
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if !(s[i] >= '0' && s[i] <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func notHexVerdict(s string) string {
	switch {
	case s == "":
		return "empty: no hash at all; send no field instead of an empty one"
	case wholly(s, pii.Email):
		return "a raw e-mail address, not a hash: never send it; hash it with 'oaiq-lint hash --type email'"
	case wholly(s, pii.Phone):
		return "a raw phone number: the pixel forbids phone numbers and their hashes (" + phoneRuleRevision + ")"
	case strings.HasPrefix(strings.ToLower(s), "0x") && isHex(s[2:]):
		return "hexadecimal with a 0x prefix: drop the prefix"
	}
	return "not hexadecimal: a SHA-256 hash is 64 characters 0-9 and a-f (base64 or another encoding?)"
}

func wrongLengthVerdict(s string) string {
	n := len(s)
	if strings.Trim(s, "0123456789") == "" {
		return fmt.Sprintf("%d digits: a raw number, not a SHA-256 hash; hash an id with 'oaiq-lint hash --type external-id' (phone numbers must never be sent)", n)
	}
	guess := ""
	switch n {
	case 32:
		guess = " (an MD5 digest?)"
	case 40:
		guess = " (a SHA-1 digest?)"
	case 56:
		guess = " (a SHA-224 digest?)"
	case 96:
		guess = " (a SHA-384 digest?)"
	case 128:
		guess = " (a SHA-512 digest?)"
	}
	return fmt.Sprintf("%d hex characters where a SHA-256 has 64%s: hash the value with SHA-256", n, guess)
}
