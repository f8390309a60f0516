package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCase is an input a web server or a build can produce; each must
// be linted quickly, without a panic or a hang.
type hostileCase struct {
	name    string
	content func() string
	// want is a rule the result must hold ("" for any).
	want string
}

// deepMarkup is n nested elements with a pixel call at the bottom.
func deepMarkup(n int) string {
	return "<!doctype html><html><head></head><body>" + strings.Repeat("<div>", n) +
		`<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>` +
		strings.Repeat("</div>", n) + "</body></html>"
}

// minifiedPage is a page of about size bytes on one line, its call last.
func minifiedPage(size int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><script>var s=1;</script></head><body>`)
	card := `<div class="card"><a href="/p/1"><img src="/i/1.jpg" alt="déjà vu"></a><p>12,99&nbsp;€</p></div>`
	for b.Len() < size {
		b.WriteString(card)
	}
	b.WriteString(`<script>oaiq("measure","order_created",{type:"contents",amount:25.99,currency:"USD"});</script></body></html>`)
	return b.String()
}

var hostilePages = []hostileCase{
	{"minified-20mb.html", func() string { return minifiedPage(20 << 20) }, "amount-not-integer"},
	{"nested-50k.html", func() string { return deepMarkup(50_000) }, "amount-not-integer"},
	{"invalid-utf8.html", func() string {
		return "<p>\xff\xfe\xc3(\xe2\x82</p><script>oaiq(\"measure\", \"order_created\", {type: \"contents\", amount: 25.99, currency: \"USD\"});</script>\xf0\x28\x8c"
	}, "amount-not-integer"},
	{"utf16-no-bom.html", func() string {
		var b strings.Builder
		for _, r := range `<html><body><script>oaiq("measure","order_created",{type:"contents",amount:25.99,currency:"USD"});</script></body></html>` {
			b.WriteByte(byte(r))
			b.WriteByte(0)
		}
		return b.String()
	}, ""},
	{"binary.html", func() string {
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = byte(i*7919 + i>>8)
		}
		return string(b)
	}, ""},
	{"empty.html", func() string { return "" }, ""},
	{"unclosed-script.html", func() string { return "<script>oaiq(\"measure\", " + strings.Repeat("[", 100_000) }, ""},
}

// Hostile pages are linted to the end; how long that takes depends on the
// machine, so the test asserts completion (the test binary's timeout
// catches a hang), never seconds.
func TestHostilePagesAreLinted(t *testing.T) {
	dir := t.TempDir()
	for _, c := range hostilePages {
		writeFile(t, dir, c.name, c.content())
	}
	out, errOut, code := runCLI(t, "", "check", "--format", "json", dir)
	if code != ExitFindings || strings.Contains(errOut, "internal error") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var doc struct {
		Findings []struct{ Rule, File string }
		Summary  struct{ Files int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if doc.Summary.Files != len(hostilePages) {
		t.Errorf("linted %d files, want %d", doc.Summary.Files, len(hostilePages))
	}
	for _, c := range hostilePages {
		if c.want == "" {
			continue
		}
		found := false
		for _, f := range doc.Findings {
			found = found || f.Rule == c.want && strings.HasSuffix(f.File, c.name)
		}
		if !found {
			t.Errorf("%s: no %s finding", c.name, c.want)
		}
	}
}

func TestHostileLogsAreRead(t *testing.T) {
	dir := t.TempDir()
	deep := writeFile(t, dir, "deep.jsonl", strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n"+cleanLog)
	long := writeFile(t, dir, "long.jsonl", `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD", "note": "`+
		strings.Repeat("x", 5<<20)+`"}]`+"\n"+cleanLog)
	for _, p := range []string{deep, long} {
		out, errOut, code := runCLI(t, "", "log", "--format", "json", p)
		if code == ExitInput || code == ExitUsage || strings.Contains(errOut, "internal error") || !json.Valid([]byte(out)) {
			t.Errorf("%s: exit %d, stderr %s", filepath.Base(p), code, errOut)
		}
	}
}

// Unreadable files and broken links are reported (exit 3); every other
// file is still linted. Link loops do not trap the walk.
func TestUnreadableInputsExit3AndTheRestIsLinted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.html", `<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>`)
	locked := writeFile(t, dir, "locked.html", "<p>x</p>")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.html"), filepath.Join(dir, "broken.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "--format", "json", dir, filepath.Join(dir, "broken.html")}
	if os.Getuid() != 0 { // root reads any file
		args = append(args, locked)
	}
	out, errOut, code := runCLI(t, "", args...)
	if code != ExitInput {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitInput, errOut)
	}
	if !strings.Contains(errOut, "broken.html") {
		t.Errorf("stderr does not name the broken link:\n%s", errOut)
	}
	if os.Getuid() != 0 && !strings.Contains(errOut, "locked.html") {
		t.Errorf("stderr does not name the unreadable file:\n%s", errOut)
	}
	if !strings.Contains(out, "amount-not-integer") {
		t.Errorf("good.html was not linted:\n%s", out)
	}
}

func TestFileOverMaxSizeIsSkippedWithAnInfo(t *testing.T) {
	p := writeFile(t, t.TempDir(), "big.html", strings.Repeat("<p>x</p>", 200))
	out, _, code := runCLI(t, "", "check", "--max-file-size", "1000", "--format", "json", p)
	if code != ExitOK || !strings.Contains(out, `"file-too-large"`) || !strings.Contains(out, `"info"`) {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}
