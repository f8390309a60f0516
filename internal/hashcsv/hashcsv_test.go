package hashcsv

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
)

// fakeHash hashes like the real command but refuses anything containing
// "bad", so tests can see rejections.
func fakeHash(v string) (string, error) {
	if strings.Contains(v, "bad") {
		return "", errors.New("refused")
	}
	return hashing.Sum(v), nil
}

type rejection struct {
	line   int
	reason string
}

func run(t *testing.T, in string, opts Options) (string, Stats, []rejection, error) {
	t.Helper()
	var rej []rejection
	if opts.Hash == nil {
		opts.Hash = fakeHash
	}
	opts.Reject = func(line int, reason string) { rej = append(rej, rejection{line, reason}) }
	var out strings.Builder
	st, err := Hash(strings.NewReader(in), &out, opts)
	return out.String(), st, rej, err
}

func h(s string) string { return hashing.Sum(s) }

func TestReplaceAndKeep(t *testing.T) {
	in := "id,email,name\n1,a@x.io,Ann\n2,b@x.io,Bob\n"
	got, st, rej, err := run(t, in, Options{Column: "email"})
	if err != nil || len(rej) != 0 {
		t.Fatalf("err=%v rej=%v", err, rej)
	}
	want := "id,email_sha256,name\n1," + h("a@x.io") + ",Ann\n2," + h("b@x.io") + ",Bob\n"
	if got != want {
		t.Errorf("replace:\n%s\nwant\n%s", got, want)
	}
	if st != (Stats{Rows: 2, Hashed: 2}) {
		t.Errorf("stats = %+v", st)
	}

	got, _, _, err = run(t, in, Options{Column: "2", Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	want = "id,email,email_sha256,name\n1,a@x.io," + h("a@x.io") + ",Ann\n2,b@x.io," + h("b@x.io") + ",Bob\n"
	if got != want {
		t.Errorf("keep by index:\n%s\nwant\n%s", got, want)
	}
}

func TestNoHeader(t *testing.T) {
	got, st, _, err := run(t, "a@x.io,1\nb@x.io,2\n", Options{Column: "1", NoHeader: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := h("a@x.io") + ",1\n" + h("b@x.io") + ",2\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if st.Rows != 2 || st.Hashed != 2 {
		t.Errorf("stats = %+v", st)
	}
	if _, _, _, err := run(t, "a,b\n", Options{Column: "email", NoHeader: true}); err == nil {
		t.Error("a column name without a header must be refused")
	}
}

// A round trip keeps what the file means: BOM, CRLF line endings, quoted
// fields with commas, doubled quotes and embedded newlines.
func TestRoundTripBOMCRLFQuotesNewlines(t *testing.T) {
	in := "\xEF\xBB\xBFname,email,note\r\n" +
		"\"Doe, Jane\",jane@x.io,\"said \"\"hi\"\"\r\nthen left\"\r\n" +
		"Bob,bob@x.io,plain\r\n"
	got, st, rej, err := run(t, in, Options{Column: "email"})
	if err != nil || len(rej) != 0 {
		t.Fatalf("err=%v rej=%v", err, rej)
	}
	want := "\xEF\xBB\xBFname,email_sha256,note\r\n" +
		"\"Doe, Jane\"," + h("jane@x.io") + ",\"said \"\"hi\"\"\r\nthen left\"\r\n" +
		"Bob," + h("bob@x.io") + ",plain\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if st.Hashed != 2 {
		t.Errorf("stats = %+v", st)
	}
	// LF in, LF out; no BOM in, none out.
	got, _, _, _ = run(t, "email\na@x.io\n", Options{Column: "email"})
	if got != "email_sha256\n"+h("a@x.io")+"\n" {
		t.Errorf("LF file: %q", got)
	}
}

func TestInvalidRowsReportedByLineAndSkipped(t *testing.T) {
	in := "id,email\n" + // 1
		"1,a@x.io\n" + // 2
		"2,b\"ad@x.io\n" + // 3 bare quote
		"3,bad@x.io\n" + // 4 refused by Hash
		"4,c@x.io,extra\n" + // 5 field count
		"5,\n" + // 6 empty: kept, not hashed
		"6,\"multi\nline bad\"\n" + // 7-8 refused; reported at line 7
		"7,d@x.io\n" // 9
	got, st, rej, err := run(t, in, Options{Column: "email"})
	if err != nil {
		t.Fatal(err)
	}
	want := "id,email_sha256\n1," + h("a@x.io") + "\n5,\n7," + h("d@x.io") + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if st != (Stats{Rows: 7, Hashed: 2, Empty: 1, Rejected: 4}) {
		t.Errorf("stats = %+v", st)
	}
	wantLines := []int{3, 4, 5, 7}
	if len(rej) != len(wantLines) {
		t.Fatalf("rejections = %v", rej)
	}
	for i, r := range rej {
		if r.line != wantLines[i] {
			t.Errorf("rejection %d at line %d, want %d (%s)", i, r.line, wantLines[i], r.reason)
		}
		if strings.Contains(r.reason, "x.io") || strings.Contains(r.reason, "multi") {
			t.Errorf("rejection quotes the row: %s", r.reason)
		}
	}
	if !strings.Contains(rej[0].reason, "quote") || !strings.Contains(rej[1].reason, "column email: refused") ||
		!strings.Contains(rej[2].reason, "3 fields") {
		t.Errorf("reasons: %v", rej)
	}
}

func TestUnclosedQuoteReportsTheLinesItSwallowed(t *testing.T) {
	in := "id,email\n1,a@x.io\n2,\"b@x.io\n3,c@x.io\n"
	got, st, rej, err := run(t, in, Options{Column: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if got != "id,email_sha256\n1,"+h("a@x.io")+"\n" || st.Rejected != 1 {
		t.Errorf("got %q stats %+v", got, st)
	}
	if len(rej) != 1 || rej[0].line != 3 || !strings.Contains(rej[0].reason, "lines 3 to 4") {
		t.Errorf("rejections = %v", rej)
	}
}

func TestColumnErrors(t *testing.T) {
	for _, tc := range []struct{ in, col, want string }{
		{"id,email\n", "mail", `no such column; the header has "id", "email"`},
		{"id,email\n", "3", "the header has 2 columns"},
		{"id,email\n", "0", "indexes start at 1"},
		{"email,Email\n", "EMAIL", "names columns 1 and 2"},
		{"", "email", "empty"},
	} {
		_, _, _, err := run(t, tc.in, Options{Column: tc.col})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("column %q over %q: err = %v, want %q", tc.col, tc.in, err, tc.want)
		}
	}
	// A name matches case-insensitively when it is the only match.
	if _, st, _, err := run(t, "Email\na@x.io\n", Options{Column: "email"}); err != nil || st.Hashed != 1 {
		t.Errorf("case-insensitive: %v %+v", err, st)
	}
}

func TestWriteErrorStopsTheRun(t *testing.T) {
	in := "email\n" + strings.Repeat("a@x.io\n", 100000)
	_, err := Hash(strings.NewReader(in), failingWriter{}, Options{Column: "email", Hash: fakeHash})
	if err == nil {
		t.Fatal("a failed write must be an error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// generate streams a header and n rows into w, reusing one buffer.
func generate(w *io.PipeWriter, n int) {
	buf := []byte("id,email,city\n")
	w.Write(buf)
	for i := range n {
		buf = fmt.Appendf(buf[:0], "%d,user%d@example.org,Paris\n", i, i)
		if _, err := w.Write(buf); err != nil {
			return
		}
	}
	w.Close()
}

// TestConstantMemory streams a million rows and compares the live heap
// after 100k rows with the live heap after 1M: a pipeline that kept anything
// per row would grow by megabytes in between.
func TestConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a million rows")
	}
	const rows = 1_000_000
	pr, pw := io.Pipe()
	go generate(pw, rows)
	var early, late uint64
	n := 0
	hash := func(v string) (string, error) {
		n++
		switch n {
		case 100_000:
			early = liveHeap()
		case rows:
			late = liveHeap()
		}
		return hashing.Sum(v), nil
	}
	st, err := Hash(pr, io.Discard, Options{Column: "email", Hash: hash})
	if err != nil {
		t.Fatal(err)
	}
	if st.Hashed != rows {
		t.Fatalf("hashed %d rows", st.Hashed)
	}
	t.Logf("live heap after 100k rows: %d KiB, after 1M rows: %d KiB", early>>10, late>>10)
	if late > early+1<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 900k rows", early, late)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func BenchmarkHashRows(b *testing.B) {
	pr, pw := io.Pipe()
	go generate(pw, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := Hash(pr, io.Discard, Options{Column: "email", Hash: fakeHash}); err != nil {
		b.Fatal(err)
	}
}

// A file without a header row, hashed by column name, must not have its
// first row (someone's address and phone) echoed in the error.
func TestMissingHeaderDoesNotEchoTheFirstRow(t *testing.T) {
	for _, row := range []string{"jane@example.org,4155550111\n", "x,4155550111\n"} {
		var out strings.Builder
		_, err := Hash(strings.NewReader(row), &out, Options{Column: "email", Hash: func(v string) (string, error) { return v, nil }})
		if err == nil {
			t.Fatalf("%q: no error", row)
		}
		if strings.Contains(err.Error(), "jane") || strings.Contains(err.Error(), "4155550111") || !strings.Contains(err.Error(), "--no-header") {
			t.Errorf("error = %v", err)
		}
	}
}
