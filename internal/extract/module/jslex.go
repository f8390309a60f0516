package module

// A tiny JavaScript/TypeScript tokenizer: enough to walk esbuild's output
// and the original source side by side (mapping offsets that are not
// source-map points), to find ES module statements, and to measure
// template literals. Regular expressions are not recognised: '/' is a
// punctuator, which only matters in the few bytes walked between mapping
// points.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokString
	tokTemplate
	tokPunct
)

type token struct {
	kind       tokKind
	start, end int
}

// skipTrivia returns the offset of the next token at or after i: white
// space, line breaks and comments are skipped.
func skipTrivia(b []byte, i int) int {
	for i < len(b) {
		c := b[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == 0xC2 && i+1 < len(b) && b[i+1] == 0xA0: // no-break space
			i += 2
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9): // U+2028, U+2029
			i += 3
		case c == 0xEF && i+2 < len(b) && b[i+1] == 0xBB && b[i+2] == 0xBF: // BOM
			i += 3
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := indexFrom(b, i+2, "*/")
			if end < 0 {
				return len(b)
			}
			i = end + 2
		default:
			return i
		}
	}
	return i
}

func indexFrom(b []byte, from int, s string) int {
	for j := from; j+len(s) <= len(b); j++ {
		if string(b[j:j+len(s)]) == s {
			return j
		}
	}
	return -1
}

// lex reads the token starting at i (i is not trivia).
func lex(b []byte, i int) token {
	if i >= len(b) {
		return token{kind: tokEOF, start: len(b), end: len(b)}
	}
	c := b[i]
	switch {
	case isIdentStart(c):
		j := i + 1
		for j < len(b) && isIdentPart(b[j]) {
			j++
		}
		return token{tokIdent, i, j}
	case c >= '0' && c <= '9' || c == '.' && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9':
		return token{tokNumber, i, numberEnd(b, i)}
	case c == '"' || c == '\'':
		return token{tokString, i, stringEnd(b, i)}
	case c == '`':
		end, _ := templateEnd(b, i)
		return token{tokTemplate, i, end}
	}
	return token{tokPunct, i, i + 1}
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c == '#' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80 || c == '\\'
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) && c != '#' || c >= '0' && c <= '9'
}

func numberEnd(b []byte, i int) int {
	j := i
	for j < len(b) {
		c := b[j]
		switch {
		case c >= '0' && c <= '9' || c == '.' || c == '_' || c|0x20 >= 'a' && c|0x20 <= 'z':
			// Letters cover hex digits, x/o/b prefixes, exponents and the
			// BigInt suffix.
			j++
		case (c == '+' || c == '-') && j > i && b[j-1]|0x20 == 'e' && !isHex(b[i:j]):
			j++
		default:
			return j
		}
	}
	return j
}

func isHex(num []byte) bool {
	return len(num) > 1 && num[0] == '0' && num[1]|0x20 == 'x'
}

// stringEnd returns the offset just past the string literal at i, or the
// end of its line when it is not closed.
func stringEnd(b []byte, i int) int {
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(b)
}

// templateEnd returns the offset just past the template literal whose
// backtick is at i, and the substitutions ${…} in it as [start, end)
// byte ranges ("${" to "}" inclusive). Nested templates and strings inside
// substitutions are skipped. An unclosed literal ends at len(b).
func templateEnd(b []byte, i int) (int, [][2]int) {
	var subs [][2]int
	j := i + 1
	for j < len(b) {
		switch b[j] {
		case '\\':
			j += 2
		case '`':
			return j + 1, subs
		case '$':
			if j+1 < len(b) && b[j+1] == '{' {
				end := exprEnd(b, j+2)
				subs = append(subs, [2]int{j, end})
				j = end
				continue
			}
			j++
		default:
			j++
		}
	}
	return len(b), subs
}

// exprEnd returns the offset just past the "}" closing a substitution whose
// code starts at i.
func exprEnd(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		i = skipTrivia(b, i)
		t := lex(b, i)
		if t.kind == tokEOF {
			return len(b)
		}
		if t.kind == tokPunct {
			switch b[t.start] {
			case '{':
				depth++
			case '}':
				if depth == 0 {
					return t.end
				}
				depth--
			}
		}
		i = t.end
	}
	return len(b)
}

// TemplateLiteral measures the template literal whose backtick is at
// start: end is just past its closing backtick, subs are its ${…} parts.
// ok is false when start is not a backtick or the literal is not closed.
func TemplateLiteral(src []byte, start int) (end int, subs [][2]int, ok bool) {
	if start < 0 || start >= len(src) || src[start] != '`' {
		return 0, nil, false
	}
	end, subs = templateEnd(src, start)
	return end, subs, end <= len(src) && end > start+1 && src[end-1] == '`'
}
