package eventlog

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// embedded parses JSON written inside a JSON string (a HAR entry's
// postData.text, a client log's body as sent) and maps every node's span
// back to where its text is written in the log, escapes and all. Pointers
// continue the string's own. A body that is not JSON is a log-parse-error
// and false; a string that cannot be mapped is returned as it is.
func (r *reader) embedded(s *model.Value) (*model.Value, bool) {
	start, end := r.f.Offset(s.Span.Start), r.f.Offset(s.Span.End)
	if start < 0 || end <= start+1 || r.f.Text[start] != '"' {
		return s, true
	}
	text, at := unescapeMapped(r.f.Text[start+1 : end-1])
	if text == nil {
		return s, true
	}
	inner := source.New(r.f.Name, text)
	v, err := jsonpos.Parse(inner, 0, len(text))
	if err != nil {
		off := len(text)
		if se, ok := err.(*jsonpos.SyntaxError); ok {
			off = se.Offset
		}
		raw := start + 1 + at[off]
		span := r.f.Span(raw, raw)
		span.Pointer = s.Span.Pointer
		r.fail(span, "request body is not valid JSON: "+err.Error(), "log the body the server posted, as it was sent")
		return nil, false
	}
	toLog := func(sp model.Span) model.Span {
		a, b := inner.Offset(sp.Start), inner.Offset(sp.End)
		if a < 0 || b < 0 {
			return s.Span
		}
		out := r.f.Span(start+1+at[a], start+1+at[b])
		out.Pointer = s.Span.Pointer + sp.Pointer
		return out
	}
	var remap func(n *model.Value)
	remap = func(n *model.Value) {
		n.Span = toLog(n.Span)
		for _, it := range n.Items {
			remap(it)
		}
		for _, f := range n.Fields {
			f.KeySpan = toLog(f.KeySpan)
			remap(f.Value)
		}
	}
	remap(v)
	unmark(v)
	return v, true
}

// unescapeMapped decodes a JSON string's contents and returns, for each
// byte of the result (and one past its end), the offset in raw it came
// from; nil when an escape is malformed.
func unescapeMapped(raw []byte) ([]byte, []int) {
	out := make([]byte, 0, len(raw))
	at := make([]int, 0, len(raw)+1)
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			at = append(at, i)
			i++
			continue
		}
		if i+1 >= len(raw) {
			return nil, nil
		}
		var dec []byte
		n := 2
		switch raw[i+1] {
		case '"', '\\', '/':
			dec = []byte{raw[i+1]}
		case 'b':
			dec = []byte{'\b'}
		case 'f':
			dec = []byte{'\f'}
		case 'n':
			dec = []byte{'\n'}
		case 'r':
			dec = []byte{'\r'}
		case 't':
			dec = []byte{'\t'}
		case 'u':
			ru, size, ok := hexRune(raw[i:])
			if !ok {
				return nil, nil
			}
			dec, n = utf8.AppendRune(nil, ru), size
		default:
			return nil, nil
		}
		for range dec {
			at = append(at, i)
		}
		out = append(out, dec...)
		i += n
	}
	return out, append(at, len(raw))
}

// hexRune decodes \uXXXX (and a following low surrogate) at the start of b.
func hexRune(b []byte) (rune, int, bool) {
	one := func(b []byte) (rune, bool) {
		if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(b[2:6]), 16, 16)
		return rune(n), err == nil
	}
	hi, ok := one(b)
	if !ok {
		return 0, 0, false
	}
	if utf16.IsSurrogate(hi) {
		if lo, ok := one(b[6:]); ok {
			if r := utf16.DecodeRune(hi, lo); r != utf8.RuneError {
				return r, 12, true
			}
		}
		return utf8.RuneError, 6, true
	}
	return hi, 6, true
}
