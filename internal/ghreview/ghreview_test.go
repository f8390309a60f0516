package ghreview

import (
	"encoding/json"
	"errors"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
)

// page is the file checked: lines 1-9.
const page = "<script>\n" + // 1
	`oaiq("init", { pixel_id: "px_1" });` + "\n" + // 2
	`oaiq("measure", "order_created", {` + "\n" + // 3
	`  amount: 25.99,` + "\n" + // 4
	`  currency: "usd" });` + "\n" + // 5
	`oaiq("measure", "order_created", { currency: "eur", contact: "jane@example.com" });` + "\n" + // 6
	`oaiq("measure", "order_created", { currency: "gbp", ref: "cust-00042" });` + "\n" + // 7
	"</script>\n" + // 8
	`<p>unchanged</p>` + "\n" // 9

// patch shows lines 1-8 of the new side in two hunks: 1-5 and 6-8 (9 is
// outside the diff).
const patch = "@@ -1,2 +1,5 @@\n <script>\n+" + `oaiq("init", { pixel_id: "px_1" });` + "\n+" +
	`oaiq("measure", "order_created", {` + "\n+" + `  amount: 25.99,` + "\n+" + `  currency: "usd" });` + "\n" +
	"@@ -10,2 +6,3 @@ function f() {\n+" + `oaiq("measure", "order_created", { currency: "eur", contact: "jane@example.com" });` + "\n+" +
	`oaiq("measure", "order_created", { currency: "gbp", ref: "cust-00042" });` + "\n </script>\n-<p>gone</p>"

func edit(line, col, endLine, endCol int, text string) Edit {
	return Edit{File: "site/thanks.html", Line: line, Column: col, EndLine: endLine, EndColumn: endCol, NewText: text}
}

func finding(rule, applicability string, edits ...Edit) Finding {
	return Finding{Rule: rule, Message: rule + " is wrong", File: "site/thanks.html", Line: edits[0].Line,
		Fix: &Fix{Description: "fix " + rule, Applicability: applicability, Edits: edits}}
}

func build(t *testing.T, fs []Finding, existing []Comment, o Options) (Review, Stats) {
	t.Helper()
	o.Read = func(path string) ([]byte, error) {
		if path != "site/thanks.html" {
			return nil, errors.New("no such file")
		}
		return []byte(strings.ReplaceAll(page, "\n", "\r\n")), nil // line endings never reach a suggestion
	}
	return Build(fs, []File{{Filename: "site/thanks.html", Status: "modified", Patch: patch}}, existing, o)
}

var (
	rename   = finding("key-misspelt", "safe", edit(2, 16, 2, 24, "pixelId"))
	upper    = finding("currency-code", "safe", edit(5, 14, 5, 17, "USD"))
	rescale  = finding("amount-float", "unsafe", edit(4, 11, 4, 16, "2599"), edit(5, 14, 5, 17, "USD"))
	email    = finding("currency-code", "safe", edit(6, 47, 6, 50, "EUR"))
	known    = finding("currency-code", "safe", edit(7, 47, 7, 50, "GBP"))
	outside  = finding("tag", "safe", edit(9, 2, 9, 3, "div"))
	twoHunks = finding("span", "unsafe", edit(5, 14, 5, 17, "USD"), edit(6, 47, 6, 50, "EUR"))
)

func TestBuildProposesSafeFixesOnChangedLines(t *testing.T) {
	r, st := build(t, []Finding{upper, outside, rename, rescale}, nil, Options{CommitID: "abc123"})
	if r.CommitID != "abc123" || r.Event != "COMMENT" || len(r.Comments) != 2 {
		t.Fatalf("review %+v", r)
	}
	c := r.Comments[0]
	if c.Path != "site/thanks.html" || c.Line != 2 || c.StartLine != 0 || c.Side != "RIGHT" {
		t.Errorf("first comment %+v", c)
	}
	wantBlock := "```suggestion\n" + `oaiq("init", { pixelId: "px_1" });` + "\n```"
	if !strings.HasSuffix(c.Body, wantBlock) || !strings.Contains(c.Body, "`key-misspelt`") || !strings.Contains(c.Body, "key-misspelt is wrong") {
		t.Errorf("body %q lacks the rule, the message or\n%s", c.Body, wantBlock)
	}
	if strings.Contains(c.Body, "unsafe") || strings.Contains(c.Body, "\r") {
		t.Errorf("body %q", c.Body)
	}
	if r.Comments[1].Line != 5 || !strings.Contains(r.Comments[1].Body, "  currency: \"USD\" });\n```") {
		t.Errorf("second comment %+v", r.Comments[1])
	}
	if st.Proposed != 2 || st.OutsideDiff != 1 || st.Unsafe != 1 {
		t.Errorf("stats %+v", st)
	}
	if !strings.Contains(r.Body, "2 fixes") {
		t.Errorf("review body %q", r.Body)
	}
}

