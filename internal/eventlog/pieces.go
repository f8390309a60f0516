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
	WholeLimit = 16 << 20
	pieceSize  = 512 << 10
)

// Piece is part of a log, read as ParseAll reads a whole log.
type Piece struct {
	Docs []*model.Document
	File *source.File
	// Continues is true for every piece after the first of a log.
	Continues bool
}

// ReadPieces reads a log from r and calls fn with its pieces, until fn
// returns false. A log of at most limit bytes, or one whose first record
// is not a Conversions API request (body, request record, event or event
// list), is one piece: records of the pixel may depend on one another
// (init before measure), so they are read together. A larger JSON Lines log
// of requests is read in pieces of about pieceSize bytes cut at line ends,
// with the line numbers of the whole file, so memory stays flat however
// large it is; rules that compare records (deduplication, duplicate ids)
// then compare those of one piece.
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
	if !firstRecordIsRequest(name, head) {
		rest, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		docs, f := ParseAll(name, append(head, rest...))
		fn(Piece{Docs: docs, File: f})
		return nil
	}
	return readPieces(name, io.MultiReader(bytes.NewReader(head), r), fn)
}

// firstRecordIsRequest tells a JSON Lines log of Conversions API requests
// by its first non-blank line.
func firstRecordIsRequest(name string, text []byte) bool {
	start := skipSpace(text, 0)
	end, _ := lineEnd(text, start)
	if end >= len(text) {
		return false // no line end in the head: not JSON Lines
	}
	r := readFile(source.New(name, text[start:end]), false)
	if len(r.kinds) == 0 || len(r.docs) > 0 && len(r.docs[0].RecordFailures) > 0 {
		return false
	}
	for _, k := range r.kinds {
		if k != inputBodies && k != inputRequests && k != inputEvents && k != inputEventLists {
			return false
		}
	}
	return true
}

func readPieces(name string, src io.Reader, fn func(Piece) bool) error {
	line := 1
	var carry []byte
	for first := true; ; first = false {
		buf := make([]byte, len(carry), pieceSize+len(carry))
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
			buf = append(buf, make([]byte, pieceSize)...)[:len(buf)]
		}
		cut := len(buf)
		if !eof {
			cut = bytes.LastIndexByte(buf, '\n') + 1
		}
		carry = append(carry[:0:0], buf[cut:]...)
		piece := buf[:cut]
		if len(bytes.TrimSpace(piece)) > 0 || first {
			f := source.NewAt(name, maskSecrets(piece), line)
			r := readFile(f, true)
			if len(r.docs) == 0 {
				r.logDoc()
				r.log.Input = strings.Join(r.kinds, "+")
			}
			for _, d := range r.docs {
				d.Continues = !first
			}
			if !fn(Piece{Docs: r.docs, File: f, Continues: !first}) {
				return nil
			}
		}
		line += bytes.Count(piece, []byte{'\n'})
		if eof {
			return nil
		}
	}
}
