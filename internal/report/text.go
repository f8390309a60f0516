package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("text", newText) }

// frameWidth bounds how much of a source line a code frame shows, so a
// finding in a 20 MB minified line prints a readable window around it.
const frameWidth = 100

// Styles are always rendered; the stream the reporter writes to (a
// colorprofile writer) strips or downsamples them for pipes, NO_COLOR and
// dumb terminals.
var (
	stylePath    = lipgloss.NewStyle().Bold(true)
	styleError   = lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true)
	styleWarning = lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true)
	styleInfo    = lipgloss.NewStyle().Foreground(lipgloss.Blue).Bold(true)
	styleRule    = lipgloss.NewStyle().Faint(true)
	styleGutter  = lipgloss.NewStyle().Foreground(lipgloss.BrightBlack)
	styleHint    = lipgloss.NewStyle().Foreground(lipgloss.Cyan)
	styleOK      = lipgloss.NewStyle().Foreground(lipgloss.Green).Bold(true)
)

func severityStyle(s model.Severity) lipgloss.Style {
	switch s {
	case model.Error:
		return styleError
	case model.Warning:
		return styleWarning
	}
	return styleInfo
}

// textReporter prints `file:line:col: severity: message [rule]`, then the
// source line with a gutter and a ^~~~ marker under the exact span.
type textReporter struct {
	w    *bufio.Writer
	opts Options
}

func newText(w io.Writer, opts Options) Reporter {
	return &textReporter{w: bufio.NewWriter(w), opts: opts}
}

func (t *textReporter) Result(r Result) error {
	for _, f := range r.Findings {
		f = Redacted(f)
		loc := f.Span.File
		if !f.Span.Start.IsZero() {
			loc = fmt.Sprintf("%s:%d:%d", f.Span.File, f.Span.Start.Line, f.Span.Start.Col)
		}
		if f.Span.Pointer != "" {
			loc += " (" + f.Span.Pointer + ")"
		}
		fmt.Fprintf(t.w, "%s: %s: %s %s\n", stylePath.Render(loc),
			severityStyle(f.Severity).Render(f.Severity.String()), f.Message,
			styleRule.Render("["+f.Rule+"]"))
		if t.opts.Quiet {
			continue
		}
		t.frame(f, r.Sources[f.Span.File])
		if f.Hint != "" {
			fmt.Fprintf(t.w, "  %s %s\n", styleHint.Render("= hint:"), f.Hint)
		}
	}
	return t.w.Flush()
}

// frame prints the finding's source line and a marker under its span.
func (t *textReporter) frame(f model.Finding, src *source.File) {
	if src == nil || f.Span.Start.IsZero() {
		return
	}
	lineNo := f.Span.Start.Line
	line := []rune(src.Line(lineNo))
	start := min(f.Span.Start.Col-1, len(line))
	end := len(line)
	if f.Span.End.Line == lineNo {
		end = min(max(f.Span.End.Col-1, start+1), len(line))
	}
	// Redact each part on its own so the marker stays under the span.
	pre := []rune(pii.Redact(string(line[:start])))
	mid := []rune(pii.Redact(string(line[start:max(start, end)])))
	post := []rune(pii.Redact(string(line[max(start, end):])))
	text, markFrom, markLen := window(pre, mid, post)

	num := strconv.Itoa(lineNo)
	pad := strings.Repeat(" ", len(num))
	bar := styleGutter.Render("|")
	fmt.Fprintf(t.w, " %s %s\n", pad, bar)
	fmt.Fprintf(t.w, " %s %s %s\n", styleGutter.Render(num), bar, strings.ReplaceAll(text, "\t", " "))
	marker := "^" + strings.Repeat("~", max(markLen-1, 0))
	fmt.Fprintf(t.w, " %s %s %s%s\n", pad, bar, strings.Repeat(" ", markFrom), severityStyle(f.Severity).Render(marker))
}

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

func (t *textReporter) Finish(s Summary) error {
	if t.opts.Quiet {
		return t.w.Flush()
	}
	files := plural(s.Files, "file", "files") + ", " + plural(s.Calls, "call", "calls")
	if s.Errors+s.Warnings+s.Infos == 0 {
		fmt.Fprintf(t.w, "%s no problems in %s\n", styleOK.Render("✔"), files)
	} else {
		mark := styleInfo.Render("ℹ")
		if s.Errors > 0 {
			mark = styleError.Render("✖")
		} else if s.Warnings > 0 {
			mark = styleWarning.Render("⚠")
		}
		fmt.Fprintf(t.w, "%s %s, %s, %s in %s\n", mark,
			plural(s.Errors, "error", "errors"), plural(s.Warnings, "warning", "warnings"),
			plural(s.Infos, "info", "infos"), files)
	}
	return t.w.Flush()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
