package eventlog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// WholeLimit is the largest log read whole; pieceSize is about how much
// of a larger log of Conversions API requests is read at a time.
const (
	WholeLimit = 1 << 20
	pieceSize  = 64 << 10
)

// Piece is part of a log, read as ParseAll reads a whole log.
type Piece struct {
	Docs []*model.Document
	File *source.File
	// Continues is true for every piece after the first of a log.
	Continues bool
	// Pieced is true for every piece of a log read in pieces: the rules
	// that compare records carry their state across them.
	Pieced bool
}

// ReadPieces reads a log from r and calls fn with its pieces, until fn
// returns false. A log of at most limit bytes is one piece. A larger JSON
// Lines log is read in pieces of about pieceSize bytes cut at line ends,
// with the line numbers of the whole file, so memory stays flat however
// large it is; the rules that compare records carry their state from piece
// to piece (rules.LogState). A larger JSON array of records is read in
// pieces too, cut at line ends between records. A larger log of another
// shape (one value over several lines, or a log extract wrote, whose
// records are grouped by the file they came from) is one piece.
func ReadPieces(name string, r io.Reader, limit int, fn func(Piece) bool) error {
	return ReadPiecesWithin(name, r, limit, math.MaxInt64, "", fn)
}

// ReadPiecesWithin is ReadPieces holding at most maxSize bytes at once:
// what is read whole (a log read in one piece, the first line that tells
// a log's shape) and each piece (a record longer than maxSize) end with a
// *boundedio.TooLargeError carrying hint, while a log read in pieces may
// be of any size, its memory staying flat.
func ReadPiecesWithin(name string, r io.Reader, limit int, maxSize int64, hint string, fn func(Piece) bool) error {
	tooLarge := func(n int) error {
		if int64(n) > maxSize {
			return &boundedio.TooLargeError{Name: name, Limit: maxSize, Hint: hint}
		}
		return nil
	}
	// Most logs are small: read up to limit+1 bytes, growing as needed.
	head, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return err
	}
	if len(head) <= limit {
		if err := tooLarge(len(head)); err != nil {
			return err
		}
		docs, f := ParseAll(name, head)
		fn(Piece{Docs: docs, File: f})
		return nil
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	// The shape is told by the first line: read on until it is whole.
	for !bytes.ContainsAny(head[skipSpace(head, 0):], "\r\n") {
		if err := tooLarge(len(head)); err != nil {
			return err
		}
		more, err := io.ReadAll(io.LimitReader(r, int64(max(limit, 4096))))
		if err != nil {
			return err
		}
		if len(more) == 0 {
			break
		}
		head = append(head, more...)
	}
	size := min(limit, pieceSize)
	if isArrayHead(name, head) {
		return readArrayPieces(name, io.MultiReader(bytes.NewReader(head), r), size, tooLarge, fn)
	}
	if !firstRecordIsALine(name, head) {
		if err := tooLarge(len(head)); err != nil {
			return err
		}
		rest := r
		if maxSize < math.MaxInt64 {
			rest = boundedio.Limit(name, r, maxSize-int64(len(head)), hint)
		}
		more, err := io.ReadAll(rest)
		if err != nil {
			var tl *boundedio.TooLargeError
			if errors.As(err, &tl) {
				return &boundedio.TooLargeError{Name: name, Limit: maxSize, Hint: hint} // the limit of the whole log, head included
			}
			return err
		}
		docs, f := ParseAll(name, append(head, more...))
		fn(Piece{Docs: docs, File: f})
		return nil
	}
	return readPieces(name, io.MultiReader(bytes.NewReader(head), r), size, tooLarge, fn)
}

// isArrayHead tells a log that is one JSON array of records by its start.
func isArrayHead(name string, head []byte) bool {
	r := &reader{f: source.New(name, head)}
	r.p = jsonpos.NewParser(r.f)
	return r.isArrayOfRecords()
}

// firstRecordIsALine tells a JSON Lines log of records by its first
// non-blank line: one whole record of the log's own document (not one
// extract wrote with "file" and "kind").
func firstRecordIsALine(name string, text []byte) bool {
	start := skipSpace(text, 0)
	end, _ := lineEnd(text, start)
	if end >= len(text) {
		return false // no line end in the head: not JSON Lines
	}
	r := readFile(source.New(name, text[start:end]), true, false)
	return len(r.kinds) > 0 && len(r.docs) == 1 && r.docs[0] == r.log && len(r.log.RecordFailures) == 0
}

// readPieces cuts JSON Lines into pieces of about size bytes (a limit
// below pieceSize asks for smaller pieces) at line ends. Each piece is
// parsed on its own (lines share nothing), so one piece per core is
// parsed at once while the pieces still come out in order.
func readPieces(name string, src io.Reader, size int, tooLarge func(int) error, fn func(Piece) bool) error {
	cut := func(buf []byte, _ bool) int { return bytes.LastIndexByte(buf, '\n') + 1 }
	parse := func(f *source.File, _, _ bool) *reader { return readFile(f, true, true) }
	return cutPieces(name, src, size, tooLarge, cut, parse, runtime.GOMAXPROCS(0), fn)
}

// readArrayPieces cuts one JSON array of records into pieces at line ends
// that follow a ',' between records, so every piece holds whole records
// and its columns are the file's.
func readArrayPieces(name string, src io.Reader, size int, tooLarge func(int) error, fn func(Piece) bool) error {
	var comma model.Span // the ',' the previous piece ended with
	cut := func(buf []byte, first bool) int { return arrayCut(buf, first) }
	parse := func(f *source.File, first, last bool) *reader {
		r := &reader{f: f, p: jsonpos.NewParser(f), split: true}
		pos := 0
		if first {
			pos = skipSpace(f.Text, 0) + 1 // past the '['
		}
		comma = r.readElements(pos, last, comma)
		return r
	}
	return cutPieces(name, src, size, tooLarge, cut, parse, 1, fn) // each piece starts where the last one's comma was
}

