package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extract | log - checks each file as check did: a component's lone
// measure call is not init-missing, calls of one file are not ordered
// against another file's init, and a page's call in a script it loads
// stays with that page.
func TestExtractedLogIsCheckedPerFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "comp.js", `export function f() { oaiq("measure", "lead_created", { type: "customer_action" }); }`+"\n")
	writeFile(t, dir, "frag.html", `<div><script>oaiq("measure", "page_viewed", { type: "contents" })</script></div>`)
	writeFile(t, dir, "js/p.js", `oaiq("init", { pixelId: "px_1" });`+"\n")
	writeFile(t, dir, "a.html", `<html><head><script src="js/p.js"></script></head><body><script>oaiq("measure", "page_viewed", { type: "contents" })</script></body></html>`)
	writeFile(t, dir, "b.html", `<html><head></head><body><script>oaiq("measure", "page_viewed", { type: "contents" })</script></body></html>`)
	log, stderr, code := runCLI(t, "", "extract", dir+"/comp.js", dir+"/frag.html", dir+"/a.html", dir+"/b.html")
	if code != 0 || stderr != "" {
		t.Fatalf("extract: code %d, stderr %s", code, stderr)
	}
	if !strings.Contains(log, `"kind":"script"`) || !strings.Contains(log, `"document":"`+dir+`/a.html"`) {
		t.Errorf("extract wrote no kind or document:\n%s", log)
	}
	out, _, _ := runCLI(t, log, "log", "--format", "json", "-")
	if strings.Contains(out, "measure-before-init") || strings.Count(out, `"rule":"init-missing"`) != 1 {
		t.Errorf("want init-missing for b.html only:\n%s", out)
	}
	if !strings.Contains(out, `"files":4,"calls":5`) {
		t.Errorf("want one result per file:\n%s", out)
	}
}

// A log without file keys is one document, as before.
func TestPlainLogIsOneDocument(t *testing.T) {
	log := `["measure", "page_viewed", {"type": "contents"}]` + "\n" + `["init", {"pixelId": "px_1"}]` + "\n"
	out, _, _ := runCLI(t, log, "log", "--format", "json", "-")
	if !strings.Contains(out, "measure-before-init") || !strings.Contains(out, `"files":1,"calls":2`) {
		t.Errorf("log:\n%s", out)
	}
}

func TestUnreadableLog(t *testing.T) {
	_, stderr, code := runCLI(t, "", "log", t.TempDir()+"/missing.jsonl")
	if code != ExitInput || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("code %d, stderr %s", code, stderr)
	}
}

// TestRecordedPageWithoutInitIsNotCertain: a page rebuilt from records holds
// only its calls; whatever else it loads (a tag manager) may call init, so
// a missing init is info there, as check says of a page with a tag manager.
func TestRecordedPageWithoutInitIsNotCertain(t *testing.T) {
	log := `{"args":["measure","lead_created",{"type":"customer_action"}],"source":"browser","file":"https://a.example/quote","kind":"page","line":13,"column":7}` + "\n"
	out, _, code := runCLI(t, log, "log", "-", "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"rule":"init-missing","severity":"info"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// check --record writes the same bytes on every run: the records are
// written by the one consumer of the ordered stream, not by the workers.
func TestCheckRecordIsTheSameOnEveryRun(t *testing.T) {
	dir := t.TempDir()
	for i := range 24 {
		writeFile(t, dir, fmt.Sprintf("p%02d.html", i), fmt.Sprintf(
			`<script>oaiq("init", {pixelId: "px_%d"}); oaiq("measure", "order_created", {type: "contents", amount: %d, currency: "USD"});</script>`, i, 100+i))
	}
	var first []byte
	for run := range 5 {
		rec := filepath.Join(t.TempDir(), "calls.jsonl")
		if _, errOut, code := runCLI(t, "", "check", "--record", rec, "--format", "json", dir); code != ExitFindings && code != ExitOK {
			t.Fatalf("run %d: exit %d: %s", run, code, errOut)
		}
		data, err := os.ReadFile(rec)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte("\n")); n != 48 {
			t.Fatalf("run %d: %d records, want 48:\n%s", run, n, data)
		}
		if first == nil {
			first = data
		} else if !bytes.Equal(first, data) {
			t.Fatalf("run %d wrote other bytes than run 0:\n%s\nvs\n%s", run, data, first)
		}
	}
}

// extract | log - reports findings where the calls were written: the file,
// line and column the records carry, with the JSON Pointer to the value.
func TestExtractedLogReportsTheOriginalPositions(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "p.html", "<html><head></head><body>\n<script>\n  oaiq(\"init\", { pixelId: \"px_1\" });\n  oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 25.99, currency: \"USD\" });\n</script></body></html>\n")
	log, _, _ := runCLI(t, "", "extract", page)
	out, _, _ := runCLI(t, log, "log", "-")
	want := filepath.ToSlash(page) + ":4:3: error: amount must be an integer in the currency's minor unit, got 25.99 [amount-not-integer]"
	if !strings.Contains(out, want) || strings.Contains(out, "<stdin>") {
		t.Errorf("want a finding at the call in %s:\n%s", page, out)
	}
	if !strings.Contains(out, "(/args/2/amount)") {
		t.Errorf("the pointer into the record is gone:\n%s", out)
	}
}
