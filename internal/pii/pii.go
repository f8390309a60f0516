// Package pii finds raw personal data (e-mail addresses, phone numbers,
// values of fields that only hold personal data) in strings, whatever
// their encoding, and redacts it together with secrets (URL credentials,
// API keys, tokens, cookies). The pii-raw rule detects with it, and every
// reporter and log writer redacts with it, so no output can leak what the
// linter exists to keep out of ad pixels.
package pii

import (
	"regexp"
	"strings"
)

// wide is a character of a name written in any script, or mis-decoded
// into another (exämple read as exÃ¤mple): anything beyond ASCII but
// controls and spaces.
const wide = `[^\x00-\x{a0}\x{1680}\x{2000}-\x{200b}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`

// label is one label of a domain name.
const label = `(?:[A-Za-z0-9]|` + wide + `)(?:(?:[A-Za-z0-9\-]|` + wide + `)*(?:[A-Za-z0-9]|` + wide + `))?`

var (
	// email is deliberately practical rather than RFC 5322-complete: a local
	// part, an @, and a dotted domain with a letter-only top level.
	// "%40" is the @ of an address that went through URL encoding.
	email = regexp.MustCompile(`(?:[A-Za-z0-9._%+\-']|` + wide + `)+(?:@|%40)` + label + `(?:\.` + label + `)*\.(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9\-]{2,59}|\p{L}{2,24})`)
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
	Email      Kind = "e-mail address"
	Phone      Kind = "phone number"
	ExternalID Kind = "external ID"
)

// Match is one piece of personal data in a string, as byte offsets.
type Match struct {
	Kind       Kind
	Start, End int
}

// Find returns the e-mail addresses and phone numbers in s, in order, as
// byte offsets of s. s is read with its encodings decoded first (%40,
// %2540, &#64;, \u0040, \x40, …), so data is found whatever its spelling,
// and values written after a field name that only ever holds personal data
// ("phone": "4155550111", ?email=…) count whatever their shape.
func Find(s string) []Match {
	ms := find(s, false)
	out := ms[:0]
	for _, m := range ms {
		if m.Kind != Secret { // a value after "token:": for redaction only
			out = append(out, m)
		}
	}
	return out
}

// find finds personal data in s, and secrets too when asked (for redaction:
// the rules judge personal data only). It reads s decoded, and for
// secrets as written too: decoding may split a token it mangles.
func find(s string, secrets bool) []Match {
	if !mayBeEncoded(s) {
		ms := findPlain(s)
		if secrets {
			ms = append(ms, findSecrets(s)...)
		}
		return ms
	}
	v := decoded(s)
	ms := findPlain(v.text)
	if secrets {
		ms = append(ms, findSecrets(v.text)...)
	}
	for i := range ms {
		ms[i].Start, ms[i].End = v.span(ms[i].Start, ms[i].End)
	}
	if secrets {
		ms = append(ms, findSecrets(s)...)
	}
	return ms
}

// findRedactable is everything Redact masks: personal data and secrets,
// overlapping matches merged.
func findRedactable(s string) []Match {
	return merged(find(s, true))
}

