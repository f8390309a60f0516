package eventlog

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A large log of request bodies is read in pieces whose calls keep the
// positions, pointers and source lines of the whole file.
func TestPiecesKeepWholeFilePositions(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 5*pieceSize; i++ {
		fmt.Fprintf(&b, `{"events": [{"id": "o_%d", "type": "order_created", "timestamp_ms": 1796115600000, "data": {"type": "contents", "amount": %d}}]}`+"\n", i, i)
		if i%1000 == 0 {
			b.WriteString("\n") // blank lines count as lines
		}
	}
	whole, _ := ParseAll("big.jsonl", b.Bytes())
	var calls []*model.Call
	pieces, inputs := 0, map[string]bool{}
	err := ReadPieces("big.jsonl", bytes.NewReader(b.Bytes()), pieceSize, func(p Piece) bool {
		if p.Continues != (pieces > 0) {
			t.Errorf("piece %d: Continues = %v", pieces, p.Continues)
		}
		pieces++
		for _, d := range p.Docs {
			if d.Continues != p.Continues {
				t.Errorf("piece %d: document Continues = %v", pieces, d.Continues)
			}
			inputs[d.Input] = true
			calls = append(calls, d.Calls...)
			for _, c := range d.Calls {
				amount := c.Arg(2).Get("amount").Span
				if got := p.File.Line(amount.Start.Line); !strings.Contains(got, `"id": "o_`) {
					t.Fatalf("line %d of its piece is %q", amount.Start.Line, got)
				}
			}
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if pieces < 5 {
		t.Errorf("read in %d pieces, want at least 5", pieces)
	}
	if len(inputs) != 1 || !inputs[inputBodies] {
		t.Errorf("inputs = %v", inputs)
	}
	if len(calls) != len(whole[0].Calls) {
		t.Fatalf("%d calls in pieces, %d whole", len(calls), len(whole[0].Calls))
	}
	for i, c := range calls {
		w := whole[0].Calls[i]
		if c.Arg(2).Get("amount").Span != w.Arg(2).Get("amount").Span || c.Span != w.Span {
			t.Fatalf("call %d: %+v, whole %+v", i, c.Arg(2).Get("amount").Span, w.Arg(2).Get("amount").Span)
		}
	}
}

// A large log of the pixel's own records comes in pieces too (the rules
// that compare its records carry their state across them: see
// rules.LogState); a log extract wrote, whose records are grouped by the
// file they came from, stays one piece whatever its size.
func TestPixelLogsComeInPiecesExtractLogsWhole(t *testing.T) {
	for _, tc := range []struct {
		name, first, record string
		whole               bool
	}{
		{"calls.jsonl", `["init", {"pixelId": "px_1"}]`, `["measure", "page_viewed", {"type": "contents"}]`, false},
		{"extract.jsonl", `{"args": ["init", {"pixelId": "px_1"}], "file": "a.html", "kind": "page"}`,
			`{"args": ["measure", "page_viewed", {"type": "contents"}], "file": "a.html", "kind": "page"}`, true},
	} {
		var b bytes.Buffer
		b.WriteString(tc.first + "\n")
		for b.Len() < 3*pieceSize {
			b.WriteString(tc.record + "\n")
		}
		pieces, calls := 0, 0
		if err := ReadPieces(tc.name, bytes.NewReader(b.Bytes()), pieceSize, func(p Piece) bool {
			pieces++
			for _, d := range p.Docs {
				calls += len(d.Calls)
			}
			return true
		}); err != nil {
			t.Fatal(err)
		}
		if want := bytes.Count(b.Bytes(), []byte("\n")); calls != want {
			t.Errorf("%s: %d calls, want %d", tc.name, calls, want)
		}
		if tc.whole && pieces != 1 {
			t.Errorf("%s: %d pieces, want 1", tc.name, pieces)
		}
		if !tc.whole && pieces < 3 {
			t.Errorf("%s: %d pieces, want at least 3", tc.name, pieces)
		}
	}
}

// A large JSON array of records comes in pieces cut between records, whose
// calls keep the positions of the whole file.
func TestArrayPiecesKeepWholeFilePositions(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i := 0; b.Len() < 3*pieceSize; i++ {
		fmt.Fprintf(&b, `  {"args": ["measure", "page_viewed", {"type": "contents", "note": "a, b\"]"}], "ts": "t%d"},`+"\n", i)
	}
	b.WriteString(`  ["measure", "page_viewed", {"type": "contents"}]` + "\n]\n")
	whole, _ := ParseAll("big.json", b.Bytes())
	var calls []*model.Call
	pieces := 0
	err := ReadPieces("big.json", bytes.NewReader(b.Bytes()), pieceSize, func(p Piece) bool {
		pieces++
		for _, d := range p.Docs {
			if len(d.RecordFailures) > 0 {
				t.Errorf("piece %d: %v", pieces, d.RecordFailures)
			}
			calls = append(calls, d.Calls...)
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if pieces < 3 {
		t.Errorf("read in %d pieces, want at least 3", pieces)
	}
	if len(calls) != len(whole[0].Calls) || len(whole[0].RecordFailures) > 0 {
		t.Fatalf("%d calls in pieces, %d whole (%v)", len(calls), len(whole[0].Calls), whole[0].RecordFailures)
	}
	for i, c := range calls {
		if w := whole[0].Calls[i]; c.Span != w.Span || c.Arg(2).Span != w.Arg(2).Span {
			t.Fatalf("call %d at %v, whole %v", i, c.Span, w.Span)
		}
	}
}
