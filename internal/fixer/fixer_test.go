package fixer

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func edit(file string, line, col, endCol int, old, new string) model.Edit {
	return model.Edit{Span: model.Span{File: file, Start: model.Pos{Line: line, Col: col}, End: model.Pos{Line: line, Col: endCol}}, Old: old, New: new}
}

func finding(rule string, edits ...model.Edit) model.Finding {
	return model.Finding{Rule: rule, Fix: &model.Fix{Applicability: model.Safe, Edits: edits}}
}

func TestApplyKeepsBOMLineEndingsAndSkipsOverlaps(t *testing.T) {
	orig := []byte("\xEF\xBB\xBFa = \"usd\";\r\nb = \"us\";\r\n")
	f := Decode("x.js", orig)
	if !f.Writable {
		t.Fatal("a UTF-8 file with a BOM must be writable")
	}
	n := f.Apply([]model.Finding{
		finding("currency-code", edit("x.js", 1, 6, 9, "usd", "USD")),
		finding("other", edit("x.js", 1, 7, 10, `sd"`, `SD"`)), // overlaps the earlier one: left for the next round
		finding("country-code", edit("x.js", 2, 6, 8, "us", "US")),
		finding("stale", edit("x.js", 2, 6, 8, "xx", "YY")), // not verbatim: never applied
	})
	if n != 2 {
		t.Errorf("fixed %d findings, want 2", n)
	}
	got, err := f.Encoded()
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("\xEF\xBB\xBFa = \"USD\";\r\nb = \"US\";\r\n")
	if !bytes.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApplyIsOrderIndependent(t *testing.T) {
	a := finding("a-rule", edit("x.js", 1, 1, 4, "abc", "A"))
	b := finding("b-rule", edit("x.js", 1, 2, 5, "bcd", "B"))
	for _, order := range [][]model.Finding{{a, b}, {b, a}} {
		f := Decode("x.js", []byte("abcde"))
		f.Apply(order)
		if string(f.Text) != "Ade" {
			t.Errorf("got %q, want %q whatever the order", f.Text, "Ade")
		}
	}
}

func TestUTF16RoundTrip(t *testing.T) {
	// "é = 'usd'" in UTF-16LE with a BOM: positions count characters.
	text := "é = 'usd'\n"
	var orig []byte
	orig = append(orig, 0xFF, 0xFE)
	for _, r := range text {
		orig = append(orig, byte(r), byte(r>>8))
	}
	f := Decode("x.js", orig)
	if !f.Writable {
		t.Fatal("UTF-16 must round-trip")
	}
	if f.Apply([]model.Finding{finding("currency-code", edit("x.js", 1, 6, 9, "usd", "USD"))}) != 1 {
		t.Fatal("not applied")
	}
	got, _ := f.Encoded()
	if !bytes.HasPrefix(got, []byte{0xFF, 0xFE}) || len(got) != len(orig) || !strings.Contains(string(f.Text), "'USD'") {
		t.Errorf("got %q", got)
	}
}

func TestWriteFileIsAtomicAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.js")
	if err := os.WriteFile(p, []byte("x = 'usd'\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	f, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Apply([]model.Finding{finding("c", edit(p, 1, 6, 9, "usd", "USD"))})
	if err := f.WriteFile(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	info, _ := os.Stat(p)
	if string(got) != "x = 'USD'\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("got %q mode %v", got, info.Mode().Perm())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestDiffAppliesWithPatch(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n"
	new := "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\nTWELVE\n13\n"
	d := Diff("f.txt", []byte(old), []byte(new))
	if strings.Count(d, "@@ ") != 2 {
		t.Errorf("want two hunks:\n%s", d)
	}
	if !strings.Contains(d, "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n") {
		t.Errorf("first hunk wrong:\n%s", d)
	}
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch(1) not installed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old), 0o644)
	cmd := exec.Command(patch, "-p1", "-s")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v %s", err, out)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "f.txt"))
	if string(got) != new {
		t.Errorf("patched to %q", got)
	}
	if Diff("f", []byte("a"), []byte("a")) != "" {
		t.Error("equal texts must give no diff")
	}
}

// An absolute path is labelled as git diff --no-index labels it (a/tmp/x,
// not a//tmp/x), so the diff applies with patch -p1 from the root.
func TestDiffLabelsAbsolutePathsLikeGit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	old, new := "a\nb\n", "a\nB\n"
	d := Diff(p, []byte(old), []byte(new))
	label := strings.TrimPrefix(filepath.ToSlash(p), "/")
	if want := "--- a/" + label + "\n+++ b/" + label + "\n"; !strings.HasPrefix(d, want) {
		t.Fatalf("diff starts\n%s\nwant\n%s", d, want)
	}
	if strings.Contains(d, "a//") || strings.Contains(d, "b//") {
		t.Errorf("doubled slash:\n%s", d)
	}
	if Diff("site/f.txt", []byte(old), []byte(new))[:30] != "--- a/site/f.txt\n+++ b/site/f." {
		t.Errorf("relative path relabelled:\n%s", Diff("site/f.txt", []byte(old), []byte(new)))
	}
	os.WriteFile(p, []byte(old), 0o644)
	if git, err := exec.LookPath("git"); err == nil {
		q := filepath.Join(dir, "g.txt")
		os.WriteFile(q, []byte(new), 0o644)
		out, _ := exec.Command(git, "diff", "--no-index", p, q).Output()
		if !strings.Contains(string(out), "\n--- a/"+label+"\n") {
			t.Errorf("git labels the old file otherwise:\n%s", out)
		}
	}
	patch, err := exec.LookPath("patch")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("patch(1) not installed")
	}
	cmd := exec.Command(patch, "-p1", "-s")
	cmd.Dir = "/"
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v %s", err, out)
	}
	if got, _ := os.ReadFile(p); string(got) != new {
		t.Errorf("patched to %q", got)
	}
}

