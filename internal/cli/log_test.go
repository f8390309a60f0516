package cli

import (
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
