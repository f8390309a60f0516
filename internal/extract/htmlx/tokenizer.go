package htmlx

import "bytes"

// tokenType mirrors html.TokenType for the tokens Scan looks at.
type tokenType uint8

const (
	errorToken tokenType = iota
	textToken
	startTagToken
	endTagToken
	selfClosingTagToken
	commentToken
	doctypeToken
)

// tokenizer splits a page into the same tokens, at the same byte offsets,
// as golang.org/x/net/html's Tokenizer (the differential test and fuzz
// target hold it to that), but over a byte slice already in memory: it
// jumps between the bytes that matter with IndexByte and saves no
// attributes, which makes it several times faster on large pages.
type tokenizer struct {
	buf []byte
	pos int
	// rawTag is the lower-case name of the element whose raw text comes
	// next ("script", "style", …), "" otherwise.
	rawTag string
	// nameStart and nameEnd delimit the current tag's name.
	nameStart, nameEnd int
	// keys and valEnds are the current tag's attribute keys and where
	// their values end, to tell "<br/>" from "<p a=/>" as x/net/html does.
	keys    [][2]int
	valEnds []int
	eof     bool
}

func newTokenizer(buf []byte) *tokenizer { return &tokenizer{buf: buf} }

// name is the current tag's name as written.
func (z *tokenizer) name() []byte { return z.buf[z.nameStart:z.nameEnd] }

// next returns the type of the next token and its end offset; tokens
// partition the input up to the error token.
func (z *tokenizer) next() (tokenType, int) {
	tt := z.scan()
	return tt, z.pos
}

func (z *tokenizer) scan() tokenType {
	start := z.pos
	if z.eof {
		return errorToken
	}
	if z.rawTag != "" {
		if z.rawTag == "plaintext" {
			z.pos = len(z.buf)
		} else {
			z.readRaw()
		}
		z.rawTag = ""
		if z.pos > start {
			return textToken
		}
	}
	for {
		i := bytes.IndexByte(z.buf[z.pos:], '<')
		if i < 0 {
			z.pos = len(z.buf)
			break
		}
		lt := z.pos + i
		if lt+1 >= len(z.buf) {
			z.pos = len(z.buf)
			break
		}
		c := z.buf[lt+1]
		kind := errorToken
		switch {
		case isLetter(c):
			kind = startTagToken
		case c == '/':
			kind = endTagToken
		case c == '!' || c == '?':
			kind = commentToken
		default:
			z.pos = lt + 1
			continue
		}
		if lt > start {
			z.pos = lt
			return textToken
		}
		z.pos = lt + 2
		switch kind {
		case startTagToken:
			return z.readStartTag()
		case endTagToken:
			if z.pos >= len(z.buf) {
				z.pos = len(z.buf)
				return z.textOrEOF(start)
			}
			c = z.buf[z.pos]
			z.pos++
			switch {
			case c == '>':
				return commentToken
			case isLetter(c):
				if !z.readTag() {
					return z.fail()
				}
				return endTagToken
			}
			z.pos--
			z.untilCloseAngle()
			return commentToken
		default:
			if c == '!' {
				return z.readMarkupDeclaration()
			}
			z.pos--
			z.untilCloseAngle()
			return commentToken
		}
	}
	return z.textOrEOF(start)
}

func (z *tokenizer) textOrEOF(start int) tokenType {
	if z.pos > start {
		return textToken
	}
	z.eof = true
	return errorToken
}

