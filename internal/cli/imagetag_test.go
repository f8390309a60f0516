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
