package report

import (
	"fmt"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"strings"
	"unicode/utf8"
)

// visible shows the control characters of s as escapes (\x1b, \n, \u202e):
// page content and file names reach the terminal through messages, code
// frames and paths, and must not move its cursor, set its title, write its
// clipboard, reorder its text or start a forged finding line. Tabs are kept
// (frames turn them into spaces).
func visible(s string) string { return escapeControls(s, false) }

// escapeControls is visible; lines keeps line breaks for formats that
// encode them themselves (GitHub's workflow commands).
func escapeControls(s string, lines bool) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i]) // a byte of no character: 0x9b alone is CSI to some terminals
		case r == '\t', lines && (r == '\n' || r == '\r'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isHiddenControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasControl(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f || isHiddenControl(r)) {
			return true
		}
	}
	return false
}

// isHiddenControl: C1 controls (0x9b is a one-byte CSI) and the
// bidirectional overrides and isolates that reorder what a line shows.
func isHiddenControl(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff
}

// visibleFinding escapes the control characters of what a terminal-bound
// format prints of a finding: its message, hint, file and pointer; lines
// keeps the message's and hint's line breaks.
func visibleFinding(f model.Finding, lines bool) model.Finding {
	f.Message = escapeControls(f.Message, lines)
	f.Hint = escapeControls(f.Hint, lines)
	f.Span.File = visible(f.Span.File)
	f.Span.Pointer = visible(f.Span.Pointer)
	return f
}

// Printable is s made safe for a terminal line: personal data and secrets
// redacted, control characters escaped. Lines written outside reporters
// (standard error, the crawl summary) use it.
func Printable(s string) string { return visible(pii.Redact(s)) }