// arrayCut returns the end of the last line of buf that ends between two
// records of the array (0: none). It follows the strings and brackets as
// elementScanner does, from a point between records (or, first, from
// before the '[').
func arrayCut(buf []byte, first bool) int {
	inArray, inString, closed := !first, false, false
	var open []byte
	last := byte(0) // the last byte outside strings and white space
	cut := 0
	for i := 0; i < len(buf) && !closed; i++ {
		c := buf[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
				last = c
			case '\n', '\r':
				inString, open, last = false, open[:0], 0 // as elementScanner: the element ends here
			}
			continue
		}
		switch c {
		case ' ', '\t', '\r':
			continue
		case '\n':
			if inArray && len(open) == 0 && last == ',' {
				cut = i + 1
			}
			continue
		case '"':
			inString = true
		case '[', '{':
			if !inArray && c == '[' {
				inArray = true
				break
			}
			open = append(open, map[byte]byte{'[': ']', '{': '}'}[c])
		case ']', '}':
			if len(open) == 0 && c == ']' {
				closed = true
			} else if k := bytes.LastIndexByte(open, c); k >= 0 {
				open = open[:k]
			}
		}
		last = c
	}
	return cut
}

// cutPieces reads src in pieces of about size bytes, each ending where cut
// says (the whole rest at the end of src), and parses each with parse, up
// to parallel of them at once, handing them to fn in order.
func cutPieces(name string, src io.Reader, size int, tooLarge func(int) error, cut func(buf []byte, first bool) int,
	parse func(f *source.File, first, last bool) *reader, parallel int, fn func(Piece) bool) error {
	size = max(size, 1)
	line := 1
	var carry []byte
	parsing := newInOrder(parallel, fn)
	defer parsing.stop()
	for first := true; ; first = false {
		buf := make([]byte, len(carry), size+len(carry))
		copy(buf, carry)
		eof, end := false, 0
		for {
			n, err := io.ReadFull(src, buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				eof = true
			} else if err != nil {
				return err
			}
			if eof {
				end = len(buf)
				break
			}
			if end = cut(buf, first); end > 0 {
				break
			}
			// No place to cut yet (a record longer than a piece): read on.
			if err := tooLarge(len(buf)); err != nil {
				return err
			}
			buf = append(buf, make([]byte, size)...)[:len(buf)]
		}
		carry = append(carry[:0:0], buf[end:]...)
		piece := buf[:end]
		if len(bytes.TrimSpace(piece)) > 0 || first {
			at, first, last := line, first, eof
			more, err := parsing.add(func() Piece {
				return pieceOf(parse(source.NewAt(name, maskSecrets(piece), at), first, last), first)
			})
			if err != nil || !more {
				return err
			}
		}
		line += bytes.Count(piece, []byte{'\n'})
		if eof {
			return parsing.drain()
		}
	}
}

// inOrder runs up to n parses at once and hands their pieces to fn in the
// order they were added. A parse that panics ends the log with an error,
// as a rule that panics ends its input with one.
type inOrder struct {
	n       int
	fn      func(Piece) bool
	pending []chan parsedPiece
}

type parsedPiece struct {
	piece Piece
	err   error
}

func newInOrder(n int, fn func(Piece) bool) *inOrder {
	return &inOrder{n: max(n, 1), fn: fn}
}

// add starts a parse, first handing over the oldest piece when n are
// running; more is false once fn has asked to stop.
func (o *inOrder) add(parse func() Piece) (more bool, err error) {
	if len(o.pending) == o.n {
		if more, err := o.next(); !more || err != nil {
			return more, err
		}
	}
	done := make(chan parsedPiece, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- parsedPiece{err: fmt.Errorf("internal error while reading the log (please report it): %v", r)}
			}
		}()
		done <- parsedPiece{piece: parse()}
	}()
	o.pending = append(o.pending, done)
	return true, nil
}

// next hands the oldest parsed piece to fn.
func (o *inOrder) next() (bool, error) {
	p := <-o.pending[0]
	o.pending = o.pending[1:]
	if p.err != nil {
		return false, p.err
	}
	return o.fn(p.piece), nil
}

// drain hands over every piece still parsing.
func (o *inOrder) drain() error {
	for len(o.pending) > 0 {
		if more, err := o.next(); !more || err != nil {
			return err
		}
	}
	return nil
}

// stop waits for the parses still running, so none outlives the read.
func (o *inOrder) stop() {
	for _, p := range o.pending {
		<-p
	}
	o.pending = nil
}

// pieceOf is what a reader read of a piece.
func pieceOf(r *reader, first bool) Piece {
	if len(r.docs) == 0 {
		r.logDoc()
	}
	input := strings.Join(r.kinds, "+")
	for _, d := range r.docs {
		d.Continues = !first
		d.Input = input
	}
	return Piece{Docs: r.docs, File: r.f, Continues: !first, Pieced: true}
}

// Line reads one line of a JSON Lines log (a stream read record by record,
// log --stream) as a piece of the log: line is its line number, first
// says whether it is the log's first piece. text is not changed.
func Line(name string, text []byte, line int, first bool) Piece {
	f := source.NewAt(name, maskSecrets(bytes.Clone(text)), line)
	return pieceOf(readFile(f, true, true), first)
}
