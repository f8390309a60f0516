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

// Logs of the pixel's own records stay one piece, whatever their size:
// their records depend on one another.
func TestPixelLogsAreReadWhole(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`["init", {"pixelId": "px_1"}]` + "\n")
	for b.Len() < 3*pieceSize {
		b.WriteString(`["measure", "page_viewed", {"type": "contents"}]` + "\n")
	}
	pieces := 0
	if err := ReadPieces("calls.jsonl", bytes.NewReader(b.Bytes()), pieceSize, func(Piece) bool { pieces++; return true }); err != nil {
		t.Fatal(err)
	}
	if pieces != 1 {
		t.Errorf("%d pieces, want 1", pieces)
	}
}
