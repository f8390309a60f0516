// Package hashcsv hashes one column of a CSV stream row by row, so a file
// of any length is processed in constant memory. Rows that cannot be read
// or hashed are reported and left out of the output, never dropped silently.
package hashcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"io"
	"strconv"
	"strings"
)

// Options say which column to hash and how.
type Options struct {
	// Column is a header name or a 1-based column index.
	Column string
	// NoHeader says the first row is data; Column must then be an index.
	NoHeader bool
	// Keep keeps the original column and adds "<name>_sha256" after it;
	// otherwise the column's values and its header are replaced.
	Keep bool
	// Hash turns one non-empty cell into its hash or says why it refuses.
	// Its error must never contain the value.
	Hash func(value string) (string, error)
	// Reject is told about every row left out of the output, with the line
	// the row starts on. It may be nil.
	Reject func(line int, reason string)
}

// ColumnError says the column to hash cannot be found or used; it is a
// mistake in how the command was called, not in the data.
type ColumnError struct{ msg string }

func (e *ColumnError) Error() string { return e.msg }

func columnErrorf(format string, args ...any) error {
	return &ColumnError{fmt.Sprintf(format, args...)}
}

// Stats count what happened to the data rows (the header is not counted).
type Stats struct {
	Rows     int // data rows seen, including those that could not be read
	Hashed   int // rows written with a hash
	Empty    int // rows written with an empty cell: no value to hash
	Rejected int // rows left out and reported
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Hash reads CSV from r and writes it to w with the column hashed. A
// leading byte order mark and CRLF line endings are kept as they were. The
// error is for what stops the whole run: unreadable input, a column that
// does not exist, a failed write.
func Hash(r io.Reader, w io.Writer, opts Options) (Stats, error) {
	var st Stats
	br := bufio.NewReaderSize(r, 64<<10)
	bom, err := br.Peek(len(utf8BOM))
	hasBOM := err == nil && bytes.Equal(bom, utf8BOM)
	if hasBOM {
		br.Discard(len(utf8BOM))
	}
	endings := &lineEndingSniffer{r: br}
	cr := csv.NewReader(endings)
	cr.FieldsPerRecord = -1 // field counts are checked here, with a clearer message
	cr.ReuseRecord = true
	// Strict quotes: a lazy reader would quietly merge a broken row into
	// its neighbours instead of reporting it.
	cr.LazyQuotes = false

	reject := func(line int, reason string) {
		st.Rejected++
		if opts.Reject != nil {
			opts.Reject(line, reason)
		}
	}

	col, width := -1, -1
	var name string
	if opts.NoHeader {
		n, err := strconv.Atoi(opts.Column)
		if err != nil || n < 1 {
			return st, columnErrorf("--column: without a header row the column must be a 1-based index, got %q", opts.Column)
		}
		col, name = n-1, "column"+strconv.Itoa(n)
	}

	if hasBOM {
		if _, err := w.Write(utf8BOM); err != nil {
			return st, err
		}
	}
	cw := csv.NewWriter(w)
	var out []string
	headerDone := opts.NoHeader
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			if !headerDone {
				return st, fmt.Errorf("header row: %s", describeParseError(perr))
			}
			st.Rows++
			reject(perr.StartLine, describeParseError(perr))
			continue
		}
		if err != nil {
			return st, err
		}
		cw.UseCRLF = endings.crlf
		if !headerDone {
			headerDone = true
			col, err = findColumn(rec, opts.Column)
			if err != nil {
				return st, err
			}
			width, name = len(rec), rec[col]
			out = withHash(out[:0], rec, col, name+"_sha256", opts.Keep)
			if err := cw.Write(out); err != nil {
				return st, err
			}
			continue
		}
		st.Rows++
		line, _ := cr.FieldPos(0)
		if width < 0 {
			width = len(rec) // without a header the first row sets the shape
		}
		if len(rec) != width {
			reject(line, fmt.Sprintf("the row has %d fields where %s; is a comma or quote inside a field not quoted?", len(rec), expectedFields(width, opts.NoHeader)))
			continue
		}
		if col >= len(rec) {
			reject(line, fmt.Sprintf("the row has %d fields, so it has no column %d", len(rec), col+1))
			continue
		}
		cell := rec[col]
		hash := ""
		if strings.TrimSpace(cell) == "" {
			st.Empty++
		} else {
			hash, err = opts.Hash(cell)
			if err != nil {
				cline, _ := cr.FieldPos(col)
				reject(cline, fmt.Sprintf("column %s: %v", name, err))
				continue
			}
			st.Hashed++
		}
		out = withHash(out[:0], rec, col, hash, opts.Keep)
		if err := cw.Write(out); err != nil {
			return st, err
		}
	}
	if !headerDone {
		return st, errors.New("the input is empty: there is no header row (use --no-header for a file without one)")
	}
	cw.Flush()
	return st, cw.Error()
}

