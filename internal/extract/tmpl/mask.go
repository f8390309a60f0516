// Package tmpl masks server-side and tag-manager template syntax ({{…}},
// {%…%}, {#…#}, {!!…!!}, <%…%>, <?…?>; the syntax of one template language
// only, Blade, JSP/JSF EL and Razor, in blade.go, el.go and razor.go, chosen
// by the file's name in dialect.go) so that a page or script full of
// templates still tokenizes and parses, with every byte offset unchanged.
//
// Output tags ({{ x }}, <%= x %>, <?= x ?>) become one identifier of the same
// length ("_____"), so they parse as a value where a value stands and stay
// inside a string when they stand in one. Control tags ({% if %}, <% %>,
// {{#each}}, <?php if … ?>) produce no text, so they become spaces (newlines
// kept). Positions are always computed on the original text.
package tmpl

import (
	"bytes"
	"sort"
)

// Span is one template tag: bytes [Start, End) of the text.
type Span struct {
	Start, End int
	// Output is true for tags that print a value (become an identifier).
	Output bool
}

// Mask returns text with every template tag replaced, and the tags' spans
// in order. When text holds no template tag it is returned as is (no copy).
// An opener without its closer is left alone. The scan is linear: once a
// closer is not found, that kind of tag is not looked for again.
func Mask(text []byte) ([]byte, []Span) {
	var spans []Span
	var out []byte
	var exhausted [kinds]bool
	var open opener
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '{' && c != '<' {
			j := open.next(text, i)
			if j < 0 {
				break
			}
			i = j - 1
			continue
		}
		if i+1 >= len(text) {
			break
		}
		k, open, close := kindAt(text, i)
		if k < 0 || exhausted[k] {
			continue
		}
		j := bytes.Index(text[i+len(open):], close)
		if j < 0 {
			exhausted[k] = true
			continue
		}
		end := i + len(open) + j + len(close)
		if out == nil {
			out = append([]byte(nil), text...)
		}
		tag, n := tagSpans(k, text, i, end, len(open), len(close))
		for _, sp := range tag[:n] {
			fill(out[sp.Start:sp.End], sp.Output)
			spans = append(spans, sp)
		}
		i = end - 1
	}
	if out == nil {
		return text, nil
	}
	return out, spans
}

// opener finds where the next tag can start: a "{", or a "<" before "%"
// or "?" (a "<" before anything else starts no tag, and HTML has one
// every few bytes). Cursors keep the next "{", "%" and "?" found, so the
// text is searched with IndexByte, about once, however many tags it has.
type opener struct {
	brace, percent, question cursor
}

// next returns the first offset >= i that can start a tag, -1 if none.
// Calls must come with i never decreasing.
func (o *opener) next(text []byte, i int) int {
	best := o.brace.find(text, i, '{')
	for _, lt := range [...]struct {
		cur *cursor
		c   byte
	}{{&o.percent, '%'}, {&o.question, '?'}} {
		for from := i + 1; ; {
			at := lt.cur.find(text, from, lt.c)
			if at < 0 {
				break
			}
			if text[at-1] == '<' {
				if best < 0 || at-1 < best {
					best = at - 1
				}
				break
			}
			from = at + 1
		}
	}
	return best
}

// cursor is the next offset of one byte at or after the last offset asked.
type cursor struct {
	at         int
	found, end bool
}

func (c *cursor) find(text []byte, from int, b byte) int {
	switch {
	case c.end:
		return -1
	case c.found && c.at >= from:
		return c.at
	case from >= len(text):
		c.end = true
		return -1
	}
	j := bytes.IndexByte(text[from:], b)
	if j < 0 {
		c.end = true
		return -1
	}
	c.at, c.found = from+j, true
	return c.at
}

const (
	kindTriple     = iota // {{{ x }}}
	kindCurly             // {{ x }}
	kindBlock             // {% x %}
	kindComment           // {# x #}
	kindERB               // <% x %>
	kindPHP               // <? x ?>
	kindRaw               // {!! x !!} (Blade, unescaped output)
	kindERBComment        // <%-- x --%> (JSP, ASP.NET: a "%>" inside does not end it)
	kinds
)

