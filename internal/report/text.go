package report

import (
	"bytes"
	"fmt"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("text", newText) }

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
//
// Each result is written in one Write: the colour-stripping writer behind it
// (for pipes, NO_COLOR, --color never) works on whole escape sequences, and
// a buffer flushed at a fixed size would cut one in two.
type textReporter struct {
	w    *bytes.Buffer
	out  io.Writer
	opts Options
	// results counts the results seen, noFixes those whose fixes the
	// command cannot apply, and hiddenSafe and hiddenUnsafe their fixes,
	// which the summary's fixable counts leave out.
	results, noFixes         int
	hiddenSafe, hiddenUnsafe int
}

func newText(w io.Writer, opts Options) Reporter {
	return &textReporter{w: &bytes.Buffer{}, out: w, opts: opts}
}

// flush writes what the reporter has built, in one Write.
func (t *textReporter) flush() error {
	_, err := t.out.Write(t.w.Bytes())
	t.w.Reset()
	return err
}

func (t *textReporter) Result(r Result) error {
	t.results++
	if r.NoFixes {
		t.noFixes++
	}
	for _, f := range r.Findings {
		src := r.Sources[f.Span.File]
		f = visibleFinding(Redacted(f), false)
		if r.NoFixes && f.Fix != nil {
			// Nothing this command runs could apply it: what it would do
			// is advice.
			if f.Fix.Applicability == model.Safe {
				t.hiddenSafe++
			} else {
				t.hiddenUnsafe++
			}
			if f.Hint == "" {
				f.Hint = f.Fix.Description
			}
			f.Fix = nil
		}
		loc := f.Span.File
		if !f.Span.Start.IsZero() {
			loc = fmt.Sprintf("%s:%d:%d", f.Span.File, f.Span.Start.Line, f.Span.Start.Col)
		}
		// The pointer goes last, so "file:line:col: message" problem
		// matchers (editors, CI) read the line whole.
		pointer := ""
		if f.Span.Pointer != "" {
			pointer = " " + stylePath.Render("("+f.Span.Pointer+")")
		}
		fmt.Fprintf(t.w, "%s: %s: %s %s%s%s\n", stylePath.Render(loc),
			severityStyle(f.Severity).Render(f.Severity.String()), f.Message,
			styleRule.Render("["+f.Rule+"]"), fixMark(f.Fix), pointer)
		if t.opts.Quiet {
			continue
		}
		t.frame(f, src, r.Sensitive)
		if f.Hint != "" {
			fmt.Fprintf(t.w, "  %s %s\n", styleHint.Render("= hint:"), f.Hint)
		}
		if f.Fix != nil {
			fmt.Fprintf(t.w, "  %s %s\n", styleHint.Render("= fix:"), Printable(f.Fix.Description))
		}
	}
	return t.flush()
}

// fixMark marks a fixable finding on its first line: " [*]" when --fix
// fixes it, " [*unsafe]" when only --fix --unsafe-fixes does.
func fixMark(fix *model.Fix) string {
	switch {
	case fix == nil:
		return ""
	case fix.Applicability == model.Safe:
		return " [*]"
	}
	return " [*unsafe]"
}

// frame prints the finding's source line and a marker under its span.
func (t *textReporter) frame(f model.Finding, src *source.File, known []pii.Known) {
	c, ok := newCodeFrame(f, src, known)
	if !ok {
		return
	}
	num := strconv.Itoa(c.Line)
	pad := strings.Repeat(" ", len(num))
	bar := styleGutter.Render("|")
	fmt.Fprintf(t.w, " %s %s\n", pad, bar)
	fmt.Fprintf(t.w, " %s %s %s\n", styleGutter.Render(num), bar, c.Text)
	// Place the marker by display width, so it stays under the span on
	// lines with wide characters (CJK, emoji).
	before, marked, _ := c.Marked()
	marker := "^" + strings.Repeat("~", max(lipgloss.Width(marked)-1, 0))
	fmt.Fprintf(t.w, " %s %s %s%s\n", pad, bar, strings.Repeat(" ", lipgloss.Width(before)), severityStyle(f.Severity).Render(marker))
}

func (t *textReporter) Finish(s Summary) error {
	if t.opts.Quiet {
		return t.flush()
	}
	files := Plural(s.Files, "file", "files") + ", " + Plural(s.Calls, "call", "calls")
	if s.Unreadable > 0 {
		fmt.Fprintf(t.w, "%s %s could not be read (reasons on standard error); the rest was checked\n",
			styleError.Render("✖"), Plural(s.Unreadable, "input", "inputs"))
	}
	if len(s.Omitted) > 0 {
		ids := slices.Sorted(maps.Keys(s.Omitted))
		n := 0
		parts := make([]string, len(ids))
		for i, id := range ids {
			n += s.Omitted[id]
			parts[i] = fmt.Sprintf("%s %d of %d", id, s.Omitted[id], s.Rules[id])
		}
		fmt.Fprintf(t.w, "%s %s not shown (--max-findings-per-rule): %s\n", styleInfo.Render("ℹ"),
			Plural(n, "finding", "findings"), strings.Join(parts, ", "))
	}
	if c := s.Crawl.Sentence(); c != "" {
		fmt.Fprintf(t.w, "%s %s\n", styleWarning.Render("⚠"), c)
	}
	if s.NoFiles > 0 && s.Files == 0 && s.Unreadable == 0 {
		fmt.Fprintf(t.w, "%s no files to lint (reasons on standard error)\n", styleError.Render("✖"))
	} else if s.Errors+s.Warnings+s.Infos == 0 {
		fmt.Fprintf(t.w, "%s no problems in %s\n", styleOK.Render("✔"), files)
	} else {
		mark := styleInfo.Render("ℹ")
		if s.Errors > 0 {
			mark = styleError.Render("✖")
		} else if s.Warnings > 0 {
			mark = styleWarning.Render("⚠")
		}
		fmt.Fprintf(t.w, "%s %s, %s, %s in %s\n", mark,
			Plural(s.Errors, "error", "errors"), Plural(s.Warnings, "warning", "warnings"),
			Plural(s.Infos, "info", "infos"), files)
	}
	fixable, unsafeFixable := max(s.Fixable-t.hiddenSafe, 0), max(s.UnsafeFixable-t.hiddenUnsafe, 0)
	if t.results > 0 && t.noFixes == t.results {
		fixable, unsafeFixable = 0, 0 // findings left out by --max-findings-per-rule too
	}
	if fixable+unsafeFixable > 0 {
		line := fmt.Sprintf("%s fixable with --fix", Plural(fixable, "finding", "findings"))
		if unsafeFixable > 0 {
			line += fmt.Sprintf(" (%d more with --fix --unsafe-fixes)", unsafeFixable)
		}
		fmt.Fprintf(t.w, "  [*] %s\n", line)
	}
	return t.flush()
}

// Plural writes a count and its noun: "1 error", "2 errors".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
