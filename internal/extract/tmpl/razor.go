package tmpl

import "bytes"

// Razor masks ASP.NET Razor in text already masked by Mask, as Razor's own
// parser tells code from markup:
//
//   - @Model.PixelId, @item.Price.ToString("F2"), @list[0], @await F()
//     (implicit expressions) and @(a + b) print a value: an identifier of
//     the same length;
//   - @{ … } code blocks, @if (…) { … } else { … } and the other control
//     statements, @code and @functions blocks are C#: blanks, except the
//     markup they hold (<script>…</script>, <text>…</text>, @: lines),
//     which is read as markup (<text> tags, never sent, are blanked);
//   - @* … *@ comments and line directives (@model, @using, @inject, @page
//     "/route"…) print nothing: blanks.
//
// "@" after a letter or digit (an e-mail address) and "@@" (Razor's escape
// for "@") stay, and so do CSS at-rules (@media, @keyframes, @font-face…)
// that a style sheet in the page may hold. vb reads Visual Basic Razor
// (.vbhtml): @Code … End Code blocks and @If … Then lines instead of C#
// blocks. It is meant for Razor files only: elsewhere "@" is a decorator
// or part of an address. spans are Mask's; the result's are sorted.
func Razor(text []byte, spans []Span, vb bool) ([]byte, []Span) {
	if bytes.IndexByte(text, '@') < 0 {
		return text, spans
	}
	r := razor{overlay: newOverlay(text, spans), text: text, vb: vb, unclosedTo: -1, uncommentedTo: -1}
	r.scan(0, len(text))
	return r.result()
}

type razor struct {
	*overlay
	text []byte
	vb   bool
	// unclosedTo is where a code block that did not close ran to: a later
	// one reading no further cannot close either, and is not searched
	// again (the scan stays linear). -1 when none.
	unclosedTo int
	// uncommentedTo is the same for a "@*" without its "*@".
	uncommentedTo int
}

// scan reads markup in [from, to), masking every Razor construct in it.
func (r *razor) scan(from, to int) {
	text := r.text
	for i := from; i < to; i++ {
		j := bytes.IndexByte(text[i:to], '@')
		if j < 0 {
			return
		}
		i += j
		if i+1 >= to {
			return
		}
		if text[i+1] == '@' {
			i++ // "@@" is a literal "@"
			continue
		}
		if i > 0 && isAlnum(text[i-1]) {
			continue // an e-mail address
		}
		if end := r.construct(i, to); end > i {
			i = end - 1
		}
	}
}

// construct masks the Razor construct whose "@" is at i and returns the
// offset past it, or i when none starts there.
func (r *razor) construct(i, to int) int {
	text := r.text
	switch c := text[i+1]; {
	case c == '*':
		if to <= r.uncommentedTo {
			return i
		}
		e := bytes.Index(text[i+2:to], []byte("*@"))
		if e < 0 {
			r.uncommentedTo = to // no "*@" further on: not searched again
			return i
		}
		return r.mask(i, i+2+e+2, false)
	case c == '(':
		end, ok := r.balancedEnd(text[:to], i+1, '(', ')')
		if !ok {
			return i
		}
		return r.mask(i, end, true)
	case c == '{' && !r.vb:
		return r.codeBlock(i, i+1, to)
	case !isIdentStart(c):
		return i
	}
	w := i + 1
	for w < to && isIdentByte(text[w]) {
		w++
	}
	word := string(text[i+1 : w])
	if r.vb {
		if end, ok := r.vbConstruct(i, w, word, to); ok {
			return end
		}
	} else if end, ok := r.csConstruct(i, w, word, to); ok {
		return end
	}
	if cssAtRules[word] {
		return i // a style sheet's at-rule (Razor wants "@@media"; left as written)
	}
	if word == "await" {
		if k := skipBlanks(text, w, to); k > w && k < to && isIdentStart(text[k]) {
			w = k
			for w < to && isIdentByte(text[w]) {
				w++
			}
		}
	}
	end := r.implicitEnd(w, to)
	return r.mask(i, end, true)
}

// csConstruct masks the C# keywords and directives of Razor; ok is false
// when word starts an implicit expression.
func (r *razor) csConstruct(i, w int, word string, to int) (int, bool) {
	text := r.text
	k := skipBlanks(text, w, to)
	switch word {
	case "if", "for", "foreach", "while", "switch", "lock", "try", "do":
		return r.control(i, w, to), true
	case "using":
		if k < to && text[k] == '(' {
			return r.control(i, w, to), true
		}
		return r.directive(i, to)
	case "code", "functions":
		if k < to && text[k] == '{' {
			return r.codeBlock(i, k, to), true
		}
	case "section":
		// @section Scripts { markup }: the header and its "{" are blanked,
		// the markup read; the closing "}" is left (markup text).
		n := k
		for n < to && isIdentByte(text[n]) {
			n++
		}
		b := skipBlanks(text, n, to)
		if n > k && b < to && text[b] == '{' {
			return r.mask(i, b+1, false), true
		}
	case "page":
		// @page "/route" (a directive) or @page { … } (a CSS at-rule).
		if k == to || text[k] == '"' || text[k] == '\n' || text[k] == '\r' {
			return r.directive(i, to)
		}
	case "namespace":
		// @namespace App.Pages, not CSS's @namespace svg url(…).
		e := lineEnd(text, w, to)
		if rest := bytes.TrimSpace(text[w:e]); len(rest) > 0 && isDotted(rest) {
			return r.directive(i, to)
		}
	case "model", "inject", "layout", "inherits", "implements", "attribute", "typeparam",
		"addTagHelper", "removeTagHelper", "tagHelperPrefix", "rendermode", "preservewhitespace":
		return r.directive(i, to)
	}
	return 0, false
}