func TestChangesTurnOldIntoNew(t *testing.T) {
	for _, c := range []struct{ old, new string }{
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nTWO\n3\n4\n5\n6\n7\n8\nNINE\n10\n"},
		{"a\nb\n", "a\nb\nc\n"},           // added at the end
		{"a\nb", "a\nB"},                  // no final newline
		{"a\nb\nc\n", "c\n"},              // removed at the start
		{"x\r\ny\r\n", "x\r\nY\r\nz\r\n"}, // \r\n kept
		{"", "new\n"},
	} {
		chs := Changes([]byte(c.old), []byte(c.new))
		got := c.old
		for i := len(chs) - 1; i >= 0; i-- { // from the end, so offsets hold
			ch := chs[i]
			got = got[:ch.Start] + ch.New + got[ch.End:]
		}
		if got != c.new {
			t.Errorf("%q → %q: changes %+v give %q", c.old, c.new, chs, got)
		}
	}
	if chs := Changes([]byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"), []byte("1\nTWO\n3\n4\n5\n6\n7\n8\nNINE\n10\n")); len(chs) != 2 || chs[0].New != "TWO\n" {
		t.Errorf("two changed lines far apart: %+v", chs)
	}
}

// A withheld hunk is left out whole, and the hunks after it number the new
// file as if it were never applied: the diff printed still applies, making
// only the changes it shows, even when the one left out adds lines.
func TestDiffWithholdingLeavesHunksOutAndStillApplies(t *testing.T) {
	var old, new, want strings.Builder
	for i := 1; i <= 30; i++ {
		line := fmt.Sprintf("%d\n", i)
		old.WriteString(line)
		switch i {
		case 2:
			new.WriteString("TWO\n")
			want.WriteString("TWO\n")
		case 15: // left out: it adds a line beside the secret
			new.WriteString("15 SECRET\nextra\n")
			want.WriteString(line)
		case 28:
			new.WriteString("TWENTY-EIGHT\n")
			want.WriteString("TWENTY-EIGHT\n")
		default:
			new.WriteString(line)
			want.WriteString(line)
		}
	}
	d, n := DiffWithholding("f.txt", []byte(old.String()), []byte(new.String()), func(l string) bool { return strings.Contains(l, "SECRET") })
	if n != 1 || strings.Contains(d, "SECRET") || strings.Count(d, "@@ ") != 2 {
		t.Fatalf("withheld %d:\n%s", n, d)
	}
	if !strings.Contains(d, "@@ -25,6 +25,6 @@\n") {
		t.Errorf("the last hunk must number the new file without the hunk left out:\n%s", d)
	}
	// Context alone holding the secret withholds the hunk too.
	ctxOld := "a\nb SECRET\nc\nd\n"
	if d, n := DiffWithholding("f.txt", []byte(ctxOld), []byte("A\nb SECRET\nc\nd\n"), func(l string) bool { return strings.Contains(l, "SECRET") }); n != 1 || d != "" {
		t.Errorf("a secret in context: withheld %d, diff %q", n, d)
	}
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch(1) not installed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old.String()), 0o644)
	cmd := exec.Command(patch, "-p1", "-s", "-F0")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v %s", err, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(got) != want.String() {
		t.Errorf("patched to %q", got)
	}
	if git, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command(git, "apply", "--check", "--unsafe-paths", "-")
		os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old.String()), 0o644)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("git apply --check: %v %s", err, out)
		}
	}
}
