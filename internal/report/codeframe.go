package report

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// frameWidth bounds how much of a source line a code frame shows, so a
// finding in a 20 MB minified line prints a readable window around it.
const frameWidth = 100

// codeFrame is the source line a finding starts on, cut around its span
// and redacted, with where the marker goes. Human formats draw it.
type codeFrame struct {
	Line int
	// Text is the line (tabs shown as spaces) with "…" where it was cut.
	Text string
	// MarkFrom and MarkLen place the marker, in runes of Text.
	MarkFrom, MarkLen int
}

// Marked splits Text into what comes before the marker, under it, and after.
func (c codeFrame) Marked() (before, marked, after string) {
	r := []rune(c.Text)
	from := min(c.MarkFrom, len(r))
	to := min(from+c.MarkLen, len(r))
	return string(r[:from]), string(r[from:to]), string(r[to:])
}

// newCodeFrame builds the frame of a finding, masking the known values of
// its result too; false when the finding has no position or its file is
// not at hand.
func newCodeFrame(f model.Finding, src *source.File, known []pii.Known) (codeFrame, bool) {
	if src == nil || f.Span.Start.IsZero() {
		return codeFrame{}, false
	}
	lineNo := f.Span.Start.Line
	line := []rune(src.Line(lineNo))
	whole := len(line)
	start := min(f.Span.Start.Col-1, len(line))
	end := len(line)
	if f.Span.End.Line == lineNo {
		end = min(max(f.Span.End.Col-1, start+1), len(line))
	}
	end = max(start, end)
	// Cut a long line to a generous window first, so a 20 MB minified line
	// is not decoded whole; the margin keeps any e-mail or phone number that
	// reaches into the final window whole, so it is still recognised.
	from, to := max(start-frameMargin, 0), min(end+frameMargin, len(line))
	if end-start > 2*frameMargin {
		to = min(start+2*frameMargin, len(line))
	}
	line, start, end = line[from:to], start-from, min(end, to)-from
	// Redact the whole line at once (the data is found by the same spans
	// as in the message, whatever its spelling), keeping the marker's ends.
	text := string(line)
	a, b := len(string(line[:start])), len(string(line[:end]))
	red, at := pii.RedactWith(text, known, []int{a, b})
	pre := []rune(visible(red[:at[0]]))
	mid := []rune(visible(red[at[0]:at[1]]))
	post := []rune(visible(red[at[1]:]))
	if from > 0 {
		pre = append([]rune{'…'}, pre...)
	}
	if to < whole {
		post = append(post, '…')
	}
	text, markFrom, markLen := window(pre, mid, post)
	return codeFrame{Line: lineNo, Text: strings.ReplaceAll(text, "\t", " "), MarkFrom: markFrom, MarkLen: markLen}, true
}

// frameMargin is how much of a line beyond the span is redacted before a
// frame is cut to frameWidth: more than any address is long.
const frameMargin = 4 * frameWidth

// window cuts a long line to about frameWidth characters around the span,
// marking cuts with "…". It returns the text, and where and how long the
// marker is in it.
func window(pre, mid, post []rune) (string, int, int) {
	markLen := max(len(mid), 1)
	if len(pre)+len(mid)+len(post) <= frameWidth {
		return string(pre) + string(mid) + string(post), len(pre), markLen
	}
	if len(mid) > frameWidth {
		mid = append(mid[:frameWidth-1:frameWidth-1], '…')
		markLen = frameWidth
	}
	room := max(frameWidth-len(mid), 0)
	before := min(len(pre), room/2)
	after := min(len(post), room-before)
	before = min(len(pre), room-after)
	var b strings.Builder
	markFrom := before
	if before < len(pre) {
		b.WriteRune('…')
		markFrom++
	}
	b.WriteString(string(pre[len(pre)-before:]))
	b.WriteString(string(mid))
	b.WriteString(string(post[:after]))
	if after < len(post) {
		b.WriteRune('…')
	}
	return b.String(), markFrom, markLen
}