// vbConstruct masks Visual Basic Razor's blocks and statements.
func (r *razor) vbConstruct(i, w int, word string, to int) (int, bool) {
	switch word {
	case "Code", "Functions":
		if to <= r.unclosedTo {
			return 0, false
		}
		closer := []byte("End " + word)
		e := bytes.Index(r.text[w:to], closer)
		if e < 0 {
			r.unclosedTo = to // no closer further on: not searched again
			return 0, false
		}
		return r.mask(i, w+e+len(closer), false), true
	case "If", "For", "While", "Select", "Using", "Do", "Try", "ModelType", "Imports", "Inherits", "Layout":
		e := lineEnd(r.text, w, to)
		return r.mask(i, e, false), true
	}
	return 0, false
}

// directive blanks a line directive (@model Foo) to the end of its line;
// one not at the start of a line is no directive.
func (r *razor) directive(i, to int) (int, bool) {
	for k := i - 1; k >= 0 && r.text[k] != '\n'; k-- {
		if r.text[k] != ' ' && r.text[k] != '\t' {
			return 0, false
		}
	}
	e := lineEnd(r.text, i, to)
	return r.mask(i, e, false), true
}

// implicitEnd returns the end of an implicit expression whose first
// identifier ends at w: member accesses (.Name, ?.Name), calls and
// indexes written without spaces. A trailing "." is the text's.
func (r *razor) implicitEnd(w, to int) int {
	text := r.text
	end := w
	for end < to {
		c := text[end]
		k := end + 1
		if c == '?' && k < to && (text[k] == '.' || text[k] == '[') {
			c, k = text[k], k+1
		}
		switch c {
		case '.':
			if k < to && isIdentStart(text[k]) {
				for k < to && isIdentByte(text[k]) {
					k++
				}
				end = k
				continue
			}
		case '(', '[':
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			if e, ok := r.balancedEnd(text[:to], k-1, c, closer); ok {
				end = e
				continue
			}
		}
		break
	}
	return end
}

// control blanks a control statement's keyword and parenthesised header,
// reads its { … } body as a code block, then the else, else if, catch,
// finally or do-while parts that follow it.
func (r *razor) control(i, w, to int) int {
	text := r.text
	start, end := i, w
	for {
		k := skipBlanks(text, end, to)
		if k < to && text[k] == '(' {
			e, ok := r.balancedEnd(text[:to], k, '(', ')')
			if !ok {
				return i
			}
			end = e
			k = skipBlanks(text, end, to)
		}
		if end = r.mask(start, end, false); end > k {
			k = end
		}
		if k >= to || text[k] != '{' {
			return end
		}
		e := r.codeBlock(k, k, to)
		if e == k {
			return end
		}
		end = e
		k = skipBlanks(text, end, to)
		n := k
		for n < to && isIdentByte(text[n]) {
			n++
		}
		switch string(text[k:n]) {
		case "else":
			start, end = k, n
			if m := skipBlanks(text, n, to); m+2 <= to && string(text[m:m+2]) == "if" && (m+2 == to || !isIdentByte(text[m+2])) {
				end = m + 2
			}
		case "catch", "finally":
			start, end = k, n
		case "while":
			if m := skipBlanks(text, n, to); m < to && text[m] == '(' {
				if e, ok := r.balancedEnd(text[:to], m, '(', ')'); ok {
					if e < to && text[e] == ';' {
						e++
					}
					return r.mask(k, e, false)
				}
			}
			return end
		default:
			return end
		}
	}
}

