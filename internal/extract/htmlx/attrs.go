package htmlx

import (
	"bytes"

	"golang.org/x/net/html"
)

// Attr is one attribute of a start tag. ValStart and ValEnd are the byte
// offsets of the value as written (inside quotes), so findings can point
// at it.
type Attr struct {
	Name  string // lower case
	Value string // entities decoded
	// HasValue is false for a bare attribute (<script async>).
	HasValue         bool
	ValStart, ValEnd int
}

// parseAttrs reads the attributes of the start tag text[start:end]. The
// tokenizer already found the tag's end, so this only splits names and
// values; it follows the HTML attribute grammar loosely (no errors).
func parseAttrs(text, original []byte, start, end int) []Attr {
	i := start + 1
	for i < end && !isSpace(text[i]) && text[i] != '/' && text[i] != '>' {
		i++ // tag name
	}
	var attrs []Attr
	for i < end {
		for i < end && (isSpace(text[i]) || text[i] == '/') {
			i++
		}
		if i >= end || text[i] == '>' {
			break
		}
		ns := i
		i++ // an attribute name may start with "="
		for i < end && !isSpace(text[i]) && text[i] != '/' && text[i] != '>' && text[i] != '=' {
			i++
		}
		a := Attr{Name: string(bytes.ToLower(text[ns:i]))}
		j := skipSpace(text, i, end)
		if j < end && text[j] == '=' {
			j = skipSpace(text, j+1, end)
			a.HasValue = true
			if j < end && (text[j] == '"' || text[j] == '\'') {
				q := text[j]
				k := bytes.IndexByte(text[j+1:end], q)
				a.ValStart = j + 1
				if k < 0 {
					a.ValEnd = end
				} else {
					a.ValEnd = j + 1 + k
				}
				i = a.ValEnd + 1
			} else {
				a.ValStart = j
				for j < end && !isSpace(text[j]) && text[j] != '>' {
					j++
				}
				a.ValEnd = j
				i = j
			}
			a.Value = html.UnescapeString(string(original[a.ValStart:a.ValEnd]))
		}
		if !dupAttr(attrs, a.Name) {
			// The first of two equal attributes wins in HTML.
			attrs = append(attrs, a)
		}
	}
	return attrs
}

func dupAttr(attrs []Attr, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func skipSpace(b []byte, i, end int) int {
	for i < end && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
