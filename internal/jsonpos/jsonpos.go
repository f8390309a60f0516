// Package jsonpos parses JSON into model values that keep the position and
// JSON Pointer of every node, so findings in event logs point at the
// offending field and not just the record.
package jsonpos

import (
	"fmt"
	"strconv"
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

// Parser reads many JSON values out of one file (the records of a log)
// and shares between them what repeats, so a large log costs little more
// than its model: strings and numbers without escapes are substrings of
// one copy of the file's text, and equal JSON Pointers are one string.
type Parser struct {
	f    *source.File
	cur  *source.Cursor // positions, asked for in increasing order
	text string         // f.Text[base:] as one string, converted once
	base int

	pointers map[string]string // interned JSON Pointers
	path     []byte            // the pointer of the node being read
	items    []*model.Value    // members of the open arrays, innermost last
	fields   []*model.Field    // members of the open objects, innermost last
	unesc    []byte            // a string with escapes, being decoded

	values []model.Value // the next values to hand out, allocated in slabs
	flds   []model.Field

	data  []byte // f.Text up to the end of the current value
	pos   int
	depth int
}

// NewParser returns a parser of values in f.
func NewParser(f *source.File) *Parser {
	return &Parser{f: f, cur: f.Cursor(), text: string(f.Text), pointers: map[string]string{}}
}

// Parse parses exactly one JSON value from f.Text[start:end] (surrounding
// white space allowed). Positions refer to f.
func Parse(f *source.File, start, end int) (*model.Value, error) {
	p := &Parser{f: f, cur: f.Cursor(), text: string(f.Text[start:end]), base: start, pointers: map[string]string{}}
	return p.Parse(start, end)
}

// Parse parses exactly one JSON value from the file's bytes [start, end),
// surrounding white space allowed. Pointers start at this value.
func (p *Parser) Parse(start, end int) (*model.Value, error) {
	p.data, p.pos, p.depth = p.f.Text[:end], start, 0
	p.path, p.items, p.fields = p.path[:0], p.items[:0], p.fields[:0]
	p.space()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.data) {
		return nil, p.errorf("unexpected %s after the JSON value", p.describe())
	}
	return v, nil
}

func (p *Parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *Parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return strconv.QuoteRune(r)
}

func (p *Parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// substr is the file's text in [start, end) without a copy.
func (p *Parser) substr(start, end int) string {
	return p.text[start-p.base : end-p.base]
}

// pointer is the current path as a string, one string per distinct
// pointer: records repeat the same few ("/2/amount") many times.
func (p *Parser) pointer() string {
	if s, ok := p.pointers[string(p.path)]; ok {
		return s
	}
	s := string(p.path)
	p.pointers[s] = s
	return s
}

// span is the span from start to the current offset. Positions are asked
// for in the order of the text (an object's start before its members), so
// the cursor counts each byte once.
func (p *Parser) span(start int, ptr string) model.Span {
	return p.spanFrom(p.cur.Pos(start), ptr)
}

func (p *Parser) spanFrom(start model.Pos, ptr string) model.Span {
	return model.Span{File: p.f.Name, Start: start, End: p.cur.Pos(p.pos), Pointer: ptr}
}

func (p *Parser) value() (*model.Value, error) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of input, want a JSON value")
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.value1(model.Value{Kind: model.String, Str: s, Span: p.span(start, p.pointer())}), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		for _, lit := range []struct {
			word string
			v    model.Value
		}{
			{"true", model.Value{Kind: model.Bool, Bool: true}},
			{"false", model.Value{Kind: model.Bool}},
			{"null", model.Value{Kind: model.Null}},
		} {
			if hasPrefix(p.data[p.pos:], lit.word) {
				p.pos += len(lit.word)
				v := lit.v
				v.Span = p.span(start, p.pointer())
				return p.value1(v), nil
			}
		}
		return nil, p.errorf("unexpected %s, want a JSON value", p.describe())
	}
}

func hasPrefix(b []byte, word string) bool {
	return len(b) >= len(word) && string(b[:len(word)]) == word
}

func (p *Parser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf("nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

func (p *Parser) object() (*model.Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	start := p.cur.Pos(p.pos)
	p.pos++
	v := p.value1(model.Value{Kind: model.Object})
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		v.Span = p.spanFrom(start, p.pointer())
		return v, nil
	}
	mark, pathLen := len(p.fields), len(p.path)
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
		p.path = model.AppendEscapedPointer(append(p.path, '/'), key)
		keySpan := p.span(keyStart, p.pointer())
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("unexpected %s, want ':' after member name", p.describe())
		}
		p.pos++
		p.space()
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		p.path = p.path[:pathLen]
		p.fields = append(p.fields, p.field1(model.Field{Key: key, KeySpan: keySpan, Value: val}))
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			v.Fields = cloneTail(&p.fields, mark)
			v.Span = p.spanFrom(start, p.pointer())
			return v, nil
		}
		return nil, p.errorf("unexpected %s, want ',' or '}' in object", p.describe())
	}
}

