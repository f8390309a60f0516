package report

import (
	"bytes"

	"github.com/charmbracelet/colorprofile"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func render(t *testing.T, src string, f model.Finding) string {
	t.Helper()
	var out bytes.Buffer
	// Write through a colour-stripping writer, as for a pipe.
	rep, _ := New("text", &colorprofile.Writer{Forward: &out, Profile: colorprofile.NoTTY}, Options{})
	file := source.New("p.html", []byte(src))
	f.Span.File = "p.html"
	rep.Result(Result{Path: "p.html", Findings: []model.Finding{f}, Sources: map[string]*source.File{"p.html": file}})
	rep.Finish(Summary{Files: 1, Errors: 1})
	return out.String()
}

func TestTextFrameMarksTheSpan(t *testing.T) {
	out := render(t, "x\n  amount: 25.99,\n", model.Finding{
		Rule: "amount-not-integer", Severity: model.Error, Message: "not an integer", Hint: "send 2599",
		Span: model.Span{Start: model.Pos{Line: 2, Col: 11}, End: model.Pos{Line: 2, Col: 16}},
	})
	want := "p.html:2:11: error: not an integer [amount-not-integer]\n" +
		"   |\n" +
		" 2 |   amount: 25.99,\n" +
		"   |           ^~~~~\n" +
		"  = hint: send 2599\n" +
		"✖ 1 error, 0 warnings, 0 infos in 1 file, 0 calls\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestTextRedactsMessagesAndSourceLines(t *testing.T) {
	out := render(t, `user: { email: "jane.doe@example.org", phone: "+1 415 555 0134" }`, model.Finding{
		Rule: "pii-raw", Severity: model.Error, Message: "raw e-mail jane.doe@example.org",
		Span: model.Span{Start: model.Pos{Line: 1, Col: 16}, End: model.Pos{Line: 1, Col: 38}},
	})
	if strings.Contains(out, "jane.doe") || strings.Contains(out, "415 555") {
		t.Fatalf("raw personal data in output:\n%s", out)
	}
	if !strings.Contains(out, `"j***@e***.org"`) {
		t.Errorf("redacted form missing:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	// The marker must sit under the (redacted) string literal.
	code, marker := lines[2], lines[3]
	at := strings.Index(marker, "^")
	if at < 0 || !strings.HasPrefix(code[at:], `"j***@`) {
		t.Errorf("marker not under the value:\n%s\n%s", code, marker)
	}
}

func TestTextWindowsLongLines(t *testing.T) {
	line := strings.Repeat("a", 5000) + "BAD" + strings.Repeat("b", 5000)
	out := render(t, line, model.Finding{Rule: "r", Severity: model.Warning, Message: "m",
		Span: model.Span{Start: model.Pos{Line: 1, Col: 5001}, End: model.Pos{Line: 1, Col: 5004}}})
	lines := strings.Split(out, "\n")
	if len([]rune(lines[2])) > frameWidth+20 {
		t.Errorf("frame line too long: %d runes", len([]rune(lines[2])))
	}
	at := strings.Index(lines[3], "^") // the marker line is ASCII: bytes are runes
	if !strings.HasPrefix(string([]rune(lines[2])[at:]), "BAD") {
		t.Errorf("marker not under BAD:\n%s\n%s", lines[2], lines[3])
	}
}

func TestTextMarkerFollowsDisplayWidth(t *testing.T) {
	out := render(t, `/* 合計 🎉 */ oaiq("measure", "x")`, model.Finding{Rule: "r", Severity: model.Error, Message: "m",
		Span: model.Span{Start: model.Pos{Line: 1, Col: 11}, End: model.Pos{Line: 1, Col: 15}}})
	lines := strings.Split(out, "\n")
	// 合, 計 and 🎉 take two columns each: the marker is 3 columns further right
	// than the character count, under "oaiq".
	if want := "   | " + strings.Repeat(" ", 13) + "^~~~"; lines[3] != want {
		t.Errorf("marker line\n%q\nwant\n%q\n(code line %q)", lines[3], want, lines[2])
	}
}

// TestTextThroughAStrippingWriterLeavesNoFragments: a long result written
// through the colour-stripping writer (pipes, NO_COLOR) must come out with
// no escape sequence, whole or cut in two.
func TestTextThroughAStrippingWriterLeavesNoFragments(t *testing.T) {
	var src strings.Builder
	var fs []model.Finding
	for i := 1; i <= 200; i++ {
		src.WriteString(`  oaiq("measure", "order_created", { type: "contents", amount: 8.5, currency: "USD" });` + "\n")
		fs = append(fs, model.Finding{Rule: "amount-not-integer", Severity: model.Error, Message: strings.Repeat("m", i%37), Hint: "h",
			Span: model.Span{File: "p.html", Start: model.Pos{Line: i, Col: 62}, End: model.Pos{Line: i, Col: 65}}})
	}
	var out bytes.Buffer
	rep, _ := New("text", &colorprofile.Writer{Forward: &out, Profile: colorprofile.NoTTY}, Options{})
	rep.Result(Result{Path: "p.html", Findings: fs, Sources: map[string]*source.File{"p.html": source.New("p.html", []byte(src.String()))}})
	rep.Finish(Summary{Files: 1, Errors: 200})
	if s := out.String(); strings.ContainsAny(s, "\x1b") || strings.Contains(s, "[m") || strings.Contains(s, "1;31m") {
		i := strings.Index(s, "[m")
		t.Fatalf("escape fragments in stripped output near %q", s[max(0, i-40):min(len(s), i+10)])
	}
}

// A log finding's JSON Pointer follows the message, so a
// "%f:%l:%c: %m" problem matcher reads file, line, column and message.
func TestTextPointerAfterTheMessage(t *testing.T) {
	out := render(t, `{"amount": 25.99}`+"\n", model.Finding{
		Rule: "amount-not-integer", Severity: model.Error, Message: "not an integer",
		Span: model.Span{Start: model.Pos{Line: 1, Col: 12}, End: model.Pos{Line: 1, Col: 17}, Pointer: "/args/2/amount"},
	})
	want := "p.html:1:12: error: not an integer [amount-not-integer] (/args/2/amount)\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("got\n%s\nwant a first line of\n%s", out, want)
	}
}
