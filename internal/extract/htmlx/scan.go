// Package htmlx scans an HTML page for what the pixel checks need — scripts,
// stylesheets, meta policies and where <head> ends — with exact byte
// offsets, without building a DOM.
package htmlx

import "bytes"

// Element is one <script>, <link> or <meta> element.
type Element struct {
	// Tag is "script", "link" or "meta".
	Tag string
	// Start and End are the element's bytes: the start tag, and for scripts
	// everything through the end tag.
	Start, End int
	Attrs      []Attr
	// InHead is true when the HTML parser would put the element in <head>
	// (explicit or implied). Always false in fragments.
	InHead bool
	// TextStart and TextEnd delimit a script's inline text.
	TextStart, TextEnd int
}

// Attr returns the attribute named name (lower case) and whether it is present.
func (e *Element) Attr(name string) (Attr, bool) {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a, true
		}
	}
	return Attr{}, false
}

// Value returns the value of attribute name, "" when absent.
func (e *Element) Value(name string) string {
	a, _ := e.Attr(name)
	return a.Value
}

// Has reports whether attribute name is present.
func (e *Element) Has(name string) bool {
	_, ok := e.Attr(name)
	return ok
}

// Document is the result of a scan.
type Document struct {
	// Full is true when the page has document structure: a doctype or an
	// <html>, <head> or <body> tag. Pages without are fragments.
	Full     bool
	Elements []Element
	// Handlers are the event-handler attributes and javascript: URLs, of
	// any element, that mention the pixel, in page order.
	Handlers []Handler
}

type insertionState uint8

const (
	beforeHead insertionState = iota
	inHead
	afterHead
	inBody
)

// headContent are the elements the HTML parser keeps in <head>; any other
// start tag (or visible text) opens <body>.
var headContent = map[string]bool{
	"html": true, "head": true, "meta": true, "link": true, "title": true,
	"base": true, "script": true, "style": true, "noscript": true, "template": true,
}

// rawText elements hold text that is not page content.
var rawText = map[string]bool{
	"script": true, "style": true, "title": true, "textarea": true, "xmp": true,
	"noembed": true, "noframes": true, "noscript": true, "iframe": true, "plaintext": true,
}

// Scan tokenizes text (already template-masked, so tags hold no template
// syntax); attribute values are read from original, which has the same
// length, so they keep what the author wrote.
func Scan(text, original []byte) Document {
	z := newTokenizer(text)
	var doc Document
	var nameBuf [16]byte
	state := beforeHead
	off := 0
	inRaw := false
	script := -1 // index of the open <script> element
	mention := newMentions(text)
	for {
		tt, end := z.next()
		start := off
		off = end
		switch tt {
		case errorToken:
			if script >= 0 {
				closeScript(&doc.Elements[script], len(text), len(text))
			}
			if !doc.Full {
				for i := range doc.Elements {
					doc.Elements[i].InHead = false
				}
			}
			return doc
		case doctypeToken:
			doc.Full = true
		case textToken:
			if inRaw || state == inBody {
				continue
			}
			// Visible text opens <body>. Masked template tags (runs of "_")
			// do not: in <head> they print head markup ({{ content_for_header }}).
			if len(bytes.Trim(text[start:off], " \t\r\n\f_")) > 0 {
				state = inBody
			}
		case startTagToken, selfClosingTagToken:
			// Names are looked up without allocating; only kept ones become strings.
			tag := lowerName(z.name(), nameBuf[:0])
			inRaw = tt == startTagToken && rawText[string(tag)]
			switch string(tag) {
			case "html":
				doc.Full = true
			case "head":
				doc.Full = true
				if state == beforeHead {
					state = inHead
				}
			case "body", "frameset":
				doc.Full = true
				state = inBody
			default:
				if state != inBody && !headContent[string(tag)] {
					state = inBody
				}
			}
			var name string
			switch string(tag) {
			case "script":
				name = "script"
			case "link":
				name = "link"
			case "meta":
				name = "meta"
			}
			var attrs []Attr
			if mention.within(start, off) {
				attrs = parseAttrs(text, original, start, off)
				doc.Handlers = append(doc.Handlers, handlers(attrs, text)...)
			}
			if name == "" {
				continue
			}
			if attrs == nil {
				attrs = parseAttrs(text, original, start, off)
			}
			el := Element{Tag: name, Start: start, End: off, InHead: state != inBody, Attrs: attrs}
			doc.Elements = append(doc.Elements, el)
			if name == "script" && tt == startTagToken {
				script = len(doc.Elements) - 1
				doc.Elements[script].TextStart = off
				doc.Elements[script].TextEnd = off
			}
		case endTagToken:
			inRaw = false
			switch string(lowerName(z.name(), nameBuf[:0])) {
			case "html", "body":
				doc.Full = true
			case "head":
				doc.Full = true
				if state != inBody {
					state = afterHead
				}
			case "script":
				if script >= 0 {
					closeScript(&doc.Elements[script], start, off)
					script = -1
				}
			}
		}
	}
}

func closeScript(el *Element, textEnd, end int) {
	el.TextEnd = textEnd
	el.End = end
}

// lowerName lower-cases a tag name (A-Z only, as x/net/html does) into buf.
func lowerName(name, buf []byte) []byte {
	for _, c := range name {
		buf = append(buf, lowerASCII(c))
	}
	return buf
}