var closers = [kinds][]byte{
	kindTriple:     []byte("}}}"),
	kindCurly:      []byte("}}"),
	kindBlock:      []byte("%}"),
	kindComment:    []byte("#}"),
	kindERB:        []byte("%>"),
	kindPHP:        []byte("?>"),
	kindRaw:        []byte("!!}"),
	kindERBComment: []byte("--%>"),
}

func kindAt(text []byte, i int) (kind int, open, close []byte) {
	next := text[i+1]
	switch {
	case text[i] == '{' && next == '{':
		if i+2 < len(text) && text[i+2] == '{' {
			return kindTriple, text[i : i+3], closers[kindTriple]
		}
		return kindCurly, text[i : i+2], closers[kindCurly]
	case text[i] == '{' && next == '%':
		return kindBlock, text[i : i+2], closers[kindBlock]
	case text[i] == '{' && next == '!' && i+2 < len(text) && text[i+2] == '!':
		return kindRaw, text[i : i+3], closers[kindRaw]
	case text[i] == '{' && next == '#':
		return kindComment, text[i : i+2], closers[kindComment]
	case text[i] == '<' && next == '%' && i+3 < len(text) && text[i+2] == '-' && text[i+3] == '-':
		return kindERBComment, text[i : i+4], closers[kindERBComment]
	case text[i] == '<' && next == '%':
		return kindERB, text[i : i+2], closers[kindERB]
	case text[i] == '<' && next == '?':
		return kindPHP, text[i : i+2], closers[kindPHP]
	}
	return -1, nil, nil
}

// tagSpans returns the spans masking the tag [i, end) of kind k: the tag
// itself, or, for a PHP tag that only prints a literal as written
// (<?php echo '<script>…</script>'; ?>), the code before and after the
// literal, which stays as written: it is the markup the server prints
// there, byte for byte.
func tagSpans(k int, text []byte, i, end, openLen, closeLen int) (spans [2]Span, n int) {
	inner := text[i+openLen : end-closeLen]
	if k == kindPHP {
		if a, b, ok := phpEchoedLiteral(inner); ok {
			a, b = i+openLen+a, i+openLen+b
			return [2]Span{{Start: i, End: a}, {Start: b, End: end}}, 2
		}
	}
	return [2]Span{{Start: i, End: end, Output: isOutput(k, inner)}}, 1
}

// PrintedLiterals returns the contents of the PHP literals that Mask left
// as written among its spans (see tagSpans): a fix writing in one must not
// write what would end or change the PHP string (PrintedLiteralBreakers of
// the quote before it).
func PrintedLiterals(text []byte, spans []Span) []Span {
	var out []Span
	for k := 0; k+1 < len(spans); k++ {
		s1, s2 := spans[k], spans[k+1]
		if s1.Output || s2.Output || s2.End-s1.Start < 4 || !bytes.HasPrefix(text[s1.Start:], []byte("<?")) || !bytes.HasSuffix(text[:s2.End], []byte("?>")) {
			continue
		}
		if a, b, ok := phpEchoedLiteral(text[s1.Start+2 : s2.End-2]); ok && s1.Start+2+a == s1.End && s1.Start+2+b == s2.Start {
			out = append(out, Span{Start: s1.End, End: s2.Start})
		}
	}
	return out
}