// merged sorts matches and joins those that overlap; a secret among them
// makes the whole a secret.
func merged(ms []Match) []Match {
	sortMatches(ms)
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, m.End)
			if m.Kind == Secret {
				out[n-1].Kind = Secret
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// findPlain finds personal data in s as written.
func findPlain(s string) []Match {
	var out []Match
	if mayHaveShape(s) {
		out = findShapes(s)
	}
	if keyed := findKeyed(s); len(keyed) > 0 {
		out = append(out, keyed...)
		sortMatches(out)
	}
	return out
}

// shapeBytes are the bytes every e-mail address or phone number holds one
// of: "@", "+" or a digit.
var shapeBytes = [256]bool{'@': true, '+': true, '0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true}

// mayHaveShape is strings.ContainsAny(s, "@+0123456789") without building
// the set on each call: every string of every record passes here.
func mayHaveShape(s string) bool {
	for i := 0; i < len(s); i++ {
		if shapeBytes[s[i]] {
			return true
		}
	}
	return false
}

// findShapes finds e-mail addresses and phone numbers by their shape.
func findShapes(s string) []Match {
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
	var authorities [][]int
	if len(emails) > 0 && strings.Contains(s, "://") {
		for _, m := range userinfo.FindAllStringSubmatchIndex(s, -1) {
			authorities = append(authorities, m[2:4])
		}
	}
	for _, m := range emails {
		if overlaps(m, authorities) {
			continue // the "@" ends a URL's user and password: no address
		}
		for s[m[0]] == '\'' && m[0] < m[1] {
			m[0]++ // a quote around the address, not part of it
		}
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
// +1 ***-***-**67. Data written in an encoding is redacted in its decoded
// form (a "%40" alone is kept).
func Redact(s string) string {
	out, _ := RedactKeeping(s, nil)
	return out
}

// RedactKeeping redacts s like Redact and moves the byte offsets in keep
// (sorted or not) to where they fall in the result. Code frames use it to keep their
// marker under the finding's span.
func RedactKeeping(s string, keep []int) (string, []int) { return RedactWith(s, nil, keep) }

// Known is a value that a field's name says is personal data (a digits-only
// phone in a "phone" field): it is redacted wherever it appears, even where
// nothing around it says what it is.
type Known struct {
	Kind Kind
	Text string
}

// minKnown is the shortest known value masked wherever it appears: shorter
// ones ("1", "ab") would mask unrelated text.
const minKnown = 5

// RedactWith is RedactKeeping that also masks every occurrence of the
// known values.
func RedactWith(s string, known []Known, keep []int) (string, []int) {
	ms := findRedactable(s)
	if len(known) > 0 {
		for _, k := range known {
			if len(k.Text) < minKnown {
				continue
			}
			for from := 0; ; {
				i := strings.Index(s[from:], k.Text)
				if i < 0 {
					break
				}
				ms = append(ms, Match{k.Kind, from + i, from + i + len(k.Text)})
				from += i + len(k.Text)
			}
		}
		ms = merged(ms)
	}
	if len(ms) == 0 {
		return s, keep
	}
	var b strings.Builder
	moved := make([]int, len(keep))
	last := 0
	// shiftTo moves the offsets in [from, to) of s to the output, where
	// that part starts at base; an offset inside a redacted value moves to
	// its start, or its end when it is not the value's first byte.
	shiftTo := func(from, to int, base int, inside bool) {
		for i, k := range keep {
			if k >= from && k < to {
				if inside {
					moved[i] = base
					if k > from {
						moved[i] = b.Len() // the replacement's end
					}
				} else {
					moved[i] = base + k - from
				}
			}
		}
	}
	for _, m := range ms {
		if m.Start < last {
			continue // overlapping matches: the first one already covered it
		}
		shiftTo(last, m.Start, b.Len(), false)
		b.WriteString(s[last:m.Start])
		base := b.Len()
		b.WriteString(RedactAs(m.Kind, s[m.Start:m.End]))
		shiftTo(m.Start, m.End, base, true)
		last = m.End
	}
	shiftTo(last, len(s)+1, b.Len(), false)
	b.WriteString(s[last:])
	return b.String(), moved
}

func wholeEmail(s string) bool {
	m := email.FindStringIndex(s)
	return m != nil && m[0] == 0 && m[1] == len(s)
}

// RedactAs redacts s, known to be personal data of kind k (a rule decided
// so by the field it is in), even when its shape is not recognised.
func RedactAs(k Kind, s string) string {
	if strings.Contains(s, "**") || s == "" {
		return s // redacted already
	}
	if k == Secret {
		return "***"
	}
	if k == Email && wholeEmail(s) {
		return redactEmail(s) // "%40" kept: the one encoding a URL query needs
	}
	if mayBeEncoded(s) {
		s = decoded(s).text // no spelling of the value survives
	}
	switch k {
	case Email:
		if wholeEmail(s) {
			return redactEmail(s)
		}
	case Phone:
		if digits(s) > 2 {
			return redactPhone(s)
		}
	}
	return firstRune(s) + "***"
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
