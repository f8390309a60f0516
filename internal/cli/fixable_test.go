package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A finding is marked fixable only where the command run can apply its
// fix: check on files. A log, a crawled page and a fetched URL show what
// the fix would do as a hint, and the summary counts nothing as fixable
// (review A23); the JSON report still carries the fixes and their counts.
const fixableLog = `["init", {"pixelId": "px_1"}]
["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "usd"}]
`

const fixableHTML = `<!doctype html><html><head><script>oaiq("init", { pixelId: "px_1" }); oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });</script></head><body></body></html>`

func assertNotAdvertised(t *testing.T, what, out string) {
	t.Helper()
	if !strings.Contains(out, "[currency-code]") {
		t.Fatalf("%s: no currency-code finding, the case proves nothing:\n%s", what, out)
	}
	for _, bad := range []string{"[*]", "[*unsafe]", "fixable with --fix", "= fix:"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s advertises a fix it cannot apply (%q):\n%s", what, bad, out)
		}
	}
	if !strings.Contains(out, `= hint: write the currency as "USD"`) {
		t.Errorf("%s: what the fix would do is not given as advice:\n%s", what, out)
	}
}

func fixableSite(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, fixableHTML)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLogDoesNotAdvertiseFixes(t *testing.T) {
	p := writeFile(t, t.TempDir(), "events.jsonl", fixableLog)
	out, _, _ := runCLI(t, "", "log", p)
	assertNotAdvertised(t, "log", out)
	out, _, _ = runCLI(t, "", "log", "--format", "json", p)
	var doc struct {
		Findings []struct {
			Rule string
			Fix  *struct{ Applicability string } `json:"fix"`
		}
		Summary struct{ Fixable int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Fix == nil || doc.Summary.Fixable != 1 {
		t.Errorf("the JSON report keeps the fix and its count: %s", out)
	}
}

func TestURLsAndCrawlsDoNotAdvertiseFixes(t *testing.T) {
	srv := fixableSite(t)
	out, _, _ := runCLI(t, "", "check", srv.URL+"/thanks")
	assertNotAdvertised(t, "check URL", out)
	out, _, _ = runCLI(t, "", "crawl", srv.URL+"/")
	assertNotAdvertised(t, "crawl", out)
}

// A file and a URL in one check: the file's finding is fixable, the URL's
// is not, and the summary counts the file's only.
func TestCheckMarksOnlyFilesFixable(t *testing.T) {
	srv := fixableSite(t)
	p := writeFile(t, t.TempDir(), "thanks.html", fixableHTML)
	out, _, _ := runCLI(t, "", "check", p, srv.URL+"/thanks")
	if strings.Count(out, "[currency-code] [*]") != 1 || strings.Count(out, "[currency-code]") != 2 {
		t.Errorf("want the file's finding marked and the URL's not:\n%s", out)
	}
	if !strings.Contains(out, "1 finding fixable with --fix") {
		t.Errorf("the summary counts the file's fix only:\n%s", out)
	}
}
