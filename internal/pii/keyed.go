package pii

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rawDataKeys are field names (case and separators folded) that only ever
// hold personal data the pixel must not receive. Hash fields are not here:
// a hash is what the pixel asks for.
var rawDataKeys = map[string]Kind{
	"email": Email, "emailaddress": Email, "mail": Email, "useremail": Email, "customeremail": Email,
	"phone": Phone, "phonenumber": Phone, "mobile": Phone, "mobilenumber": Phone, "mobilephone": Phone,
	"telephone": Phone, "tel": Phone,
	"externalid": ExternalID,
}

// phoneHashKeys hold a phone number's hash, which the pixel refuses too.
var phoneHashKeys = map[string]bool{"phonesha256": true, "phonehash": true, "hashedphone": true}

// KeyKind says what personal data a field of this name holds, if it is one
// that only ever holds personal data (case and separators do not count:
// "Phone_Number" is "phonenumber"). Phone hash fields count as phones.
func KeyKind(key string) (Kind, bool) {
	var buf [24]byte
	k, ascii := foldASCII(buf[:0], key)
	if !ascii {
		k = []byte(foldKey(key))
	}
	// (Indexing with string(k) does not copy k.)
	if phoneHashKeys[string(k)] {
		return Phone, true
	}
	kind, ok := rawDataKeys[string(k)]
	return kind, ok
}

// foldASCII is foldKey for an ASCII key, into dst: the keys of every
// record are folded, and most have an '_' ("event_id") that foldKey would
// copy for. A key folding to more than dst holds is no key of ours; it
// comes back cut, which matches none.
func foldASCII(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9'):
			continue
		}
		if len(dst) == cap(dst) {
			return dst, true
		}
		dst = append(dst, c)
	}
	return dst, true
}

func foldKey(s string) string {
	// Most keys are already folded ("type", "amount"): no copy for them.
	folded := true
	for i := 0; i < len(s) && folded; i++ {
		c := s[i]
		folded = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	if folded {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// keyed finds a field name followed by its value, the way code, JSON,
// YAML, HTML attributes and query strings write them: `phone: "…"`,
// `"email":"…"`, `data-email="…"`, `?phone=…`. Group 1 is the name; the
// value is group 2 (quoted) or group 3 (bare, up to a separator).
var keyed = regexp.MustCompile(`(?i)([A-Za-z][A-Za-z_\-]{1,30})["']?\s*[:=]\s*(?:"([^"\\\n]{1,256})"|'([^'\\\n]{1,256})'|([^\s&#"'<>,;:/{}()\[\]]{1,256}))`)

// findKeyed finds values written after a raw-data field name. A bare value
// counts after a query's "?" or "&", or when it is a phone's digits, so
// code such as `email = input.value` is left alone.
func findKeyed(s string) []Match {
	if !strings.ContainsAny(s, ":=") || !mentionsKey(s) {
		return nil
	}
	var out []Match
	// Search again right after a name that is not one of ours, not after
	// its value: "https://x/?email=…" first matches "https" with the rest
	// as its value.
	for pos := 0; pos < len(s); {
		m := keyed.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		pos = m[3]
		if match, ok := keyedValue(s, m); ok {
			out = append(out, match)
			pos = match.End
		}
	}
	return out
}

// keyedValue is the value of one match of keyed, when its name is a
// raw-data field's.
func keyedValue(s string, m []int) (Match, bool) {
	name := s[m[2]:m[3]]
	if m[2] > 0 && isWordByte(s[m[2]-1]) {
		return Match{}, false // the tail of a longer name ("hotel")
	}
	kind, ok := keyKindIn(name)
	if !ok && isSecretName(name) {
		kind, ok = Secret, true
	}
	if !ok {
		return Match{}, false
	}
	var a, b int
	switch {
	case m[4] >= 0:
		a, b = m[4], m[5]
	case m[6] >= 0:
		a, b = m[6], m[7]
	default:
		a, b = m[8], m[9]
		query := m[2] > 0 && (s[m[2]-1] == '?' || s[m[2]-1] == '&')
		// In code a bare value is mostly a variable; a secret's is kept
		// when it looks like a token (long, with digits).
		token := kind == Secret && b-a >= 8 && strings.ContainsAny(s[a:b], "0123456789")
		if !query && !token && (kind != Phone || !IsPhone(s[a:b])) {
			return Match{}, false
		}
	}
	v := s[a:b]
	if isTemplate(v) {
		return Match{}, false // code that computes the value: literals in it are found by shape
	}
	if kind == Secret && !strings.Contains(foldKey(name), "pass") && IsPlaceholderSecret(strings.TrimSpace(trimScheme(v))) {
		return Match{}, false // the place for a key, shown as written (a password such as "changeme" may be real)
	}
	if kind == Phone && !IsPhone(v) || strings.Contains(v, "**") || strings.TrimSpace(v) == "" {
		return Match{}, false // no phone, or redacted already
	}
	return Match{kind, a, b}, true
}

// keyKindIn is the raw-data kind of a name or of its last words
// ("data-email", "customer-phone").
func keyKindIn(name string) (Kind, bool) {
	for {
		if k, ok := rawDataKeys[foldKey(name)]; ok {
			return k, true
		}
		i := strings.IndexAny(name, "-_")
		if i < 0 {
			return "", false
		}
		name = name[i+1:]
	}
}

// mentionsKey is the cheap test before the pattern runs.
func mentionsKey(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "mail") || strings.Contains(l, "phone") || strings.Contains(l, "tel") ||
		strings.Contains(l, "mobile") || strings.Contains(l, "external") || mentionsSecretName(l)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// isTemplate reports a value that is a template tag or interpolation.
func isTemplate(v string) bool {
	for _, open := range []string{"{{", "{%", "<%", "${", "<?"} {
		if strings.Contains(v, open) {
			return true
		}
	}
	return false
}

// trimScheme drops an Authorization value's scheme ("Bearer ", "Basic ").
func trimScheme(v string) string {
	for _, scheme := range []string{"bearer ", "basic "} {
		if len(v) > len(scheme) && strings.EqualFold(v[:len(scheme)], scheme) {
			return v[len(scheme):]
		}
	}
	return v
}
