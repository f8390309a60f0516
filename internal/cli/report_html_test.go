package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLReportOfTheExample runs check on the bundled example site into an
// HTML report and finds its funnel and a known finding there.
func TestHTMLReportOfTheExample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.html")
	if _, errOut, code := runCLI(t, "", "check", "../../examples/site", "--format", "html="+out); code != ExitFindings {
		t.Fatalf("code %d, want 1: %s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`data-rule="custom-name-format"`,
		`<tr class="seen"><th scope="row"><code>order_created</code></th><td class="num">1</td>`,
		`<span class="card-value">4</span><span class="card-label">Pages with the pixel</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(page, "<time") {
		t.Error("report is stamped without --report-time")
	}
}
