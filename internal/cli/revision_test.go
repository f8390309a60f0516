package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// The tool states the documentation revision its rules follow wherever a
// user reads its verdicts: the version, the rules reference, the HTML
// report.
func TestRevisionIsStated(t *testing.T) {
	if !strings.HasPrefix(pixel.Revision, "P6") {
		t.Errorf("pixel.Revision = %q, want the newest official revision read (P6)", pixel.Revision)
	}
	out, _, code := runCLI(t, "", "version")
	if code != ExitOK || !strings.Contains(out, "revision "+pixel.Revision) {
		t.Errorf("version: code %d, %q lacks the revision", code, out)
	}
	md, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil || !strings.Contains(string(md), "revision "+pixel.Revision) {
		t.Errorf("docs/rules.md does not state revision %s (%v)", pixel.Revision, err)
	}
	dir := t.TempDir()
	page := writeFile(t, dir, "p.html", `<script>oaiq("init", { pixelId: "px_1" });</script>`)
	empty := writeFile(t, dir, "empty.yaml", "")
	html, _, _ := runCLI(t, "", "check", "--config", empty, "--format", "html", page)
	if !strings.Contains(html, "<footer>") || !strings.Contains(html, "revision "+pixel.Revision) {
		t.Errorf("the HTML report's footer does not state revision %s", pixel.Revision)
	}
}
