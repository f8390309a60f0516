// Package pii finds raw personal data (e-mail addresses and phone numbers)
// in strings and redacts it. The pii-raw rule detects with it, and every
// reporter redacts with it, so no output format can leak what the linter
// exists to keep out of ad pixels.
package pii

import (
	"regexp"
	"strings"
)

var (
	// email is deliberately practical rather than RFC 5322-complete: a local
	// part, an @, and a dotted domain with a letter-only top level.
	// "%40" is the @ of an address that went through URL encoding.
	email = regexp.MustCompile(`[A-Za-z0-9._%+\-']+(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}`)
	// phone needs the shape of a phone number, not just many digits: an
	// international "+" prefix, or digit groups split by separators the way
	// people write numbers. Plain digit runs (order ids, timestamps) do not match.
	// The forms: "+" and a country code; "(415) 555-0134"; North American
	// 415-555-0134 (area code and exchange never start with 0 or 1); and
	// national numbers with a trunk 0 or an international 00 prefix split
	// into groups ("020 7946 0958", "06 12 34 56 78", "0049 30 1234567").
	phone = regexp.MustCompile(`(?:\+\d[\d\s.\-()]{5,22}\d|\(\d{2,4}\)[\s.\-]?\d{3,4}[\s.\-]\d{3,4}|\b[2-9]\d{2}[.\-\s][2-9]\d{2}[.\-\s]\d{4}\b|\b00[1-9]\d{0,2}(?:[ .\-]\d{1,8}){2,5}\b|\b0[1-9]\d{0,4}(?:[ .\-]\d{2,6}){1,4}\b)`)
	// iban is a bank account number, whose digit groups look like a phone's.
	iban = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`)
)

// Redacted forms (ours) still count as the personal data they stood for, so
// a log written with redacted values (extract's output) keeps its findings.
var (
	redactedEmail = regexp.MustCompile(`[^\s@"'<>]\*\*\*(?:@|%40)[^\s@"'<>]\*\*\*\.[A-Za-z]{2,24}`)
	redactedPhone = regexp.MustCompile(`\+?[*()][*\s.\-()]{5,}\d{2}\b`)
)

// Kind of personal data.
type Kind string

const (
	Email Kind = "e-mail address"
	Phone Kind = "phone number"
)

// Match is one piece of personal data in a string, as byte offsets.
type Match struct {
	Kind       Kind
	Start, End int
}

// Find returns the e-mail addresses and phone numbers in s, in order.
func Find(s string) []Match {
	if !strings.ContainsAny(s, "@+0123456789") {
		return nil
	}
	var out []Match
	// Each pattern runs only when s holds what every match of it needs
	// (an "@", "***@", seven digits, a "*", "(" or ")"): reporters redact every message,
	// and most hold none of it.
	var emails [][]int
	if strings.IndexByte(s, '@') >= 0 || strings.Contains(s, "%40") {
		emails = email.FindAllStringIndex(s, -1)
		if strings.Contains(s, "***@") || strings.Contains(s, "***%40") {
			emails = append(emails, redactedEmail.FindAllStringIndex(s, -1)...)
		}
	}
	for _, m := range emails {
		out = append(out, Match{Email, m[0], m[1]})
	}
	var phones, ibans [][]int
	if digits(s) >= 7 {
		phones = phone.FindAllStringIndex(s, -1)
		if len(phones) > 0 {
			ibans = iban.FindAllStringIndex(s, -1)
		}
	}
	for _, m := range phones {
		text := s[m[0]:m[1]]
		if n := digits(text); n < 7 || n > 15 || overlaps(m, emails) || overlaps(m, ibans) || looksLikeDate(text) || partOfCode(s, m[0]) || !nationalLength(text) {
			continue
		}
		out = append(out, Match{Phone, m[0], m[1]})
	}
	if strings.ContainsAny(s, "*()") {
		for _, m := range redactedPhone.FindAllStringIndex(s, -1) {
			out = append(out, Match{Phone, m[0], m[1]})
		}
	}
	sortMatches(out)
	return out
}

// IsPhone reports whether s as a whole is written like a phone number; the
// rule uses it for fields whose name says "phone", where bare digits count.
func IsPhone(s string) bool {
	s = strings.TrimSpace(s)
	n := digits(s)
	if n < 7 || n > 15 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789+-.() ", r) {
			return false
		}
	}
	return true
}

// Redact replaces every e-mail address and phone number in s by a redacted
// form that keeps enough shape to recognise the mistake: j***@s***.org,
// +1 ***-***-**67.
func Redact(s string) string {
	s = redactSecrets(s) // credentials too (secret.go)
	ms := Find(s)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.Start < last {
			continue // overlapping matches: the first one already covered it
		}
		b.WriteString(s[last:m.Start])
		if m.Kind == Email {
			b.WriteString(redactEmail(s[m.Start:m.End]))
		} else {
			b.WriteString(redactPhone(s[m.Start:m.End]))
		}
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}

func redactEmail(e string) string {
	at, sep := strings.LastIndexByte(e, '@'), 1
	if enc := strings.LastIndex(e, "%40"); enc > at {
		at, sep = enc, 3
	}
	local, domain := e[:at], e[at+sep:]
	dot := strings.LastIndexByte(domain, '.')
	return firstRune(local) + "***" + e[at:at+sep] + firstRune(domain[:dot]) + "***" + domain[dot:]
}

// redactPhone masks every digit but the last two, keeping separators.
func redactPhone(p string) string {
	keep := 2
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			if keep > 0 {
				keep--
				continue
			}
			b[i] = '*'
		}
	}
	return string(b)
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// partOfCode reports a match glued to a word or code before it
// ("SKU-415-555-0134", "A0612345678"): an identifier, not a phone number.
func partOfCode(s string, start int) bool {
	if start == 0 || s[start] == '+' || s[start] == '(' {
		return false // "+44…" and "(415)…" are phone numbers wherever they stand
	}
	c := s[start-1]
	return c == '-' || c == '_' || c == '/' || c == '#' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// nationalLength keeps numbers written with a leading 0 to the lengths
// national and international numbers have: 10 or 11 digits after a trunk
// 0, 11 to 15 after a 00 prefix. Other forms pass.
func nationalLength(t string) bool {
	n := digits(t)
	switch {
	case strings.HasPrefix(t, "00"):
		return n >= 11
	case strings.HasPrefix(t, "0"):
		return n == 10 || n == 11
	}
	return true
}

var date = regexp.MustCompile(`^\d{4}[.\-/]\d{2}[.\-/]\d{2}`)

func looksLikeDate(s string) bool { return date.MatchString(s) }

func overlaps(m []int, others [][]int) bool {
	for _, o := range others {
		if m[0] < o[1] && o[0] < m[1] {
			return true
		}
	}
	return false
}

func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
