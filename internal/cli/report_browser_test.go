package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/oaiq-lint/oaiq-lint/internal/report/browsertest"
)

// TestHTMLReportOfTheExampleInBrowser opens the report of the bundled
// example in headless Chromium. With OAIQ_REPORT_SCREENSHOT=docs/report.png
// it also refreshes the README's screenshot (the path is taken from the
// repository root):
//
//	OAIQ_REPORT_SCREENSHOT=docs/report.png go test ./internal/cli -run InBrowser
func TestHTMLReportOfTheExampleInBrowser(t *testing.T) {
	browsertest.Require(t)
	t.Chdir(filepath.Join("..", ".."))
	out := filepath.Join(t.TempDir(), "report.html")
	if _, errOut, code := runCLI(t, "", "check", "examples/site", "--format", "html="+out); code != ExitFindings {
		t.Fatalf("code %d, want 1: %s", code, errOut)
	}
	p := browsertest.Open(t, out, 1200, 900)
	if problems := p.Problems(t); len(problems) > 0 {
		t.Fatalf("the browser complained:\n%s", strings.Join(problems, "\n"))
	}
	text, err := chromedp.Run(p.Ctx, chromedp.Text("main"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`custom_event_name "Quote Requested!" contains a space`,
		"Event funnel",
		"Pages with the pixel",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not show %q", want)
		}
	}
	if path := os.Getenv("OAIQ_REPORT_SCREENSHOT"); path != "" {
		png, err := chromedp.Run(p.Ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
