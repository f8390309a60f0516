package source

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Columns far into long lines come from the rune index; they must equal
// counting from the line start, invalid UTF-8 and cut runes included.
func TestPosOnLongLinesMatchesRuneCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "€", "😀", "\xff", "\xe2\x82", "\x80", "\n", "x = 1; "}
	for range 20 {
		var b strings.Builder
		for b.Len() < 40_000 {
			p := pieces[r.IntN(len(pieces))]
			if p == "\n" && r.IntN(2000) != 0 {
				continue // mostly long lines
			}
			b.WriteString(p)
		}
		text := []byte(b.String())
		f := New("x", text)
		for range 300 {
			off := r.IntN(len(text) + 1)
			got := f.Pos(off)
			lineStart := f.lines[got.Line-1]
			if want := utf8.RuneCount(text[lineStart:off]) + 1; got.Col != want {
				t.Fatalf("Pos(%d) column %d, want %d", off, got.Col, want)
			}
		}
	}
}

func BenchmarkPosOnOneLinePage(b *testing.B) {
	text := []byte(strings.Repeat(`<div class="card">Prix : 12,99 €</div>`, 500_000))
	f := New("x", text)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		f.Pos((i * 7919) % len(text))
	}
}

// TestCursorAgreesWithPos asks a cursor for increasing offsets (and some
// going back) through text with every line end, multi-byte and invalid
// UTF-8, and compares each answer with Pos.
func TestCursorAgreesWithPos(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{"a", "{", "\"k\"", "\n", "\r\n", "\r", "é", "漢", "\xff", "\xe2\x82", "😀", " "}
	for round := 0; round < 200; round++ {
		var b strings.Builder
		for i := 0; i < 1+r.IntN(300); i++ {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		f := NewAt("t", []byte(b.String()), 1+r.IntN(5))
		c := f.Cursor()
		for off := 0; off <= len(f.Text)+1; off += 1 + r.IntN(4) {
			ask := off
			if r.IntN(10) == 0 {
				ask = r.IntN(off + 1) // now and then one going back
			}
			if got, want := c.Pos(ask), f.Pos(ask); got != want {
				t.Fatalf("text %q: Cursor.Pos(%d) = %v, Pos = %v", f.Text, ask, got, want)
			}
		}
	}
}
