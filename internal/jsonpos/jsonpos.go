// Package jsonpos parses JSON into model values that keep the position and
// JSON Pointer of every node, so findings in event logs point at the
// offending field and not just the record.
package jsonpos

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// MaxDepth bounds nesting so hostile input cannot exhaust the stack.
const MaxDepth = 1000

// SyntaxError is a parse failure at a byte offset of the file.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

type parser struct {
	f     *source.File
	data  []byte
	pos   int
	depth int
}

// Parse parses exactly one JSON value from f.Text[start:end] (surrounding
// white space allowed). Positions refer to f.
func Parse(f *source.File, start, end int) (*model.Value, error) {
	p := &parser{f: f, data: f.Text[:end], pos: start}
	p.space()
	v, err := p.value("")
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.data) {
		return nil, p.errorf("unexpected %s after the JSON value", p.describe())
	}
	return v, nil
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return strconv.QuoteRune(r)
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) span(start int, ptr string) model.Span {
	s := p.f.Span(start, p.pos)
	s.Pointer = ptr
	return s
}

func (p *parser) value(ptr string) (*model.Value, error) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of input, want a JSON value")
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(ptr)
	case c == '[':
		return p.array(ptr)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &model.Value{Kind: model.String, Str: s, Span: p.span(start, ptr)}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number(ptr)
	default:
		for _, lit := range []struct {
			word string
			v    model.Value
		}{
			{"true", model.Value{Kind: model.Bool, Bool: true}},
			{"false", model.Value{Kind: model.Bool}},
			{"null", model.Value{Kind: model.Null}},
		} {
			if strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+5)]), lit.word) {
				p.pos += len(lit.word)
				v := lit.v
				v.Span = p.span(start, ptr)
				return &v, nil
			}
		}
		return nil, p.errorf("unexpected %s, want a JSON value", p.describe())
	}
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf("nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

func (p *parser) object(ptr string) (*model.Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	start := p.pos
	p.pos++
	v := &model.Value{Kind: model.Object}
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		v.Span = p.span(start, ptr)
		return v, nil
	}
	for {
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.errorf("unexpected %s, want a member name in double quotes", p.describe())
		}
		keyStart := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		childPtr := ptr + "/" + model.EscapePointer(key)
		keySpan := p.span(keyStart, childPtr)
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("unexpected %s, want ':' after member name", p.describe())
		}
		p.pos++
		p.space()
		val, err := p.value(childPtr)
		if err != nil {
			return nil, err
		}
		v.Fields = append(v.Fields, &model.Field{Key: key, KeySpan: keySpan, Value: val})
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			v.Span = p.span(start, ptr)
			return v, nil
		}
		return nil, p.errorf("unexpected %s, want ',' or '}' in object", p.describe())
	}
}

func (p *parser) array(ptr string) (*model.Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	start := p.pos
	p.pos++
	v := &model.Value{Kind: model.Array}
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		v.Span = p.span(start, ptr)
		return v, nil
	}
	for {
		p.space()
		item, err := p.value(ptr + "/" + strconv.Itoa(len(v.Items)))
		if err != nil {
			return nil, err
		}
		v.Items = append(v.Items, item)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			v.Span = p.span(start, ptr)
			return v, nil
		}
		return nil, p.errorf("unexpected %s, want ',' or ']' in array", p.describe())
	}
}

func (p *parser) number(ptr string) (*model.Value, error) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return nil, p.errorf("invalid number: want a digit")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errorf("invalid number: want a digit after '.'")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errorf("invalid number: want a digit in the exponent")
		}
	}
	raw := string(p.data[start:p.pos])
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil && !isRangeError(err) {
		return nil, &SyntaxError{Offset: start, Msg: "invalid number " + strconv.Quote(raw)}
	}
	return &model.Value{Kind: model.Number, Num: n, Raw: raw, Span: p.span(start, ptr)}, nil
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func (p *parser) str() (string, error) {
	p.pos++ // opening quote
	var b strings.Builder
	for {
		if p.pos >= len(p.data) {
			return "", p.errorf("unterminated string")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.errorf("control character %U in string", rune(c))
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf("invalid UTF-8 in string")
			}
			b.WriteRune(r)
			p.pos += size
		}
	}
}

func (p *parser) escape(b *strings.Builder) error {
	if p.pos+1 >= len(p.data) {
		return p.errorf("unterminated escape")
	}
	c := p.data[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, err := p.hex4()
		if err != nil {
			return err
		}
		if utf16.IsSurrogate(r) {
			if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
				p.pos += 2
				r2, err := p.hex4()
				if err != nil {
					return err
				}
				r = utf16.DecodeRune(r, r2)
			} else {
				r = utf8.RuneError
			}
		}
		b.WriteRune(r)
	default:
		p.pos -= 2
		return p.errorf("invalid escape \\%c in string", c)
	}
	return nil
}

func (p *parser) hex4() (rune, error) {
	if p.pos+4 > len(p.data) {
		return 0, p.errorf("incomplete \\u escape")
	}
	n, err := strconv.ParseUint(string(p.data[p.pos:p.pos+4]), 16, 32)
	if err != nil {
		return 0, p.errorf("invalid \\u escape")
	}
	p.pos += 4
	return rune(n), nil
}
