package source

import (
	"sort"
	"unicode/utf8"
)

// runeStride is the spacing of the checkpoints of a runeIndex: a column far
// into a long line costs at most two strides of counting.
const runeStride = 4096

// runeIndex holds checkpoints at rune boundaries: offs[k] is a byte offset
// and counts[k] the runes in Text[:offs[k]], as utf8.RuneCount counts them.
type runeIndex struct {
	offs   []int
	counts []int
}

// runesBetween is utf8.RuneCount(f.Text[start:end]), where start is a line
// start. Short spans are counted directly; long ones through the index, so
// that positions on a 20 MB one-line page do not each count from its start.
func (f *File) runesBetween(start, end int) int {
	if end-start <= 2*runeStride {
		return runeCount(f.Text[start:end])
	}
	f.runesOnce.Do(f.indexRunes)
	return f.runesBefore(end) - f.runesBefore(start)
}

// runesBefore counts the runes of Text[:off] from the nearest checkpoint.
// Counts add up at a checkpoint because a checkpoint is never inside a
// rune: it sits on a byte that is not a continuation byte.
func (f *File) runesBefore(off int) int {
	k := sort.SearchInts(f.runes.offs, off+1) - 1
	return f.runes.counts[k] + runeCount(f.Text[f.runes.offs[k]:off])
}

func (f *File) indexRunes() {
	text := f.Text
	idx := runeIndex{offs: []int{0}, counts: []int{0}}
	n, at := 0, 0
	for next := runeStride; next < len(text); next += runeStride {
		for next < len(text) && !utf8.RuneStart(text[next]) {
			next++
		}
		if next >= len(text) {
			break
		}
		n += runeCount(text[at:next])
		at = next
		idx.offs = append(idx.offs, at)
		idx.counts = append(idx.counts, n)
	}
	f.runes = idx
}

// runeCount is utf8.RuneCount without its conversion to a string, which
// copies long spans.
func runeCount(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(b[i:])
			i += size
		}
		n++
	}
	return n
}