func (p *Parser) array() (*model.Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	start := p.cur.Pos(p.pos)
	p.pos++
	v := p.value1(model.Value{Kind: model.Array})
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		v.Span = p.spanFrom(start, p.pointer())
		return v, nil
	}
	mark, pathLen := len(p.items), len(p.path)
	for {
		p.space()
		p.path = strconv.AppendInt(append(p.path, '/'), int64(len(p.items)-mark), 10)
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		p.path = p.path[:pathLen]
		p.items = append(p.items, item)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			v.Items = cloneTail(&p.items, mark)
			v.Span = p.spanFrom(start, p.pointer())
			return v, nil
		}
		return nil, p.errorf("unexpected %s, want ',' or ']' in array", p.describe())
	}
}

// cloneTail moves the members from mark on out of a scratch stack into a
// slice of exactly their length, so no model slice carries spare capacity.
func cloneTail[T any](stack *[]T, mark int) []T {
	s := *stack
	out := make([]T, len(s)-mark)
	copy(out, s[mark:])
	clear(s[mark:]) // the scratch stack must not keep values alive
	*stack = s[:mark]
	return out
}

func (p *Parser) number() (*model.Value, error) {
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
	raw := p.substr(start, p.pos)
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil && !isRangeError(err) {
		return nil, &SyntaxError{Offset: start, Msg: "invalid number " + strconv.Quote(raw)}
	}
	return p.value1(model.Value{Kind: model.Number, Num: n, Raw: raw, Span: p.span(start, p.pointer())}), nil
}

// slab is how many values (or fields) are allocated at once: a log's
// records hold millions, and one allocation each was a fifth of the time
// of log. The values of a slab live as long as the longest-lived of them,
// which for a log's piece is the piece.
const slab = 64

// value1 places v in the current slab of values.
func (p *Parser) value1(v model.Value) *model.Value { return place(&p.values, v) }

// field1 places f in the current slab of fields.
func (p *Parser) field1(f model.Field) *model.Field { return place(&p.flds, f) }

// place puts x in the next free element of *free, a new slab when it is
// used up.
func place[T any](free *[]T, x T) *T {
	if len(*free) == 0 {
		*free = make([]T, slab)
	}
	out := &(*free)[0]
	*out = x
	*free = (*free)[1:]
	return out
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// str reads a string. One without escapes is a substring of the text; one
// with escapes is decoded into a new string.
func (p *Parser) str() (string, error) {
	p.pos++ // opening quote
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return p.substr(start, p.pos-1), nil
		case c == '\\':
			p.unesc = append(p.unesc[:0], p.data[start:p.pos]...)
			return p.escapedStr()
		case c < 0x20:
			return "", p.errorf("control character %U in string", rune(c))
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf("invalid UTF-8 in string")
			}
			p.pos += size
		}
	}
	return "", p.errorf("unterminated string")
}

// escapedStr reads the rest of a string from its first backslash on,
// decoding into p.unesc.
func (p *Parser) escapedStr() (string, error) {
	for {
		if p.pos >= len(p.data) {
			return "", p.errorf("unterminated string")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(p.unesc), nil
		case c == '\\':
			if err := p.escape(); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.errorf("control character %U in string", rune(c))
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf("invalid UTF-8 in string")
			}
			p.unesc = append(p.unesc, p.data[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
}

func (p *Parser) escape() error {
	if p.pos+1 >= len(p.data) {
		return p.errorf("unterminated escape")
	}
	c := p.data[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		p.unesc = append(p.unesc, c)
	case 'b':
		p.unesc = append(p.unesc, '\b')
	case 'f':
		p.unesc = append(p.unesc, '\f')
	case 'n':
		p.unesc = append(p.unesc, '\n')
	case 'r':
		p.unesc = append(p.unesc, '\r')
	case 't':
		p.unesc = append(p.unesc, '\t')
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
		p.unesc = utf8.AppendRune(p.unesc, r)
	default:
		p.pos -= 2
		return p.errorf("invalid escape \\%c in string", c)
	}
	return nil
}

func (p *Parser) hex4() (rune, error) {
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
