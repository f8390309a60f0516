package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const fixablePage = "<!doctype html>\r\n<html><head><script>\r\n" +
	"oaiq(\"init\", { pixel_id: \"px_123\", user: { country: \"us\" } });\r\n" +
	"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"usd\" });\r\n" +
	"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"&#117;sd\" });\r\n" +
	"</script></head><body></body></html>\r\n"

func TestFixWritesSafeFixesKeepingLineEndings(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "thanks.html", fixablePage)
	out, errOut, code := runCLI(t, "", "check", "--fix", "--format", "json", p)
	got, _ := os.ReadFile(p)
	text := string(got)
	for _, want := range []string{`pixelId: "px_123"`, `country: "US"`, `currency: "USD"`} {
		if !strings.Contains(text, want) {
			t.Errorf("fixed file lacks %s:\n%s", want, text)
		}
	}
	// Inside a <script> an entity is not decoded, so "&#117;sd" is no
	// code at all; either way it is never rewritten as if it were "usd".
	if !strings.Contains(text, "&#117;sd") {
		t.Errorf("text read through a transform was rewritten:\n%s", text)
	}
	if strings.Count(text, "\r\n") != strings.Count(fixablePage, "\r\n") || strings.Count(text, "\n") != strings.Count(fixablePage, "\n") {
		t.Errorf("line endings changed:\n%q", text)
	}
	if !strings.Contains(errOut, "fixed 3 in 1 file") {
		t.Errorf("stderr = %q", errOut)
	}
	var doc struct {
		Findings []struct {
			Rule string
			Fix  *struct{} `json:"fix"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, f := range doc.Findings {
		if f.Fix != nil {
			t.Errorf("%s still offers a fix after --fix", f.Rule)
		}
	}
	_ = code
}

func TestDiffWritesNothingAndNeverTouchesStdin(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "thanks.html", fixablePage)
	out, _, code := runCLI(t, "", "check", "--diff", p)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d when there is a diff", code, ExitFindings)
	}
	if !strings.Contains(out, "-oaiq(\"init\", { pixel_id") || !strings.Contains(out, "+oaiq(\"init\", { pixelId") {
		t.Errorf("diff:\n%s", out)
	}
	if got, _ := os.ReadFile(p); string(got) != fixablePage {
		t.Error("--diff wrote the file")
	}
	// The temporary folder is absolute: labelled as git diff --no-index does.
	if label := strings.TrimLeft(filepath.ToSlash(p), "/"); !strings.HasPrefix(out, "--- a/"+label+"\n+++ b/"+label+"\n") {
		t.Errorf("diff header for %s:\n%s", p, out)
	}
	out, errOut, _ := runCLI(t, fixablePage, "check", "--fix", "-")
	if !strings.Contains(errOut, "- is not a file") || !strings.Contains(out, "[*]") {
		t.Errorf("stdin: stdout %q stderr %q", out, errOut)
	}
}

// Standard input cannot be written, but a diff writes nothing: --diff
// prints standard input's fixes (as ruff's --diff does for "-"), labelled
// with the name its findings carry, from what was piped in, never from the
// file --stdin-filename names; --fix says so and points at --diff.
func TestDiffPrintsStandardInputsFixes(t *testing.T) {
	out, errOut, code := runCLI(t, fixablePage, "check", "--diff", "-")
	if code != ExitFindings {
		t.Errorf("exit %d, want %d when there is a diff", code, ExitFindings)
	}
	if !strings.HasPrefix(out, "--- a/<stdin>\n+++ b/<stdin>\n") || !strings.Contains(out, "+oaiq(\"init\", { pixelId") || strings.Contains(errOut, "not a file") {
		t.Errorf("stdin diff:\n%s\nstderr %s", out, errOut)
	}
	dir := t.TempDir()
	saved := `<script>oaiq("measure", "order_created", { type: "contents", amount: 100, currency: "eur" });</script>`
	p := writeFile(t, dir, "thanks.html", saved)
	out, _, _ = runCLI(t, fixablePage, "check", "--diff", "--stdin-filename", p, "-")
	if label := strings.TrimLeft(filepath.ToSlash(p), "/"); !strings.HasPrefix(out, "--- a/"+label+"\n") || !strings.Contains(out, "+oaiq(\"init\", { pixelId") || strings.Contains(out, `"EUR"`) {
		t.Errorf("stdin diff under --stdin-filename:\n%s", out)
	}
	if got, _ := os.ReadFile(p); string(got) != saved {
		t.Error("--diff wrote the file --stdin-filename names")
	}
	_, errOut, _ = runCLI(t, fixablePage, "check", "--fix", "-")
	if !strings.Contains(errOut, "--diff prints its fixes") {
		t.Errorf("--fix on standard input: stderr %q", errOut)
	}
}

func TestTextMarksFixableFindingsAndCountsThem(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "thanks.html", fixablePage)
	out, _, _ := runCLI(t, "", "check", p)
	if !strings.Contains(out, "[currency-code] [*]") || !strings.Contains(out, "= fix: write the currency as \"USD\"") {
		t.Errorf("fixable finding not marked:\n%s", out)
	}
	if !strings.Contains(out, "3 findings fixable with --fix") {
		t.Errorf("summary lacks the fixable count:\n%s", out)
	}
}

func TestFixKeepsALegacyEncoding(t *testing.T) {
	dir := t.TempDir()
	// windows-1252: "é" is the single byte 0xE9, before the value on its line.
	page := "<html><head><meta charset=\"windows-1252\"><script>\n" +
		"oaiq(\"init\", { pixelId: \"px_123\" }); // caf\xe9\n" +
		"/* \xe9\xe9 */ oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"eur\" });\n" +
		"</script></head><body></body></html>\n"
	p := writeFile(t, dir, "legacy.html", page)
	runCLI(t, "", "check", "--fix", p)
	got, _ := os.ReadFile(p)
	want := strings.Replace(page, `"eur"`, `"EUR"`, 1)
	if string(got) != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Overlapping fixes (a translated call and a code inside it) resolve the
// same way every run, and after --fix nothing is left to fix.
func TestUnsafeFixesReachAFixedPoint(t *testing.T) {
	dir := t.TempDir()
	src := "oaiq(\"init\", { pixel_id: \"px_123\", debug: true });\n" +
		"oaiq(\"track\", \"Purchase\", { value: 25.99, currency: \"usd\", content_ids: [\"sku-1\"] });\n" +
		"oaiq(\"measure\", \"order_created\", { amount: total * 100, currency: \"usd\", event_id: \"e-1\" });\n"
	p := writeFile(t, dir, "app.js", src)
	q := writeFile(t, t.TempDir(), "app.js", src)
	runCLI(t, "", "check", "--fix", "--unsafe-fixes", p)
	runCLI(t, "", "check", "--fix", "--unsafe-fixes", q)
	a, _ := os.ReadFile(p)
	b, _ := os.ReadFile(q)
	if string(a) != string(b) {
		t.Fatalf("two runs disagree:\n%s\n%s", a, b)
	}
	want := "oaiq(\"init\", { pixelId: \"px_123\" });\n" +
		"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"USD\", contents: [{ id: \"sku-1\", quantity: 1 }] });\n" +
		"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: Math.round(total * 100), currency: \"USD\" }, { event_id: \"e-1\" });\n"
	if string(a) != want {
		t.Errorf("got\n%s\nwant\n%s", a, want)
	}
	if out, _, code := runCLI(t, "", "check", "--diff", "--unsafe-fixes", p); code != 0 || out != "" {
		t.Errorf("not a fixed point (exit %d):\n%s", code, out)
	}
}

// applyDiff applies a diff to a copy of the file before with patch(1), as
// a user would, and returns the result.
func applyDiff(t *testing.T, before []byte, diff string) []byte {
	t.Helper()
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch(1) not installed")
	}
	p := filepath.Join(t.TempDir(), "copy")
	os.WriteFile(p, before, 0o644)
	cmd := exec.Command(patch, "-s", "-F0", p) // the file named: the diff's labels are the original's
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v %s\n%s", err, out, diff)
	}
	got, _ := os.ReadFile(p)
	return got
}

// A diff quotes the file: a hunk whose lines (context or changed) hold a
// Conversions API key or personal data is left out, never printed, and
// stderr says how many of which file; the rest still applies. From a file
// and from standard input.
func TestDiffWithholdsHunksQuotingAKeyOrPersonalData(t *testing.T) {
	const key = "oaiq_live_9fK2mQ7xLp4RtZ8vW3nB6cYd"
	filler := strings.Repeat("// -\n", 8)
	src := `oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });` + "\n" + filler +
		// the key on a context line
		`const body = { events: [{ id: "o1", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks", data: { type: "contents", amount: 2599, currency: "usd" } }] };` + "\n" +
		"fetch(`https://bzr.openai.com/v1/events?pid=px_abc123`, { method: \"POST\", headers: { Authorization: \"Bearer \" + \"" + key + "\" }, body: JSON.stringify(body) });\n" + filler +
		// the key on the fixed line
		`fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer ` + key + `" }, body: JSON.stringify({ events: [{ id: "o2", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "contents", amount: 1999, currency: "usd" } }] }) });` + "\n" + filler +
		// an e-mail address beside a fixed call
		"// support: jane.doe@example.com\n" +
		`oaiq("measure", "order_created", { type: "contents", amount: 100, currency: "eur" });` + "\n"
	dir := t.TempDir()
	p := writeFile(t, dir, "server.js", src)
	for _, stdin := range []bool{false, true} {
		var out, errOut string
		if stdin {
			out, errOut, _ = runCLI(t, src, "check", "--diff", "-")
		} else {
			out, errOut, _ = runCLI(t, "", "check", "--diff", p)
		}
		for _, leak := range []string{key, "9fK2mQ7x", "jane.doe"} {
			if strings.Contains(out+errOut, leak) {
				t.Errorf("stdin %v: %s printed:\n%s\n%s", stdin, leak, out, errOut)
			}
		}
		if !strings.Contains(out, `+oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });`) || strings.Count(out, "@@ ") != 1 {
			t.Errorf("stdin %v: the hunk with nothing to hide must be printed, alone:\n%s", stdin, out)
		}
		if !strings.Contains(errOut, "3 hunks of the diff withheld") || !strings.Contains(errOut, "secret or personal data") {
			t.Errorf("stdin %v: stderr does not say what was withheld: %q", stdin, errOut)
		}
		got := applyDiff(t, []byte(src), out)
		if want := strings.Replace(src, `currency: "usd" });`+"\n"+filler, `currency: "USD" });`+"\n"+filler, 1); string(got) != want {
			t.Errorf("stdin %v: the printed diff applied gives\n%s", stdin, got)
		}
	}
}

// The - and context lines are the file's bytes, byte-order mark included,
// so the diff applies and gives what --fix writes; standard input too.
func TestDiffKeepsTheByteOrderMark(t *testing.T) {
	const src = "\xEF\xBB\xBFoaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 1999, currency: \"usd\" });\r\nconsole.log(1);\r\n"
	p := writeFile(t, t.TempDir(), "bom.js", src)
	out, _, _ := runCLI(t, "", "check", "--diff", p)
	if !strings.Contains(out, "\n-\xEF\xBB\xBFoaiq(") || !strings.Contains(out, "\n+\xEF\xBB\xBFoaiq(") {
		t.Fatalf("diff without the byte-order mark:\n%q", out)
	}
	patched := applyDiff(t, []byte(src), out)
	if _, _, code := runCLI(t, "", "check", "--fix", p); code == ExitUsage {
		t.Fatal("--fix failed")
	}
	if fixed, _ := os.ReadFile(p); string(patched) != string(fixed) || !strings.Contains(string(fixed), `"USD"`) {
		t.Errorf("the diff gives %q, --fix writes %q", patched, fixed)
	}
	if git, err := exec.LookPath("git"); err == nil {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "bom.js"), []byte(src), 0o644)
		d, _, _ := runCLI(t, src, "check", "--diff", "--stdin-filename", "bom.js", "-")
		cmd := exec.Command(git, "apply", "--check", "-")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(d)
		if o, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("git apply --check on standard input's diff: %v %s\n%q", err, o, d)
		}
	}
}
