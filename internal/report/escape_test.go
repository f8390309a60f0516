package report

import (
	"github.com/charmbracelet/colorprofile"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Page content and file names cannot drive the terminal or forge a
// finding line (issue 18, item 6): every control character is shown as an
// escape in messages, frames and paths.
func TestTextEscapesControlCharacters(t *testing.T) {
	src := "oaiq(\"measure\", \"\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07\u202e\u009b31m\x9b\");\n"
	var out strings.Builder
	rep, _ := New("text", &colorprofile.Writer{Forward: &out, Profile: colorprofile.NoTTY}, Options{})
	file := "evil\nfake.html:1:1: error: forged [pii-raw].html"
	f := model.Finding{Rule: "event-name-unknown", Severity: model.Error, Message: "unknown event name \"\x1b[2J\"",
		Hint: "see \x1b]0;title\x07", Span: model.Span{File: file, Start: model.Pos{Line: 1, Col: 17}, End: model.Pos{Line: 1, Col: 30}}}
	rep.Result(Result{Path: file, Findings: []model.Finding{f}, Sources: sourcesOf(file, src)})
	got := out.String()
	for _, bad := range []string{"\x1b", "\x07", "\x9b", "\u202e"} {
		if strings.Contains(got, bad) {
			t.Errorf("control %q reached the output:\n%q", bad, got)
		}
	}
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if !strings.HasPrefix(lines[0], `evil\nfake.html:1:1: error: forged [pii-raw].html:1:17: error:`) {
		t.Errorf("the file name's newline forged a line:\n%s", got)
	}
	for _, l := range lines[1:] {
		if strings.Contains(l, ": error: ") {
			t.Errorf("a second finding line appeared: %q", l)
		}
	}
	if !strings.Contains(got, `\x1b[2J\x1b]0;pwned\x07`) || !strings.Contains(got, `\u202e`) {
		t.Errorf("escapes not shown:\n%s", got)
	}
}

func TestGitHubEscapesControlCharacters(t *testing.T) {
	var out strings.Builder
	rep, _ := New("github", &out, Options{})
	f := model.Finding{Rule: "x", Severity: model.Error, Message: "a\x1b[2Jb", Span: model.Span{File: "p\x1b]0;t\x07.html"}}
	rep.Result(Result{Findings: []model.Finding{f}})
	if strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("control characters in %q", out.String())
	}
}

func sourcesOf(name, text string) map[string]*source.File {
	return map[string]*source.File{name: source.New(name, []byte(text))}
}

// Code frames redact every spelling of an address, with the marker kept
// under the finding's span (issue 18, item 1).
func TestFrameRedactsEverySpellingUnderTheSpan(t *testing.T) {
	for _, line := range []string{
		`oaiq("m", { note: "nina&#64;example.com", x: 1 });`,
		`oaiq("m", { note: "oscar\u0040example.com", x: 1 });`,
		`oaiq("m", { note: "paula\x40example.com", x: 1 });`,
		`oaiq("m", { note: "rita%2540example.com", x: 1 });`,
		`oaiq("m", { note: "quinn@exämple.de", x: 1 });`,
	} {
		start := strings.Index(line, `"`+strings.Split(strings.Split(line, `note: "`)[1], `"`)[0])
		end := start + len(strings.Split(strings.Split(line, `note: "`)[1], `"`)[0]) + 2
		col := func(b int) int { return len([]rune(line[:b])) + 1 }
		out := render(t, line+"\n", model.Finding{Rule: "pii-raw", Severity: model.Error, Message: "raw e-mail",
			Span: model.Span{Start: model.Pos{Line: 1, Col: col(start)}, End: model.Pos{Line: 1, Col: col(end)}}})
		lines := strings.Split(out, "\n")
		code, marker := lines[2], lines[3]
		for _, raw := range []string{"nina", "oscar", "paula", "rita", "quinn"} {
			if strings.Contains(code, raw) {
				t.Errorf("raw address in frame: %s", code)
			}
		}
		at := strings.Index(marker, "^")
		if at < 0 || !strings.HasPrefix(code[at:], `"`) || !strings.HasPrefix(code[at+strings.Count(marker, "~")+1:], `, x`) {
			t.Errorf("marker not under the value:\n%s\n%s", code, marker)
		}
	}
}