// withHash builds an output row: the record with field col replaced by
// hash, or with hash inserted after it when keep is set.
func withHash(out, rec []string, col int, hash string, keep bool) []string {
	out = append(out, rec[:col]...)
	if keep {
		out = append(out, rec[col])
	}
	out = append(out, hash)
	return append(out, rec[col+1:]...)
}

func expectedFields(width int, noHeader bool) string {
	if noHeader {
		return fmt.Sprintf("the first row has %d", width)
	}
	return fmt.Sprintf("the header has %d", width)
}

// findColumn resolves a header name or a 1-based index to a field index.
func findColumn(header []string, column string) (int, error) {
	if n, err := strconv.Atoi(column); err == nil {
		if n < 1 || n > len(header) {
			return 0, columnErrorf("--column %d: the header has %d columns (indexes start at 1)", n, len(header))
		}
		return n - 1, nil
	}
	var exact, folded []int
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == column {
			exact = append(exact, i)
		} else if strings.EqualFold(h, strings.TrimSpace(column)) {
			folded = append(folded, i)
		}
	}
	matches := exact
	if len(matches) == 0 {
		matches = folded
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		if looksLikeData(header) {
			// Never echo the row: it is someone's personal data.
			return 0, columnErrorf("--column %q: no such column, and the first row looks like data, not a header (it holds an e-mail address, a phone number or a long number): use --no-header with --column INDEX (1-based) if the file has no header row", column)
		}
		return 0, columnErrorf("--column %q: no such column; the header has %s", column, quoteList(header))
	default:
		idx := make([]string, len(matches))
		for i, m := range matches {
			idx[i] = strconv.Itoa(m + 1)
		}
		return 0, columnErrorf("--column %q names columns %s; give the index instead", column, strings.Join(idx, " and "))
	}
}

// looksLikeData reports a first row that holds personal data or long
// numbers, which a header never does.
func looksLikeData(row []string) bool {
	for _, c := range row {
		if len(pii.Find(c)) > 0 || digitCount(c) >= 7 {
			return true
		}
	}
	return false
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(pii.Redact(n))
	}
	return strings.Join(q, ", ")
}

// describeParseError says what is wrong with a row without quoting it.
func describeParseError(e *csv.ParseError) string {
	switch {
	case errors.Is(e.Err, csv.ErrBareQuote):
		return fmt.Sprintf("a quote inside a field that is not quoted (line %d, column %d); quote the field and double the quote", e.Line, e.Column)
	case errors.Is(e.Err, csv.ErrQuote) && e.Line != e.StartLine:
		return fmt.Sprintf("a quoted field is not closed, so lines %d to %d were read as one row and skipped; close the quote", e.StartLine, e.Line)
	case errors.Is(e.Err, csv.ErrQuote):
		return fmt.Sprintf("a quoted field is not closed, or text follows its closing quote (column %d)", e.Column)
	}
	return e.Err.Error()
}

// lineEndingSniffer notes whether the input's first line ends in CRLF, so
// the output can keep the file's line endings.
type lineEndingSniffer struct {
	r       io.Reader
	crlf    bool
	decided bool
	lastCR  bool
}

func (s *lineEndingSniffer) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if !s.decided {
		for _, c := range p[:n] {
			if c == '\n' {
				s.crlf, s.decided = s.lastCR, true
				break
			}
			s.lastCR = c == '\r'
		}
	}
	return n, err
}