// fail ends the stream: x/net/html reports an error token for a tag cut
// off by the end of input, and nothing after it.
func (z *tokenizer) fail() tokenType {
	z.eof = true
	z.pos = len(z.buf)
	return errorToken
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// rawTags are the elements whose content the tokenizer reads as raw text.
var rawTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

func (z *tokenizer) readStartTag() tokenType {
	if !z.readTag() {
		return z.fail()
	}
	for _, t := range rawTags {
		if equalFold(z.name(), t) {
			z.rawTag = t
			break
		}
	}
	if z.buf[z.pos-2] == '/' {
		if v := z.lastKeptValEnd(); v < 0 || z.pos-2 != v-1 {
			return selfClosingTagToken
		}
	}
	return startTagToken
}

// readTag reads a tag whose "<a" or "</a" was consumed, through its ">";
// false when the input ends first.
func (z *tokenizer) readTag() bool {
	z.keys = z.keys[:0]
	z.valEnds = z.valEnds[:0]
	z.nameStart = z.pos - 1
	for {
		if z.pos >= len(z.buf) {
			return false
		}
		c := z.buf[z.pos]
		if isSpaceByte(c) {
			z.nameEnd = z.pos
			z.pos++
			break
		}
		if c == '/' || c == '>' {
			z.nameEnd = z.pos
			break
		}
		z.pos++
	}
	for {
		z.skipSpace()
		if z.pos >= len(z.buf) {
			return false
		}
		if z.buf[z.pos] == '>' {
			z.pos++
			return true
		}
		ks := z.pos
		z.readAttrKey()
		ke := z.pos
		ve, ok := z.readAttrVal()
		if !ok {
			return false
		}
		z.keys = append(z.keys, [2]int{ks, ke})
		z.valEnds = append(z.valEnds, ve)
	}
}

func (z *tokenizer) skipSpace() {
	for z.pos < len(z.buf) && isSpaceByte(z.buf[z.pos]) {
		z.pos++
	}
}

func (z *tokenizer) readAttrKey() {
	start := z.pos
	for z.pos < len(z.buf) {
		c := z.buf[z.pos]
		switch c {
		case '=':
			if z.pos == start {
				z.pos++ // an attribute name may start with "="
				continue
			}
			return
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return
		}
		z.pos++
	}
}

// readAttrVal reads an optional "=value" and returns where the value
// ends (where it would start when there is none); false at end of input.
func (z *tokenizer) readAttrVal() (int, bool) {
	end := z.pos
	z.skipSpace()
	if z.pos >= len(z.buf) {
		return end, false
	}
	c := z.buf[z.pos]
	if c == '/' {
		z.pos++
		return end, true
	}
	if c != '=' {
		return end, true
	}
	z.pos++
	z.skipSpace()
	if z.pos >= len(z.buf) {
		return end, false
	}
	q := z.buf[z.pos]
	switch q {
	case '>':
		return end, true
	case '\'', '"':
		i := bytes.IndexByte(z.buf[z.pos+1:], q)
		if i < 0 {
			return end, false
		}
		z.pos += 1 + i + 1
		return z.pos - 1, true
	}
	for z.pos++; z.pos < len(z.buf); z.pos++ {
		switch z.buf[z.pos] {
		case ' ', '\n', '\r', '\t', '\f':
			z.pos++
			return z.pos - 1, true
		case '>':
			return z.pos, true
		}
	}
	return end, false
}

// lastKeptValEnd is the value end of the last attribute x/net/html keeps:
// a non-empty key not seen before in the tag (case-insensitively).
func (z *tokenizer) lastKeptValEnd() int {
	for i := len(z.keys) - 1; i >= 0; i-- {
		k := z.buf[z.keys[i][0]:z.keys[i][1]]
		if len(k) == 0 {
			continue
		}
		dup := false
		for j := range i {
			if asciiEqualFold(z.buf[z.keys[j][0]:z.keys[j][1]], k) {
				dup = true
				break
			}
		}
		if !dup {
			return z.valEnds[i]
		}
	}
	return -1
}

func (z *tokenizer) untilCloseAngle() {
	if i := bytes.IndexByte(z.buf[z.pos:], '>'); i >= 0 {
		z.pos += i + 1
	} else {
		z.pos = len(z.buf)
	}
}

// readMarkupDeclaration reads a comment, doctype or bogus comment after "<!".
func (z *tokenizer) readMarkupDeclaration() tokenType {
	if z.pos+2 > len(z.buf) {
		z.pos = len(z.buf)
		return commentToken
	}
	if z.buf[z.pos] == '-' && z.buf[z.pos+1] == '-' {
		z.pos += 2
		z.readComment()
		return commentToken
	}
	if z.pos+7 <= len(z.buf) && equalFold(z.buf[z.pos:z.pos+7], "doctype") {
		z.pos += 7
		z.untilCloseAngle()
		return doctypeToken
	}
	z.untilCloseAngle()
	return commentToken
}

// readComment follows x/net/html: "-->", "--!>", and "<!-->" or "<!--->"
// end a comment; the end of input does too.
func (z *tokenizer) readComment() {
	dashes := 0
	beginning := true
	for z.pos < len(z.buf) {
		c := z.buf[z.pos]
		z.pos++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return
			}
		case '!':
			if dashes >= 2 {
				if z.pos >= len(z.buf) {
					return
				}
				c = z.buf[z.pos]
				z.pos++
				if c == '>' {
					return
				}
				if c == '-' {
					dashes = 1
					beginning = false
					continue
				}
			}
		}
		dashes = 0
		beginning = false
	}
}

func equalFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i := range b {
		if b[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// asciiEqualFold compares with only A-Z folded, as x/net/html's lower does.
func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