// codeBlock reads the C# block whose "{" is at open (start is where its
// construct starts, the "@" of @{ or the "{" itself): C# is blanked,
// markup inside it read by scan. It returns the offset past its "}", or
// start when the block does not close (nothing is masked then).
func (r *razor) codeBlock(start, open, to int) int {
	if to <= r.unclosedTo {
		return start
	}
	text := r.text
	type part struct {
		a, b   int
		markup bool
	}
	var parts []part
	code := start
	depth := 0
	stmt := true // at a statement's start, where "<" starts markup
	for j := open; j < to; j++ {
		c := text[j]
		switch {
		case c == '{':
			depth++
			stmt = true
		case c == '}':
			depth--
			stmt = true
			if depth == 0 {
				parts = append(parts, part{code, j + 1, false})
				for _, p := range parts {
					if p.markup {
						r.scan(p.a, p.b)
					} else {
						r.mask(p.a, p.b, false)
					}
				}
				return j + 1
			}
		case c == ';' || c == ':':
			stmt = true
		case c == '"' || c == '\'':
			j = stringEnd(text, j, to) - 1
			stmt = false
		case c == '/' && j+1 < to && text[j+1] == '/':
			j = lineEnd(text, j, to) - 1
		case c == '/' && j+1 < to && text[j+1] == '*':
			if e := bytes.Index(text[j+2:to], []byte("*/")); e >= 0 {
				j += 2 + e + 1
			} else {
				j = to
			}
		case c == '@' && stmt && j+1 < to && text[j+1] == ':':
			// @: the rest of the line is markup.
			e := lineEnd(text, j, to)
			parts = append(parts, part{code, j + 2, false}, part{j + 2, e, true})
			code, j = e, e-1
		case c == '<' && stmt && j+1 < to && isLetter(text[j+1]):
			tagEnd, closeStart, end := markupEnd(text, j, to)
			if end < 0 {
				// Razor rejects an element a code block does not close:
				// the block is left as written.
				r.unclosedTo = max(r.unclosedTo, to)
				return start
			}
			if string(text[j+1:min(j+6, to)]) == "text>" {
				// <text>…</text> is markup Razor does not send: its tags are blanked.
				parts = append(parts, part{code, tagEnd, false}, part{tagEnd, closeStart, true})
				code = closeStart
			} else {
				parts = append(parts, part{code, j, false}, part{j, end, true})
				code = end
			}
			j = end - 1
			stmt = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			stmt = false
		}
	}
	r.unclosedTo = max(r.unclosedTo, to)
	return start
}

// markupEnd reads the element whose "<" is at i: the offset past its start
// tag, where its end tag starts and the offset past the end tag (both the
// start tag's end for a void or self-closed element); end is -1 when the
// element does not close.
func markupEnd(text []byte, i, to int) (tagEnd, closeStart, end int) {
	n := i + 1
	for n < to && (isIdentByte(text[n]) || text[n] == '-' || text[n] == ':') {
		n++
	}
	name := bytes.ToLower(text[i+1 : n])
	tagEnd = -1
	for k := n; k < to; k++ {
		if c := text[k]; c == '"' || c == '\'' {
			k = stringEnd(text, k, to) - 1
		} else if c == '>' {
			tagEnd = k + 1
			break
		}
	}
	if tagEnd < 0 {
		return -1, -1, -1
	}
	if text[tagEnd-2] == '/' || voidElements[string(name)] {
		return tagEnd, tagEnd, tagEnd
	}
	// The matching end tag, counting nested elements of the same name
	// (a <script>'s text holds no elements).
	depth := 1
	for k := tagEnd; k+1 < to; k++ {
		if text[k] != '<' {
			continue
		}
		closing := text[k+1] == '/'
		m := k + 1
		if closing {
			m++
		}
		if m+len(name) > to || !bytes.EqualFold(text[m:m+len(name)], name) || m+len(name) < to && (isIdentByte(text[m+len(name)]) || text[m+len(name)] == '-') {
			continue
		}
		if !closing {
			if string(name) != "script" && string(name) != "style" {
				depth++
			}
			continue
		}
		if depth--; depth == 0 {
			e := bytes.IndexByte(text[m:to], '>')
			if e < 0 {
				return -1, -1, -1
			}
			return tagEnd, k, m + e + 1
		}
	}
	return -1, -1, -1
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// cssAtRules are the at-rules of CSS: in a Razor file "@media" in a style
// sheet is an error Razor reports ("@@media" is meant); it is left alone.
var cssAtRules = map[string]bool{"media": true, "keyframes": true, "import": true, "font": true, "supports": true,
	"charset": true, "layer": true, "container": true, "property": true, "counter": true, "viewport": true,
	"document": true, "scope": true, "starting": true, "page": true, "namespace": true, "apply": true, "tailwind": true}

// stringEnd returns the offset past the C# or HTML string whose quote is
// at i (backslash escapes; a verbatim @"…" doubles its quotes, which
// reads as two strings back to back), or to.
func stringEnd(text []byte, i, to int) int {
	q := text[i]
	for j := i + 1; j < to; j++ {
		switch text[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n':
			if q == '\'' {
				return j // an apostrophe in text, not a character literal
			}
		}
	}
	return to
}

func lineEnd(text []byte, i, to int) int {
	if e := bytes.IndexAny(text[i:to], "\r\n"); e >= 0 {
		return i + e
	}
	return to
}

func skipBlanks(text []byte, i, to int) int {
	for i < to && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

func isDotted(b []byte) bool {
	for _, c := range b {
		if !isIdentByte(c) && c != '.' {
			return false
		}
	}
	return isIdentStart(b[0])
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c >= 0x80 }

func isIdentStart(c byte) bool { return isLetter(c) || c == '_' }

func isIdentByte(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }
