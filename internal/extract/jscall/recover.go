package jscall

import (
	"bytes"
	"sort"
)

// Recovery (issue 15): a script that does not parse still holds pixel
// calls the site makes once its template is rendered, or that run up to the
// broken statement. Its text is cut into top-level statements; those that
// parse on their own are kept, and in those that do not, each oaiq(…) call
// is parsed on its own. What was kept is parsed again as one script in
// which everything else is blanked (newlines kept), so every offset, the
// order of the calls and the constants between them are those of the file.

// maxRecoverChunks bounds the statements parsed one by one: past it the
// rest of the script is read call by call only.
const maxRecoverChunks = 4096

// recoverScript reads what it can of code, which failed to parse with
// serr. ok is false when no pixel call or loader could be read.
func recoverScript(s Script, code []byte, serr *SyntaxError) (Result, bool) {
	sc := scanJS(code)
	buf := make([]byte, len(code))
	blank(buf, code, 0, len(code))
	kept := false
	keep := func(a, b int) {
		copy(buf[a:b], code[a:b])
		// A statement or call copied alone ends where it ends, whatever
		// follows it in the buffer.
		if b < len(buf) && buf[b] == ' ' {
			buf[b] = ';'
		}
		kept = true
	}
	// A piece parses on its own as plain JavaScript or, in a script read
	// through a Transform (TypeScript, JSX), once transformed: a recovered
	// `amount: 12.99 as number` is the literal 12.99, checked as such.
	parses := func(piece []byte) bool {
		if _, err := parse(piece); err == nil {
			return true
		}
		if s.Transform == nil {
			return false
		}
		t, err := s.Transform(piece)
		if err != nil {
			return false
		}
		_, perr := parse(t.Code)
		return perr == nil
	}
	var unread []int
	parsedChunks := 0
	ci := 0 // the first call that may lie in the current statement
	for _, ch := range sc.chunks {
		for ci < len(sc.calls) && sc.calls[ci][0] < ch[0] {
			ci++
		}
		if !bytes.Contains(code[ch[0]:ch[1]], pixelName) && parsedChunks >= maxRecoverChunks {
			continue
		}
		parsedChunks++
		if parsedChunks <= maxRecoverChunks {
			if parses(code[ch[0]:ch[1]]) {
				keep(ch[0], ch[1])
				continue
			}
		}
		// The statement does not parse: read its pixel calls one by one
		// (a call inside one already kept is part of it).
		last, keptHere := -1, false
		for _, c := range sc.calls[ci:] {
			if c[0] >= ch[1] {
				break
			}
			if c[1] > ch[1] || c[0] < last {
				continue
			}
			if parses(code[c[0]:c[1]]) {
				keep(c[0], c[1])
				last, keptHere = c[1], true
			} else {
				unread = append(unread, s.Base+c[0])
			}
		}
		if !keptHere && len(unread) == 0 && bytes.Contains(code[ch[0]:ch[1]], pixelName) {
			unread = append(unread, s.Base+ch[0])
		}
	}
	if !kept || !bytes.Contains(buf, pixelName) {
		return Result{}, false
	}
	identity := func(off int) int { return off }
	parsed, mapStart, mapEnd := buf, identity, identity
	prog, err := parse(buf)
	if err != nil && s.Transform != nil {
		if t, terr := s.Transform(buf); terr == nil {
			prog, err = parse(t.Code)
			parsed, mapStart, mapEnd = t.Code, t.Start, t.End
		}
	}
	if err != nil {
		return Result{}, false
	}
	res := run(s, parsed, prog, mapStart, mapEnd)
	if len(res.Calls) == 0 && len(res.Loaders) == 0 && !res.Defines {
		return Result{}, false
	}
	res.Partial = serr
	res.Unread = unread
	return res, true
}

var pixelName = []byte("oaiq")

// blank writes code[a:b] into dst as white space, keeping line breaks.
func blank(dst, code []byte, a, b int) {
	for i := a; i < b; i++ {
		if c := code[i]; c == '\n' || c == '\r' {
			dst[i] = c
		} else {
			dst[i] = ' '
		}
	}
}

// scanned is what one lexical pass over a script finds.
type scanned struct {
	// chunks are the top-level statements: cut at ";" and line breaks
	// outside any bracket (a statement spread over lines inside brackets
	// stays whole).
	chunks [][2]int
	// calls are the oaiq(…) calls whose parenthesis closes, callee
	// included, in the order they start.
	calls [][2]int
}

// scanJS cuts code into statements and finds its pixel calls in one linear
// pass that skips strings, template literals, comments and regular
// expressions. Unbalanced brackets do not make it fail: a closer that
// matches no opener is ignored.
func scanJS(code []byte) scanned {
	var sc scanned
	var stack []bracket
	chunkStart := 0
	var prev byte // the last significant byte, for regular expressions
	cut := func(end int) {
		if len(bytes.TrimSpace(code[chunkStart:end])) > 0 {
			sc.chunks = append(sc.chunks, [2]int{chunkStart, end})
		}
		chunkStart = end
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '\n' || c == '\r':
			if len(stack) == 0 {
				cut(i)
			}
			continue
		case c == ' ' || c == '\t':
			continue
		case c == '/' && i+1 < len(code) && code[i+1] == '/':
			for i < len(code) && code[i] != '\n' && code[i] != '\r' {
				i++
			}
			i--
			continue
		case c == '/' && i+1 < len(code) && code[i+1] == '*':
			j := bytes.Index(code[i+2:], []byte("*/"))
			if j < 0 {
				i = len(code)
			} else {
				i += j + 3
			}
			continue
		case c == '"' || c == '\'':
			i = stringEnd(code, i) - 1
		case c == '`':
			i = templateResume(code, i+1, &stack) - 1
		case c == '/' && regexAllowed(prev):
			i = regexEnd(code, i) - 1
		case c == '(' || c == '[' || c == '{':
			o := bracket{c: c, call: -1}
			if c == '(' {
				o.call = calleeStart(code, i)
			}
			stack = append(stack, o)
		case c == ')' || c == ']' || c == '}':
			if len(stack) == 0 || stack[len(stack)-1].c != opener(c) {
				break // a stray closer
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o.templ {
				// The end of a ${…} part: the template literal goes on.
				i = templateResume(code, i+1, &stack) - 1
				prev = '`'
				continue
			}
			if o.call >= 0 {
				sc.calls = append(sc.calls, [2]int{o.call, i + 1})
			}
		case c == ';':
			if len(stack) == 0 {
				cut(i + 1)
				prev = c
				continue
			}
		}
		prev = code[i]
	}
	cut(len(code))
	sort.Slice(sc.calls, func(i, j int) bool { return sc.calls[i][0] < sc.calls[j][0] })
	return sc
}

// bracket is an open bracket during scanJS.
type bracket struct {
	c byte
	// call is where the callee starts when this "(" opens an oaiq call,
	// else -1.
	call int
	// templ marks the "{" of a template literal's ${…} part.
	templ bool
}

func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// calleeStart returns where the callee of the "(" at i begins when it is
// oaiq (oaiq, window.oaiq, w?.oaiq), else -1.
func calleeStart(code []byte, i int) int {
	j := i
	for j > 0 && (code[j-1] == ' ' || code[j-1] == '\t') {
		j--
	}
	if j < 4 || string(code[j-4:j]) != "oaiq" || j > 4 && isIdentByte(code[j-5]) {
		return -1
	}
	a := j - 4
	// window.oaiq, w?.oaiq, a.b.oaiq
	for a > 0 && code[a-1] == '.' {
		k := a - 1
		if k > 0 && code[k-1] == '?' {
			k--
		}
		m := k
		for m > 0 && isIdentByte(code[m-1]) {
			m--
		}
		if m == k {
			break
		}
		a = m
	}
	return a
}

// stringEnd returns the offset just past the quoted string at i (the end
// of the line for one left open).
func stringEnd(code []byte, i int) int {
	q := code[i]
	for j := i + 1; j < len(code); j++ {
		switch code[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(code)
}

// templateResume reads template literal text from i up to its closing
// backtick (returning the offset past it) or a "${" (pushing a frame for
// the part and returning the offset past "${").
func templateResume(code []byte, i int, stack *[]bracket) int {
	for j := i; j < len(code); j++ {
		switch code[j] {
		case '\\':
			j++
		case '`':
			return j + 1
		case '$':
			if j+1 < len(code) && code[j+1] == '{' {
				*stack = append(*stack, bracket{c: '{', call: -1, templ: true})
				return j + 2
			}
		}
	}
	return len(code)
}

// regexAllowed reports whether a "/" after the significant byte prev
// starts a regular expression rather than a division.
func regexAllowed(prev byte) bool {
	switch prev {
	case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^':
		return true
	}
	return false
}

// regexEnd returns the offset past the regular expression literal at i.
func regexEnd(code []byte, i int) int {
	class := false
	for j := i + 1; j < len(code); j++ {
		switch code[j] {
		case '\\':
			j++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(code) && isIdentByte(code[j]) {
					j++
				}
				return j
			}
		case '\n', '\r':
			return j
		}
	}
	return len(code)
}
