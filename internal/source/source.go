// Package source maps byte offsets in a decoded file to 1-based line and
// character positions, and gives back source lines for code frames.
package source

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// File is the UTF-8 text of one input with an index of its line starts.
type File struct {
	Name  string
	Text  []byte
	lines []int // byte offset of the start of each line
	// excerpt holds the only lines an excerpt keeps (nil: the whole file).
	excerpt map[int]string
	// base is the number of lines before Text: a piece of a file read in
	// parts (a large log) keeps the line numbers of the whole file.
	base int

	lastMu sync.Mutex
	last   lastPos // the last position asked for

	// runes indexes rune counts through long lines (minified pages), built
	// on the first position asked for far into one.
	runesOnce sync.Once
	runes     runeIndex
}

// New indexes text. Lines end at \n, \r\n or a lone \r, as browsers read them.
func New(name string, text []byte) *File {
	f := &File{Name: name, Text: text, lines: []int{0}}
	if bytes.IndexByte(text, '\r') < 0 {
		// Most files end lines with \n alone: jump from one to the next.
		for i := 0; ; {
			j := bytes.IndexByte(text[i:], '\n')
			if j < 0 {
				return f
			}
			i += j + 1
			f.lines = append(f.lines, i)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			f.lines = append(f.lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// NewAt indexes text that starts at line firstLine (1-based) of a larger
// file: positions and Line use that file's line numbers.
func NewAt(name string, text []byte, firstLine int) *File {
	f := New(name, text)
	f.base = firstLine - 1
	return f
}

// LineCount is the number of lines (a file ending in a newline has an empty
// last line).
func (f *File) LineCount() int { return f.base + len(f.lines) }

// Pos converts a byte offset to a position. Offsets past the end clamp to it.
func (f *File) Pos(off int) model.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Text) {
		off = len(f.Text)
	}
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	// A parser asks for positions in increasing order: count on from the
	// last one asked on the same line, so a long line costs one pass, not
	// one pass per node.
	f.lastMu.Lock()
	from, col := f.lines[line], 0
	// (Only from an ASCII byte: no rune is decoded across one, so the
	// counts add up even in invalid UTF-8.)
	if f.last.line == line && f.last.off <= off && f.last.off >= from && f.last.off < len(f.Text) && f.Text[f.last.off] < utf8.RuneSelf {
		from, col = f.last.off, f.last.col
	}
	col += f.runesBetween(from, off)
	f.last = lastPos{line: line, off: off, col: col}
	f.lastMu.Unlock()
	return model.Pos{Line: f.base + line + 1, Col: col + 1}
}

// Cursor gives the positions of offsets asked for in increasing order, as
// a parser walking the file forward asks for them, without the lock and
// the line search of Pos: it counts on from the last offset. One cursor
// serves one goroutine; an offset before the last one is Pos's.
type Cursor struct {
	f              *File
	line, off, col int // the last position asked for: line index, offset, column
}

// Cursor returns a cursor at the start of the file.
func (f *File) Cursor() *Cursor { return &Cursor{f: f} }

// Pos is f.Pos(off).
func (c *Cursor) Pos(off int) model.Pos {
	f := c.f
	if off < c.off || off > len(f.Text) || f.excerpt != nil {
		return f.Pos(off)
	}
	if c.line+1 < len(f.lines) && f.lines[c.line+1] <= off {
		// A later line: find it from here (most are a few lines on).
		for c.line+1 < len(f.lines) && f.lines[c.line+1] <= off {
			c.line++
		}
		c.off, c.col = f.lines[c.line], 0
	} else if c.off > f.lines[c.line] && c.off < len(f.Text) && f.Text[c.off] >= utf8.RuneSelf {
		// Never count on from inside a rune (as Pos): from the line start.
		c.off, c.col = f.lines[c.line], 0
	}
	c.col += runeCount(f.Text[c.off:off])
	c.off = off
	return model.Pos{Line: f.base + c.line + 1, Col: c.col + 1}
}

// Span converts a byte range to a span in this file.
func (f *File) Span(start, end int) model.Span {
	return model.Span{File: f.Name, Start: f.Pos(start), End: f.Pos(end)}
}

// Offset converts a position back to a byte offset (-1 when out of range).
func (f *File) Offset(p model.Pos) int {
	n := p.Line - f.base
	if n < 1 || n > len(f.lines) {
		return -1
	}
	off := f.lines[n-1]
	for col := 1; col < p.Col; col++ {
		if off >= len(f.Text) || f.Text[off] == '\n' || f.Text[off] == '\r' {
			return -1
		}
		_, size := utf8.DecodeRune(f.Text[off:])
		off += size
	}
	return off
}

// Excerpt keeps only the given lines (1-based) of f, under its name: what
// a result held until the end of a long run needs to quote its findings,
// without the rest of the file. Only Line answers on an excerpt.
func (f *File) Excerpt(lines []int) *File {
	ex := &File{Name: f.Name, excerpt: make(map[int]string, len(lines))}
	for _, n := range lines {
		ex.excerpt[n] = f.Line(n)
	}
	return ex
}

// Line returns line n (1-based) without its line ending, or "" when out of range.
func (f *File) Line(n int) string {
	if f.excerpt != nil {
		return f.excerpt[n] // keyed by the whole file's line numbers
	}
	n -= f.base
	if n < 1 || n > len(f.lines) {
		return ""
	}
	start := f.lines[n-1]
	end := len(f.Text)
	if n < len(f.lines) {
		end = f.lines[n]
	}
	for end > start && (f.Text[end-1] == '\n' || f.Text[end-1] == '\r') {
		end--
	}
	return string(f.Text[start:end])
}

// lastPos is a line (0-based), a byte offset in it and the runes before
// that offset on the line.
type lastPos struct{ line, off, col int }