func TestBuildProposesUnsafeFixesOnlyWhenAskedAndSaysSo(t *testing.T) {
	r, _ := build(t, []Finding{rescale, twoHunks}, nil, Options{Unsafe: true})
	if len(r.Comments) != 1 {
		t.Fatalf("comments %+v", r.Comments)
	}
	c := r.Comments[0]
	// Lines 4-5: a multi-line comment; a fix over two hunks is not shown.
	if c.StartLine != 4 || c.StartSide != "RIGHT" || c.Line != 5 {
		t.Errorf("range %+v", c)
	}
	if !strings.Contains(c.Body, "unsafe: changes a value") || !strings.Contains(c.Body, "```suggestion\n  amount: 2599,\n  currency: \"USD\" });\n```") {
		t.Errorf("body %q", c.Body)
	}
}

func TestBuildShowsNoPersonalData(t *testing.T) {
	sensitive := func(_ string, _ []byte) []pii.Known { return []pii.Known{{Kind: pii.ExternalID, Text: "cust-00042"}} }
	r, st := build(t, []Finding{email, known}, nil, Options{Sensitive: sensitive})
	if len(r.Comments) != 0 || st.Personal != 2 {
		t.Errorf("comments %+v, stats %+v", r.Comments, st)
	}
	out, _ := json.Marshal(r)
	for _, raw := range []string{"jane@example.com", "cust-00042"} {
		if strings.Contains(string(out), raw) {
			t.Errorf("review shows %s: %s", raw, out)
		}
	}
	// Without the known value, the e-mail still keeps line 6 out.
	if r, _ := build(t, []Finding{email, known}, nil, Options{}); len(r.Comments) != 1 || r.Comments[0].Line != 7 {
		t.Errorf("comments %+v", r.Comments)
	}
}

func TestBuildSkipsCommentsAlreadyPosted(t *testing.T) {
	first, _ := build(t, []Finding{rename, upper}, nil, Options{})
	line := first.Comments[0].Line
	// GitHub gives bodies back with \r\n; an outdated comment has no line.
	existing := []Comment{
		{Path: "site/thanks.html", Line: &line, Body: strings.ReplaceAll(first.Comments[0].Body, "\n", "\r\n")},
		{Path: "site/thanks.html", Line: nil, Body: first.Comments[1].Body},
	}
	r, st := build(t, []Finding{rename, upper}, existing, Options{})
	if len(r.Comments) != 1 || r.Comments[0].Line != 5 || st.Posted != 1 {
		t.Errorf("comments %+v, stats %+v", r.Comments, st)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	fs := []Finding{upper, outside, rename, rescale, rename, email}
	want, _ := build(t, fs, nil, Options{Unsafe: true})
	wantJSON, _ := json.Marshal(want)
	for range 20 {
		rand.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		got, _ := build(t, fs, nil, Options{Unsafe: true})
		if gotJSON, _ := json.Marshal(got); string(gotJSON) != string(wantJSON) {
			t.Fatalf("order changed the review:\n%s\n%s", gotJSON, wantJSON)
		}
	}
	if len(want.Comments) != 3 {
		t.Errorf("a finding twice gave two comments: %+v", want.Comments)
	}
}

func TestBuildLineFencesAndPaths(t *testing.T) {
	ticks := finding("x", "safe", edit(2, 1, 2, 5, "```"))
	r, _ := build(t, []Finding{ticks}, nil, Options{})
	if len(r.Comments) != 1 || !strings.Contains(r.Comments[0].Body, "````suggestion\n```(\"init\"") {
		t.Errorf("fence not longer than the backticks of the lines: %+v", r.Comments)
	}
	base := filepath.FromSlash("/work/repo")
	for file, want := range map[string]string{
		filepath.Join(base, "site", "a.html"):   "site/a.html",
		"./site/a.html":                         "site/a.html",
		filepath.FromSlash("/elsewhere/a.html"): "",
		"../a.html":                             "",
		"https://example.com/a":                 "",
	} {
		if got := repoPath(base, file); got != want {
			t.Errorf("repoPath(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestReadPagesReadsEveryPage(t *testing.T) {
	got, err := ReadPages[File](strings.NewReader(`[{"filename": "a"}, {"filename": "b"}]` + "\n" + `[{"filename": "c"}]` + "\n[]\n"))
	if err != nil || len(got) != 3 || got[2].Filename != "c" {
		t.Errorf("%+v %v", got, err)
	}
	if _, err := ReadPages[File](strings.NewReader(`{"message": "Bad credentials"}`)); err == nil {
		t.Error("an error object read as a list")
	}
}

func TestReadReport(t *testing.T) {
	fs, err := ReadReport(strings.NewReader(`{"version": 1, "findings": [{"rule": "r", "file": "a.html", "line": 2,
		"fix": {"description": "d", "applicability": "safe", "edits": [{"file": "a.html", "line": 2, "column": 1, "end_line": 2, "end_column": 3, "new_text": "x"}]}}]}`))
	if err != nil || len(fs) != 1 || fs[0].Fix.Edits[0].EndColumn != 3 {
		t.Errorf("%+v %v", fs, err)
	}
	if _, err := ReadReport(strings.NewReader(`{"version": 2}`)); err == nil {
		t.Error("version 2 read")
	}
}
