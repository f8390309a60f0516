package hashing

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
)

// Kinds of value the hash command prepares, named as --type takes them.
const (
	KindEmail      = "email"
	KindExternalID = "external-id"
)

// ErrEmptyValue is a value with nothing in it: its hash would be the
// sentinel SHA-256 of "", so it is never hashed.
var ErrEmptyValue = errors.New(`empty value (its hash would be the known sentinel SHA-256 of "")`)

// Prepare prepares one raw value of the given kind the way the pixel's
// documentation requires and hashes it. Its errors say what is wrong with
// the value without ever quoting it.
func Prepare(kind, raw string) (string, error) {
	v := strings.TrimSpace(raw)
	if v == "" {
		return "", ErrEmptyValue
	}
	// An address holds an @ and a phone number never does, which spares the
	// pattern matching for almost every e-mail value.
	kindOfWhole := pii.Kind("")
	if kind == KindExternalID || !strings.Contains(v, "@") {
		kindOfWhole = wholeKind(v)
	}
	if kindOfWhole == pii.Phone {
		return "", errors.New("looks like a phone number: the pixel forbids phone numbers and their hashes (" + phoneRuleRevision + ")")
	}
	switch kind {
	case KindEmail:
		v = NormalizeEmail(v)
		if why := notAnEmail(v); why != "" {
			return "", fmt.Errorf("not an e-mail address: %s", why)
		}
	case KindExternalID:
		if kindOfWhole == pii.Email {
			return "", errors.New("looks like an e-mail address: hash it with --type email and send it as email_sha256 (external_id_sha256 is for a pseudonymous customer id)")
		}
	default:
		return "", fmt.Errorf("unknown --type %q", kind)
	}
	sum := Sum(v)
	if what, bad := Sentinel(sum); bad {
		return "", fmt.Errorf("its hash is a known sentinel, %s: %s", what, sentinelCause(sum))
	}
	return sum, nil
}

// wholeKind says which kind of personal data the whole of s is, as pii
// recognises it by shape, or "" (a bare run of digits is not a phone
// number: it is just as likely a customer id).
func wholeKind(s string) pii.Kind {
	ms := pii.Find(s)
	if len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(s) {
		return ms[0].Kind
	}
	return ""
}

// wholly reports whether the whole of s is one piece of personal data of
// the given kind.
func wholly(s string, kind pii.Kind) bool { return wholeKind(s) == kind }

// notAnEmail says why a normalised value is clearly not an e-mail address,
// or "" when it could be one. It is deliberately lenient: quoted local
// parts and international domains are addresses too.
func notAnEmail(v string) string {
	if strings.IndexFunc(v, unicode.IsSpace) >= 0 {
		return "it contains white space"
	}
	switch strings.Count(v, "@") {
	case 0:
		return "there is no @"
	case 1:
	default:
		if !strings.HasPrefix(v, `"`) {
			return "there is more than one @"
		}
	}
	at := strings.LastIndexByte(v, '@')
	local, domain := v[:at], v[at+1:]
	switch {
	case local == "":
		return "nothing comes before the @"
	case domain == "":
		return "nothing comes after the @"
	case !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, "."):
		return "the part after the @ is not a domain name"
	}
	return ""
}

// sentinelCause says what bug produces a sentinel hash, for the message.
func sentinelCause(sum string) string {
	switch sum {
	case Sum(""), Sum("undefined"), Sum("null"), Sum("None"), Sum("nil"):
		return "the value was missing when it was hashed; send no field instead"
	case Sum("[object Object]"):
		return "an object was hashed instead of one of its fields"
	case Sum("NaN"), Sum("true"), Sum("false"), Sum("0"):
		return "a placeholder was hashed instead of the customer's value"
	case docExampleEmailSHA256, docExampleExternalIDSHA256:
		return "it was copied from the documentation; hash the customer's own value"
	}
	if IsDocumentationExample(sum) {
		return "it was copied from the documentation; hash the customer's own value"
	}
	return "it is not the hash of real customer data"
}

// The two hashes printed in the pixel's documentation.
const (
	docExampleEmailSHA256      = "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514"
	docExampleExternalIDSHA256 = "73d83a078369bb4f0971b317aa7797a91cf5c0df1b62161c2e47d75c33ab5b6e"
)

// phoneRuleRevision says which documentation forbids phone hashes: the
// pixel page up to its newest official revision; the Conversions API's
// newest revision and third-party material list phone hashes.
const phoneRuleRevision = "so says the pixel page up to revision P6, which these checks follow; the Conversions API's newest revision lists phone_numbers_sha256, which this command does not prepare"
