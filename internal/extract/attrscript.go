package extract

import (
	"bytes"

	"golang.org/x/net/html"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// handlers reads the event-handler attributes and javascript: URLs that
// mention the pixel as scripts whose calls are deferred: they run when
// the user acts, not when the page loads. Loaders in them are not the
// page's loader and are left out.
func (pr *pageReader) handlers(hs []htmlx.Handler) {
	readHandlers(pr.doc, hs, attrText{f: pr.f, masked: pr.masked, spans: pr.spans, url: pr.opts.URL})
}

// attrText is the text handler attributes are read from.
type attrText struct {
	f      *source.File
	masked []byte
	spans  []tmpl.Span
	url    string
}

func readHandlers(doc *model.Document, hs []htmlx.Handler, t attrText) {
	for _, h := range hs {
		if doc.Page != nil {
			var quote byte
			if v := h.Attr.ValStart; v > 0 && (t.f.Text[v-1] == '"' || t.f.Text[v-1] == '\'') {
				quote = t.f.Text[v-1]
			}
			doc.Page.HandlerValues = append(doc.Page.HandlerValues, model.AttrValue{File: t.f.Name, Start: h.Attr.ValStart, End: h.Attr.ValEnd, Quote: quote})
		}
		start := h.Attr.ValStart
		if h.URL {
			k := bytes.IndexByte(t.masked[start:h.Attr.ValEnd], ':')
			if k < 0 {
				continue
			}
			start += k + 1
		}
		res := jscall.Extract(attrScript(t, start, h.Attr.ValEnd, h.URL))
		res.Loaders = nil
		addScript(doc, t.f, res, nil)
	}
}

// attrScript is the script an attribute value [start, end) runs. The
// browser decodes character references in the value (and percent escapes
// in a javascript: URL) first; an event handler's code is a function body,
// where `return` is allowed. Positions map back to the value as written.
func attrScript(t attrText, start, end int, url bool) jscall.Script {
	code := t.masked[start:end]
	s := jscall.Script{
		File: t.f, Base: start, Code: code, URL: t.url, Deferred: true,
		Templates: spansWithin(t.spans, start, end),
	}
	s.Transform = func(code []byte) (*jscall.Transformed, error) {
		d := identity(code)
		if bytes.IndexByte(code, '&') >= 0 {
			d = d.then(decodeReferences)
		}
		if url && bytes.IndexByte(d.out, '%') >= 0 {
			d = d.then(decodePercents)
		}
		if !url {
			d = d.wrap("(function(){", "\n})")
		}
		return &jscall.Transformed{Code: d.out, Start: d.startAt, End: d.endAt}, nil
	}
	return s
}

// decoded is text made from source text, with for each output offset the
// source offset its byte came from (start) and the source offset just past
// it (end, indexed by the output offset just past the byte).
type decoded struct {
	out        []byte
	start, end []int // len(out)+1 entries
}

func identity(b []byte) decoded {
	d := decoded{out: b, start: make([]int, len(b)+1), end: make([]int, len(b)+1)}
	for i := range d.start {
		d.start[i], d.end[i] = i, i
	}
	return d
}

func (d decoded) startAt(off int) int { return d.start[clamp(off, len(d.out))] }
func (d decoded) endAt(off int) int   { return d.end[clamp(off, len(d.out))] }

func clamp(off, n int) int {
	return min(max(off, 0), n)
}

// then applies a decoding step to d's output and composes the maps.
func (d decoded) then(step func([]byte) decoded) decoded {
	e := step(d.out)
	for i := range e.start {
		e.start[i] = d.start[e.start[i]]
		e.end[i] = d.end[e.end[i]]
	}
	return e
}

// wrap puts code around d's output; its bytes map to d's edges.
func (d decoded) wrap(before, after string) decoded {
	n := len(d.out)
	e := decoded{out: make([]byte, 0, len(before)+n+len(after))}
	e.out = append(append(append(e.out, before...), d.out...), after...)
	for i := 0; i <= len(e.out); i++ {
		j := clamp(i-len(before), n)
		e.start = append(e.start, d.start[j])
		e.end = append(e.end, d.end[j])
	}
	return e
}

// builder collects decoded output with its maps.
type builder struct{ d decoded }

func (b *builder) emit(out []byte, from, to int) {
	for range out {
		b.d.start = append(b.d.start, from)
	}
	b.d.out = append(b.d.out, out...)
	for range out {
		b.d.end = append(b.d.end, to)
	}
}

func (b *builder) done(n int) decoded {
	b.d.start = append(b.d.start, n)
	// end[i] is just past the source of byte i-1; end[0] is the start.
	b.d.end = append([]int{0}, b.d.end...)
	return b.d
}

// decodeReferences decodes HTML character references (&quot; &#39; &#x27;).
func decodeReferences(src []byte) decoded {
	var b builder
	for i := 0; i < len(src); {
		if src[i] == '&' {
			j := i + 1
			for j < len(src) && j-i < 40 && (isAlnum(src[j]) || j == i+1 && src[j] == '#') {
				j++
			}
			if j < len(src) && src[j] == ';' {
				j++
			}
			if out := html.UnescapeString(string(src[i:j])); out != string(src[i:j]) {
				b.emit([]byte(out), i, j)
				i = j
				continue
			}
		}
		b.emit(src[i:i+1], i, i+1)
		i++
	}
	return b.done(len(src))
}

// decodePercents decodes %XX escapes, as a javascript: URL is decoded.
func decodePercents(src []byte) decoded {
	var b builder
	for i := 0; i < len(src); {
		if src[i] == '%' && i+2 < len(src) && isHex(src[i+1]) && isHex(src[i+2]) {
			b.emit([]byte{unhex(src[i+1])<<4 | unhex(src[i+2])}, i, i+3)
			i += 3
			continue
		}
		b.emit(src[i:i+1], i, i+1)
		i++
	}
	return b.done(len(src))
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}
