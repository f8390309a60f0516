package eventlog

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// WholeLimit is the largest log read whole; pieceSize is about how much
// of a larger log of Conversions API requests is read at a time.
const (
	WholeLimit = 4 << 20
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
// to piece (rules.LogState). A larger log that is not JSON Lines of
// records (a JSON array, one value over several lines, or a log extract
// wrote, whose records are grouped by the file they came from) is one
// piece.
func ReadPieces(name string, r io.Reader, limit int, fn func(Piece) bool) error {
	// Most logs are small: read up to limit+1 bytes, growing as needed.
	head, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return err
	}
	if len(head) <= limit {
		docs, f := ParseAll(name, head)
		fn(Piece{Docs: docs, File: f})
		return nil
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !firstRecordIsALine(name, head) {
		rest, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		docs, f := ParseAll(name, append(head, rest...))
		fn(Piece{Docs: docs, File: f})
		return nil
	}
	return readPieces(name, io.MultiReader(bytes.NewReader(head), r), min(limit, pieceSize), fn)
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

// readPieces cuts pieces of about size bytes (a limit below pieceSize
// asks for smaller pieces).
func readPieces(name string, src io.Reader, size int, fn func(Piece) bool) error {
	size = max(size, 1)
	line := 1
	var carry []byte
	for first := true; ; first = false {
		buf := make([]byte, len(carry), size+len(carry))
		copy(buf, carry)
		eof := false
		for {
			n, err := io.ReadFull(src, buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				eof = true
			} else if err != nil {
				return err
			}
			if eof || bytes.IndexByte(buf[len(carry):], '\n') >= 0 {
				break
			}
			// One line longer than a piece: keep reading until it ends.
			buf = append(buf, make([]byte, size)...)[:len(buf)]
		}
		cut := len(buf)
		if !eof {
			cut = bytes.LastIndexByte(buf, '\n') + 1
		}
		carry = append(carry[:0:0], buf[cut:]...)
		piece := buf[:cut]
		if len(bytes.TrimSpace(piece)) > 0 || first {
			f := source.NewAt(name, maskSecrets(piece), line)
			r := readFile(f, true, true)
			if len(r.docs) == 0 {
				r.logDoc()
				r.log.Input = strings.Join(r.kinds, "+")
			}
			for _, d := range r.docs {
				d.Continues = !first
			}
			if !fn(Piece{Docs: r.docs, File: f, Continues: !first, Pieced: true}) {
				return nil
			}
		}
		line += bytes.Count(piece, []byte{'\n'})
		if eof {
			return nil
		}
	}
}
