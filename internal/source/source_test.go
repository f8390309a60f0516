package source

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestPosCountsRunesAndLineEndings(t *testing.T) {
	f := New("x", []byte("ab\r\nçé=1\rz\n"))
	cases := []struct {
		off  int
		want model.Pos
	}{
		{0, model.Pos{Line: 1, Col: 1}},
		{2, model.Pos{Line: 1, Col: 3}},
		{4, model.Pos{Line: 2, Col: 1}},
		{8, model.Pos{Line: 2, Col: 3}}, // after two 2-byte runes
		{11, model.Pos{Line: 3, Col: 1}},
		{13, model.Pos{Line: 4, Col: 1}},
	}
	for _, c := range cases {
		if got := f.Pos(c.off); got != c.want {
			t.Errorf("Pos(%d) = %v, want %v", c.off, got, c.want)
		}
		if back := f.Offset(c.want); back != c.off {
			t.Errorf("Offset(%v) = %d, want %d", c.want, back, c.off)
		}
	}
	if got := f.Line(2); got != "çé=1" {
		t.Errorf("Line(2) = %q", got)
	}
	if got := f.Line(9); got != "" {
		t.Errorf("Line(9) = %q, want empty", got)
	}
}
