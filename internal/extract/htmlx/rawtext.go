package htmlx

import "bytes"

// readRaw reads the raw text of z.rawTag up to (not including) its end
// tag, or to the end of input.
func (z *tokenizer) readRaw() {
	if z.rawTag == "script" {
		z.readScript()
		return
	}
	for {
		i := bytes.Index(z.buf[z.pos:], []byte("</"))
		if i < 0 {
			z.pos = len(z.buf)
			return
		}
		z.pos += i
		if z.atRawEndTag() {
			return
		}
		z.pos += 2
	}
}

// atRawEndTag reports whether "</" + rawTag + a space, "/" or ">" stands
// at z.pos.
func (z *tokenizer) atRawEndTag() bool {
	n := len(z.rawTag)
	end := z.pos + 2 + n
	if end >= len(z.buf) || !equalFold(z.buf[z.pos+2:end], z.rawTag) {
		return false
	}
	switch z.buf[end] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true
	}
	return false
}

// scriptState is a state of the HTML script data grammar: "<!--" in a
// script escapes it, and "<script" inside that hides the next "</script>".
type scriptState uint8

const (
	scriptData scriptState = iota
	scriptEscaped
	scriptEscapedDash
	scriptEscapedDashDash
	scriptDoubleEscaped
	scriptDoubleEscapedDash
	scriptDoubleEscapedDashDash
)

// readScript follows x/net/html's readScript state for state; plain
// script data, by far the most common, jumps from "<" to "<".
func (z *tokenizer) readScript() {
	b := z.buf
	st := scriptData
	for z.pos < len(b) {
		if st == scriptData {
			i := bytes.IndexByte(b[z.pos:], '<')
			if i < 0 {
				z.pos = len(b)
				return
			}
			z.pos += i
		}
		c := b[z.pos]
		z.pos++
		switch st {
		case scriptData:
			// c == '<'
			if z.pos >= len(b) {
				return
			}
			switch b[z.pos] {
			case '/':
				z.pos--
				if z.atRawEndTag() {
					return
				}
				if z.rawEndTagCut() {
					z.pos = len(b)
					return
				}
				z.pos += 2
			case '!':
				z.pos++
				if z.pos+2 <= len(b) && b[z.pos] == '-' && b[z.pos+1] == '-' {
					z.pos += 2
					st = scriptEscapedDashDash
				} else if z.pos+1 >= len(b) || z.pos+2 > len(b) && b[z.pos] == '-' {
					z.pos = len(b)
					return
				}
			}
		case scriptEscaped, scriptEscapedDash, scriptEscapedDashDash:
			switch c {
			case '-':
				if st == scriptEscaped {
					st = scriptEscapedDash
				} else {
					st = scriptEscapedDashDash
				}
			case '<':
				st = z.escapedLessThan()
				if st == 255 {
					return
				}
			case '>':
				if st == scriptEscapedDashDash {
					st = scriptData
				} else {
					st = scriptEscaped
				}
			default:
				st = scriptEscaped
			}
		default: // double escaped
			switch c {
			case '-':
				if st == scriptDoubleEscaped {
					st = scriptDoubleEscapedDash
				} else {
					st = scriptDoubleEscapedDashDash
				}
			case '<':
				if z.pos < len(b) && b[z.pos] == '/' {
					z.pos--
					if z.atRawEndTag() {
						z.pos += 2 + len("script") + 1
						st = scriptEscaped
						continue
					}
					if z.rawEndTagCut() {
						z.pos = len(b)
						return
					}
					z.pos += 2
				}
				st = scriptDoubleEscaped
			case '>':
				if st == scriptDoubleEscapedDashDash {
					st = scriptData
				} else {
					st = scriptDoubleEscaped
				}
			default:
				st = scriptDoubleEscaped
			}
		}
	}
}

// escapedLessThan handles "<" in escaped script data (z.pos just after
// it): an end tag ends the script (255), "<script" double-escapes it.
func (z *tokenizer) escapedLessThan() scriptState {
	b := z.buf
	if z.pos >= len(b) {
		return scriptEscaped
	}
	c := b[z.pos]
	if c == '/' {
		z.pos--
		if z.atRawEndTag() {
			return 255
		}
		if z.rawEndTagCut() {
			z.pos = len(b)
			return scriptEscaped
		}
		z.pos += 2
		return scriptEscaped
	}
	if !isLetter(c) {
		return scriptData
	}
	end := z.pos + len("script")
	for i := z.pos; i < end; i++ {
		if i >= len(b) {
			z.pos = len(b)
			return scriptEscaped
		}
		if b[i]|0x20 != "script"[i-z.pos] {
			z.pos = i
			return scriptEscaped
		}
	}
	if end >= len(b) {
		z.pos = len(b)
		return scriptEscaped
	}
	z.pos = end + 1
	switch b[end] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return scriptDoubleEscaped
	}
	z.pos = end
	return scriptEscaped
}

// rawEndTagCut reports whether the input ends inside what could still be
// "</script" followed by its delimiter: x/net/html then stops there.
func (z *tokenizer) rawEndTagCut() bool {
	rest := z.buf[z.pos+2:]
	n := len(z.rawTag)
	if len(rest) > n {
		return false
	}
	return equalFold(rest, z.rawTag[:len(rest)])
}
