package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// An image tag's request survives `extract | log -`: the record says it
// came from an image tag, so the log neither asks it for an init nor loses
// it from deduplication.
func TestExtractedImageTagsRoundTrip(t *testing.T) {
	page := filepath.Join("..", "..", "testdata", "check", "e2e", "image-tag-standalone.html")
	out, stderr, code := runCLI(t, "", "extract", page)
	if code != ExitOK {
		t.Fatalf("extract: code %d: %s", code, stderr)
	}
	if n := strings.Count(out, `"via":"image-tag"`); n != 3 {
		t.Fatalf("want 3 image-tag records, got %d:\n%s", n, out)
	}
	empty := writeFile(t, t.TempDir(), "empty.yaml", "")
	logOut, _, code := runCLI(t, out, "log", "--config", empty, "--format", "json", "-")
	if code != ExitOK || !strings.Contains(logOut, `"findings": []`) {
		t.Errorf("log of the extracted image tags: code %d\n%s", code, logOut)
	}
}

// A query value a template prints survives `extract | log -` as what it
// is: present and dynamic (dynamic-value, at the original file), never an
// absent pid; an absent pid stays absent (review A7).
func TestExtractedTemplatedImageTagRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "thanks.liquid", `<img src="https://bzr.openai.com/v1/sdk/events?pid={{ settings.pid }}&event=lead_created&data[type]=customer_action" width="1" height="1" alt="">
<img src="https://bzr.openai.com/v1/sdk/events?event=lead_created&data[type]=customer_action" width="1" height="1" alt="">
`)
	out, stderr, code := runCLI(t, "", "extract", p)
	if code != ExitOK {
		t.Fatalf("extract: code %d: %s", code, stderr)
	}
	empty := writeFile(t, dir, "empty.yaml", "")
	logOut, _, _ := runCLI(t, out, "log", "--config", empty, "-")
	for _, want := range []string{
		p + ":1:1: info: the pixel id is computed ({{ settings.pid }}): not checked: that it is a real Pixel ID [dynamic-value]",
		p + ":2:1: error: the image tag has no pid parameter",
	} {
		if !strings.Contains(logOut, want) {
			t.Errorf("log lacks %q:\n%s", want, logOut)
		}
	}
	if strings.Count(logOut, "image-tag-param-missing") != 1 {
		t.Errorf("a templated pid read as absent:\n%s", logOut)
	}
}
