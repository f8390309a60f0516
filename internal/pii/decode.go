package pii

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDecodeRounds bounds how many layers of encoding are peeled
// ("%252540" is three): each round decodes one layer everywhere.
const maxDecodeRounds = 4

// view is s with its encodings decoded (percent-encoding, HTML character
// references, JavaScript and JSON escapes), so personal data is found
// whatever its spelling. from and to give, for each byte of text, the
// bytes of the original string it was decoded from; nil when text is s.
type view struct {
	text     string
	from, to []int32
}

// span maps the bytes [a, b) of the view back to the original string.
func (v view) span(a, b int) (int, int) {
	if v.from == nil {
		return a, b
	}
	return int(v.from[a]), int(v.to[b-1])
}

// mayBeEncoded is the cheap test that spares most strings the decoding.
func mayBeEncoded(s string) bool { return strings.ContainsAny(s, "%&\\") }

// decoded peels up to maxDecodeRounds layers of encoding off s.
func decoded(s string) view {
	v := view{text: s}
	for range maxDecodeRounds {
		if !mayBeEncoded(v.text) {
			break
		}
		text, from, to, changed := decodeOnce(v.text)
		if !changed {
			break
		}
		if v.from != nil {
			// Compose with the earlier rounds: a byte of this round came
			// from bytes [from, to) of the last round's text.
			for i := range from {
				from[i], to[i] = v.from[from[i]], v.to[to[i]-1]
			}
		}
		v = view{text: text, from: from, to: to}
	}
	return v
}

// decodeOnce decodes one layer: every byte of the result is mapped to the
// bytes [from, to) of s it came from.
func decodeOnce(s string) (string, []int32, []int32, bool) {
	var b strings.Builder
	from := make([]int32, 0, len(s))
	to := make([]int32, 0, len(s))
	changed := false
	emit := func(out string, start, end int) {
		b.WriteString(out)
		for range len(out) {
			from = append(from, int32(start))
			to = append(to, int32(end))
		}
	}
	for i := 0; i < len(s); {
		if out, n := unit(s[i:]); n > 0 {
			emit(out, i, i+n)
			i += n
			changed = true
			continue
		}
		emit(s[i:i+1], i, i+1)
		i++
	}
	return b.String(), from, to, changed
}

// unit decodes the encoded unit s starts with, if any: what it stands for
// and how many bytes it takes.
func unit(s string) (string, int) {
	switch s[0] {
	case '%':
		if len(s) >= 3 {
			if c, err := strconv.ParseUint(s[1:3], 16, 8); err == nil {
				return string([]byte{byte(c)}), 3
			}
		}
	case '&':
		end := strings.IndexByte(s, ';')
		if end < 2 || end > 32 {
			return "", 0
		}
		if out := html.UnescapeString(s[:end+1]); out != s[:end+1] {
			return out, end + 1
		}
	case '\\':
		if len(s) < 2 {
			return "", 0
		}
		switch s[1] {
		case 'x':
			if len(s) >= 4 {
				if c, err := strconv.ParseUint(s[2:4], 16, 8); err == nil {
					return string(rune(c)), 4
				}
			}
		case 'u':
			if len(s) >= 4 && s[2] == '{' {
				if end := strings.IndexByte(s, '}'); end > 3 && end <= 9 {
					if c, err := strconv.ParseUint(s[3:end], 16, 32); err == nil && utf8.ValidRune(rune(c)) {
						return string(rune(c)), end + 1
					}
				}
			}
			if len(s) >= 6 {
				if c, err := strconv.ParseUint(s[2:6], 16, 16); err == nil {
					return string(rune(c)), 6
				}
			}
		case '\\', '/', '"', '\'', '.', '@', '+', '-':
			return s[1:2], 2
		}
	}
	return "", 0
}
