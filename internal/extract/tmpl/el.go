package tmpl

// EL masks the expressions of the Jakarta Expression Language that JSP and
// JSF pages print, ${expr} and #{expr}, in text already masked by Mask:
// each becomes an identifier of the same length. The server evaluates
// them in template text, inside <script> too, so a JavaScript template
// literal's ${…} in a JSP is the server's. "\${" is the escape for a
// literal "${": the server drops the backslash, so it is blanked (a span
// of its own): what the browser then reads, a template literal's ${…} or
// a string holding "${", depends on the JavaScript around it, and a value
// it touches is dynamic. spans are Mask's; the result's are sorted.
func EL(text []byte, spans []Span) ([]byte, []Span) {
	o := newOverlay(text, spans)
	for i := 0; i+1 < len(text); i++ {
		if (text[i] != '$' && text[i] != '#') || text[i+1] != '{' {
			continue
		}
		if i > 0 && text[i-1] == '\\' {
			o.mask(i-1, i, false)
			continue
		}
		end, ok := o.balancedEnd(text, i+1, '{', '}')
		if !ok {
			continue
		}
		i = o.mask(i, end, true) - 1
	}
	return o.result()
}