// PrintedLiteralBreakers are the bytes a PHP literal quoted with q must
// not hold to be printed as written: its quote, the backslash that starts
// an escape, and in a double-quoted string the "$" that interpolates.
func PrintedLiteralBreakers(q byte) string {
	if q == '"' {
		return `"\$`
	}
	return `'\`
}

// phpEchoedLiteral finds the literal of a PHP tag's body that is one
// statement printing one quoted string ("php echo '…';", " print \"…\"",
// "= '…'"): [a, b) is its content. Only a literal PHP prints exactly as
// written is taken: no escape, and in double quotes no interpolation (see
// PrintedLiteralBreakers).
func phpEchoedLiteral(inner []byte) (a, b int, ok bool) {
	i := 0
	skip := func() {
		for i < len(inner) && (inner[i] == ' ' || inner[i] == '\t' || inner[i] == '\n' || inner[i] == '\r') {
			i++
		}
	}
	if len(inner) > 0 && inner[0] == '=' {
		i = 1
	} else {
		// <?php echo, or the short tag <? echo.
		if len(inner) > 3 && bytes.EqualFold(inner[:3], []byte("php")) {
			if c := inner[3]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return 0, 0, false
			}
			i = 3
		}
		skip()
		body := inner[i:]
		switch {
		case len(body) >= 4 && bytes.EqualFold(body[:4], []byte("echo")):
			i += 4
		case len(body) >= 5 && bytes.EqualFold(body[:5], []byte("print")):
			i += 5
		default:
			return 0, 0, false
		}
		if i < len(inner) && inner[i] != '\'' && inner[i] != ' ' && inner[i] != '\t' && inner[i] != '\n' && inner[i] != '\r' {
			return 0, 0, false // echoes, printf… are other words
		}
	}
	skip()
	if i >= len(inner) || inner[i] != '\'' && inner[i] != '"' {
		return 0, 0, false
	}
	q := inner[i]
	a = i + 1
	e := bytes.IndexAny(inner[a:], PrintedLiteralBreakers(q))
	if e < 0 || inner[a+e] != q {
		return 0, 0, false
	}
	b = a + e
	i = b + 1
	skip()
	if i < len(inner) && inner[i] == ';' {
		i++
	}
	skip()
	if i != len(inner) || a == b {
		return 0, 0, false
	}
	return a, b, true
}

// isOutput tells tags that print a value from control tags and comments.
func isOutput(kind int, inner []byte) bool {
	switch kind {
	case kindTriple, kindRaw:
		return true
	case kindBlock, kindComment, kindERBComment:
		return false
	case kindERB:
		// <%= and <%- print, and so does ASP.NET's <%:; <% runs code;
		// <%# is a comment.
		return len(inner) > 0 && (inner[0] == '=' || inner[0] == '-' || inner[0] == ':')
	case kindPHP:
		if len(inner) > 0 && inner[0] == '=' {
			return true
		}
		body := bytes.TrimSpace(bytes.TrimPrefix(inner, []byte("php")))
		return hasWordPrefix(body, "echo") || hasWordPrefix(body, "print") || hasWordPrefix(body, "printf")
	}
	// {{ … }}: Handlebars/Mustache blocks, Go template actions and comments
	// print nothing; everything else prints a value.
	body := bytes.TrimSpace(bytes.Trim(bytes.TrimSpace(inner), "-~"))
	if len(body) == 0 {
		return false
	}
	switch body[0] {
	case '#', '/', '!', '^', '>', '*':
		return false
	}
	for _, w := range controlWords {
		if hasWordPrefix(body, w) {
			return false
		}
	}
	return true
}

var controlWords = []string{"if", "else", "end", "range", "with", "define", "block", "template", "break", "continue"}

func hasWordPrefix(b []byte, w string) bool {
	if !bytes.HasPrefix(b, []byte(w)) {
		return false
	}
	if len(b) == len(w) {
		return true
	}
	c := b[len(w)]
	return !(c == '_' || c == '.' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z')
}

// fill overwrites a tag: an identifier for output tags, blanks otherwise.
func fill(b []byte, output bool) {
	for i := range b {
		switch {
		case !output && (b[i] == '\n' || b[i] == '\r'):
		case output:
			b[i] = '_'
		default:
			b[i] = ' '
		}
	}
}

// Overlapping returns the first tag of spans (sorted, as Mask returns them)
// that overlaps bytes [a, b), if any: the value there is printed by the
// template, so it is dynamic.
func Overlapping(spans []Span, a, b int) (Span, bool) {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > a })
	if i < len(spans) && spans[i].Start < b {
		return spans[i], true
	}
	return Span{}, false
}
