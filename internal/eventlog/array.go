package eventlog

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
)

const arrayHint = "each element of the array must be one JSON value: a call array, a browser record or a server event"

// readArray reads a log that is one JSON array of records. The array is
// split into its elements first, by a scanner that only tracks strings and
// brackets, and each element is parsed on its own: a broken record is one
// finding at its line and the records around it are still checked.
func (r *reader) readArray() {
	open := skipSpace(r.f.Text, 0) // the '[' isArrayOfRecords saw
	r.readElements(open+1, true, model.Span{})
}

// readElements reads the elements of an array of records from pos. A
// piece of a large array (see ReadPieces) that is not the last ends after
// a ',' and returns that comma's span, which the next piece is given as
// comma: a ']' right after it is then a trailing comma.
func (r *reader) readElements(pos int, last bool, comma model.Span) model.Span {
	text := r.f.Text
	s := elementScanner{text: text, pos: pos}
	lastComma := -1
	for {
		start, end, at := s.next()
		sep := byte(0)
		if at >= 0 {
			sep = text[at]
		}
		switch {
		case start < end:
			v, err := r.p.Parse(start, end)
			if err != nil || at < 0 {
				// A record that does not parse, or that ran to the end of the
				// text (so swallowed the array's ']'), may be one left open.
				if cut := recordRestart(text, start, end); cut > 0 {
					// The record is not closed and the next one starts on a
					// line of its own: say so there, and read on from it.
					at := trimEnd(text, start, cut)
					r.fail(r.f.Span(at, at), unclosedRecord(text[start]), "close the record where it ends: each element of the array is one complete JSON value")
					s.pos, sep = cut, '\n'
					break
				}
			}
			if err != nil {
				r.syntaxError(err, start, arrayHint)
			} else {
				r.record(v)
			}
		case sep == ',':
			r.fail(r.f.Span(at, at+1), "no record before this ','", "remove the extra ',': records are separated by exactly one comma")
		case sep == ']' && lastComma >= 0:
			r.fail(r.f.Span(lastComma, lastComma+1), trailingComma, trailingCommaFix)
		case sep == ']' && !comma.IsZero():
			r.fail(comma, trailingComma, trailingCommaFix)
		}
		comma = model.Span{}
		switch sep {
		case ',':
			lastComma = at
		case '\n', '\r':
			lastComma = -1 // a broken string ended the element: go on at the next line
		default:
			if !last && sep == 0 && lastComma >= 0 {
				return r.f.Span(lastComma, lastComma+1)
			}
			r.arrayEnd(s.pos, sep)
			return model.Span{}
		}
	}
}

// recordRestart finds, in a record at text[start:end] that failed to
// parse, a line that starts (after indentation) at the record's own column
// with '[' or '{': records of a log written one per line or indented
// alike, where a record left unclosed swallowed the ones after it. It
// returns that line's first offset, or -1. Nested values are indented
// deeper, so they do not match.
func recordRestart(text []byte, start, end int) int {
	ls := bytes.LastIndexAny(text[:start], "\n\r") + 1
	if len(bytes.Trim(text[ls:start], " \t")) > 0 {
		return -1 // the record does not start its line: no column to match
	}
	col := start - ls
	for i := start; i < end; i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < end && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j-(i+1) == col && j < end && (text[j] == '[' || text[j] == '{') {
			return i + 1
		}
	}
	return -1
}

// unclosedRecord says which bracket a record left open.
func unclosedRecord(open byte) string {
	if open == '{' {
		return "record is not closed: a '}' is missing before the next record"
	}
	return "record is not closed: a ']' is missing before the next record"
}

const (
	trailingComma    = "no record after the last ','"
	trailingCommaFix = "remove the ',' after the last record: JSON does not allow a trailing comma"
)

// arrayEnd reports what is wrong at the end of the array: no ']' at all,
// or more text after it.
func (r *reader) arrayEnd(pos int, sep byte) {
	text := r.f.Text
	if sep != ']' {
		r.fail(r.f.Span(len(text), len(text)), "the array of records is not closed", "end the log with ']'")
		return
	}
	if i := skipSpace(text, pos); i < len(text) {
		c, _ := utf8.DecodeRune(text[i:])
		r.fail(r.f.Span(i, i), fmt.Sprintf("unexpected %q after the array of records", c),
			"a log is one JSON array or JSON Lines, not both: remove what follows the closing ']'")
	}
}

// elementScanner finds the top-level elements of a JSON array without
// parsing them. It tracks strings and the brackets and braces still open,
// so a ',' or ']' at the top level ends an element. Two recoveries keep a
// broken record from swallowing the ones after it: a line break inside a
// string ends the element there (JSON strings cannot hold one), and a
// closer also closes the openers left unclosed inside its pair.
type elementScanner struct {
	text []byte
	pos  int    // just past the '[' or the previous element's end
	open []byte // closers expected, innermost last
}

// next returns the bounds of the next element with surrounding white space
// trimmed (start == end when there is none) and the offset of the byte that
// ended it: ',', ']', a line break that cut a string, or -1 at the end of
// the text.
func (s *elementScanner) next() (start, end, at int) {
	text := s.text
	start = skipSpace(text, s.pos)
	s.open = s.open[:0]
	inString := false
	for i := start; i < len(text); i++ {
		c := text[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			case '\n', '\r':
				s.pos = i + 1
				return start, i, i
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[':
			s.open = append(s.open, ']')
		case '{':
			s.open = append(s.open, '}')
		case ']', '}':
			if len(s.open) == 0 && c == ']' {
				s.pos = i + 1
				return start, trimEnd(text, start, i), i
			}
			if k := bytes.LastIndexByte(s.open, c); k >= 0 {
				s.open = s.open[:k]
			}
		case ',':
			if len(s.open) == 0 {
				s.pos = i + 1
				return start, trimEnd(text, start, i), i
			}
		}
	}
	s.pos = len(text)
	return start, trimEnd(text, start, len(text)), -1
}

func trimEnd(text []byte, start, end int) int {
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	return end
}
