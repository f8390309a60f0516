package tmpl

// EL masks the expressions of the Jakarta Expression Language that JSP and
// JSF pages print, ${expr} and #{expr}, in text already masked by Mask:
// each becomes an identifier of the same length. The server evaluates
// them in template text, inside <script> too, so a JavaScript template
// literal's ${…} in a JSP is the server's. "\${" is the escape for a
// literal "${" and stays. spans are Mask's; the result's are sorted.
func EL(text []byte, spans []Span) ([]byte, []Span) {
	o := newOverlay(text, spans)
	for i := 0; i+1 < len(text); i++ {
		if (text[i] != '$' && text[i] != '#') || text[i+1] != '{' || i > 0 && text[i-1] == '\\' {
			continue
		}
		end, ok := braceEnd(text, i+1)
		if !ok {
			continue
		}
		i = o.mask(i, end, true) - 1
	}
	return o.result()
}

// braceEnd returns the offset past the brace opened at i, skipping quoted
// strings ('…' and "…", with backslash escapes); ok is false when it does
// not close on a bounded length.
func braceEnd(text []byte, i int) (int, bool) {
	return balancedEnd(text, i, '{', '}')
}

// balancedEnd returns the offset past the bracket open opened at i,
// skipping quoted strings; ok is false when it does not close within 4 KiB.
func balancedEnd(text []byte, i int, open, close byte) (int, bool) {
	depth := 0
	limit := min(len(text), i+4096)
	for j := i; j < limit; j++ {
		switch c := text[j]; c {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j + 1, true
			}
		case '"', '\'':
			for j++; j < limit && text[j] != c; j++ {
				if text[j] == '\\' {
					j++
				}
			}
		}
	}
	return 0, false
}
