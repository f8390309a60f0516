package fixer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Diff returns a unified diff (3 lines of context) from old to new, both
// UTF-8 text, labelled with name; "" when they are equal.
func Diff(name string, old, new []byte) string {
	d, _ := DiffWithholding(name, old, new, nil)
	return d
}

// DiffWithholding is Diff without the hunks any of whose lines (context,
// removed or added) withhold reports true for, and the number of hunks it
// left out. The hunks printed keep their line numbers consistent among
// themselves (the new file's numbers count only the printed changes), so
// the diff still applies, making only the changes it shows. "" when no
// hunk is left.
func DiffWithholding(name string, old, new []byte, withhold func(line string) bool) (string, int) {
	if bytes.Equal(old, new) {
		return "", 0
	}
	a, b := splitLines(old), splitLines(new)
	ops := lineOps(a, b)
	var out strings.Builder
	withheld := 0
	// shift is how many lines the printed hunks add to the old file (net):
	// a hunk's new start is its old start moved by it, not by the changes
	// of hunks left out.
	shift := 0
	const ctx = 3
	// Group the operations into hunks: runs of changes with at most 2×ctx
	// equal lines between them.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		hunk := ops[start:end]
		i = end
		if withhold != nil && slices.ContainsFunc(hunk, func(o op) bool { return withhold(o.text) }) {
			withheld++
			continue
		}
		aStart, aN, bN := ops[start].a, 0, 0
		var body strings.Builder
		for _, op := range hunk {
			body.WriteByte(op.kind)
			body.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
			if op.kind != '+' {
				aN++
			}
			if op.kind != '-' {
				bN++
			}
		}
		if out.Len() == 0 {
			label := diffLabel(name)
			fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", label, label)
		}
		bStart := aStart + shift // ops[start].b when every hunk is printed
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aStart, aN), hunkRange(bStart, bN))
		out.WriteString(body.String())
		shift += bN - aN
	}
	return out.String(), withheld
}

// diffLabel is name as git diff --no-index prints it after a/ and b/:
// forward slashes, an absolute path without its leading slash (a/tmp/x,
// not a//tmp/x), so patch -p1 and git apply read it.
func diffLabel(name string) string {
	return strings.TrimLeft(filepath.ToSlash(name), "/")
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start) // the line before an empty range
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines keeps each line's ending, so a diff shows \r\n files as
// they are.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}

// op is one line of the diff: ' ', '-' or '+', with the line's index in
// the old (a) and new (b) text where it stands.
type op struct {
	kind byte
	text string
	a, b int
}

// lineOps aligns two line lists: the common prefix and suffix, then a
// longest common subsequence of the middle (fixes change a few lines, so
// the middle is small); a middle too large for that is shown as all
// removed then all added, which is still a correct diff.
func lineOps(a, b []string) []op {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []op
	for i := 0; i < p; i++ {
		ops = append(ops, op{' ', a[i], i, i})
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	if len(ma)*len(mb) <= 4_000_000 {
		// lcs[i][j] is the length of the LCS of ma[i:] and mb[j:].
		w := len(mb) + 1
		lcs := make([]int32, (len(ma)+1)*w)
		for i := len(ma) - 1; i >= 0; i-- {
			for j := len(mb) - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ma) || j < len(mb) {
			switch {
			case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
				ops = append(ops, op{' ', ma[i], p + i, p + j})
				i++
				j++
			case i < len(ma) && (j == len(mb) || lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
				ops = append(ops, op{'-', ma[i], p + i, p + j}) // removals first, as diff(1) shows them
				i++
			default:
				ops = append(ops, op{'+', mb[j], p + i, p + j})
				j++
			}
		}
	} else {
		for i, l := range ma {
			ops = append(ops, op{'-', l, p + i, p})
		}
		for j, l := range mb {
			ops = append(ops, op{'+', l, p + len(ma), p + j})
		}
	}
	for k := 0; k < s; k++ {
		ops = append(ops, op{' ', a[len(a)-s+k], len(a) - s + k, len(b) - s + k})
	}
	return ops
}

// Change replaces old[Start:End] (byte offsets of whole lines) with New.
type Change struct {
	Start, End int
	New        string
}

// Changes returns the runs of lines that differ from old to new, as
// replacements of old's bytes, in order: an editor applies them to old
// and has new, with only the changed lines sent.
func Changes(old, new []byte) []Change {
	if bytes.Equal(old, new) {
		return nil
	}
	a := splitLines(old)
	offset := make([]int, len(a)+1) // offset[i]: where line i of old starts
	for i, l := range a {
		offset[i+1] = offset[i] + len(l)
	}
	var out []Change
	ops := lineOps(a, splitLines(new))
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A '+' stands before old line a (its index there), a '-' is line a.
		c := Change{Start: offset[ops[i].a], End: offset[ops[i].a]}
		var b strings.Builder
		for ; i < len(ops) && ops[i].kind != ' '; i++ {
			if ops[i].kind == '-' {
				c.End = offset[ops[i].a+1]
			} else {
				b.WriteString(ops[i].text)
			}
		}
		c.New = b.String()
		out = append(out, c)
	}
	return out
}
