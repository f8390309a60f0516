package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

// crawlSnippet is the documented installation snippet, as internal/snippet writes it.
var crawlSnippet = snippet.MustGenerate(snippet.Options{PixelID: "px_test_1"})

// crawlSite: a home page and a product page with the pixel, a page
// without it, a 500, and robots.txt hiding /members from OAI-AdsBot.
func crawlSite(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/": `<a href="/products/a">a</a> <a href="/plain">plain</a> <a href="/error">e</a> <a href="/members">m</a>
			<script>oaiq("measure", "page_viewed", { type: "contents", contents: [{ id: "home", name: "Home", content_type: "page" }] });</script>`,
		"/products/a": `<script>oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });</script>`,
		"/members":    ``,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: OAI-AdsBot\nDisallow: /members\n")
		case "/error":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/plain":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<!doctype html><html><head><title>p</title></head><body>plain</body></html>")
		default:
			body, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<!doctype html><html><head>"+crawlSnippet+"<title>t</title></head><body>"+body+"</body></html>")
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCrawlJSONIsPureAndSummaryGoesToStderr(t *testing.T) {
	srv := crawlSite(t)
	record := filepath.Join(t.TempDir(), "calls.jsonl")
	out, errOut, code := runCLI(t, "", "crawl", srv.URL+"/", "--format", "json", "--rate", "0", "--retries", "0", "--record", record)
	if code != ExitFindings {
		t.Fatalf("code %d, want 1\n%s\n%s", code, out, errOut)
	}
	var doc struct {
		Findings []struct{ Rule, File string } `json:"findings"`
		Summary  map[string]int                `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not pure JSON: %v\n%s", err, out)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, strings.TrimPrefix(f.File, srv.URL)+" "+f.Rule)
	}
	want := []string{"/error fetch-failed", "/members robots-blocks-adsbot", "/plain snippet-coverage"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings in URL order\n got %v\nwant %v", got, want)
	}
	if doc.Summary["files"] != 5 {
		t.Errorf("summary %v", doc.Summary)
	}
	for _, s := range []string{"Crawled 4 HTML pages", "1 failed", "3 of 4 pages load the pixel", "/products/", "order_created ×1",
		"page_viewed ×1", "Findings by rule", "fetch-failed"} {
		if !strings.Contains(errOut, s) {
			t.Errorf("summary lacks %q:\n%s", s, errOut)
		}
	}
	if strings.Contains(errOut, "\x1b[") || strings.Contains(errOut, "\r") {
		t.Errorf("escape codes or a progress bar on a pipe:\n%q", errOut)
	}
	data, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 5 || !strings.Contains(string(data), `"url":"`+srv.URL+`/products/a"`) {
		t.Errorf("record has %d lines (want 5: 3 init, 2 measure):\n%s", n, data)
	}
}

func TestCrawlExitCodes(t *testing.T) {
	srv := crawlSite(t)
	if _, errOut, code := runCLI(t, "", "crawl", srv.URL+"/error", "--rate", "0", "--retries", "0", "-q"); code != ExitInput || errOut != "" {
		t.Errorf("failing start URL: code %d, stderr %q", code, errOut)
	}
	if _, _, code := runCLI(t, "", "crawl", srv.URL+"/products/a", "--depth", "0", "--rate", "0"); code != ExitOK {
		t.Errorf("clean page: code %d", code)
	}
	for _, args := range [][]string{{"crawl"}, {"crawl", "ftp://x.example/"}, {"crawl", srv.URL, "--include", "("}, {"crawl", srv.URL, "--oppref-sample", "101"}} {
		if _, _, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: code %d, want 2", args, code)
		}
	}
}

// TestCrawlStartDisallowedByRobotsDoesNotPass: when robots.txt keeps our
// crawler from the start page, nothing was checked: say so and exit 3.
func TestCrawlStartDisallowedByRobotsDoesNotPass(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: OAI-AdsBot\nAllow: /\n")
			return
		}
		fmt.Fprint(w, "<!doctype html><html><head></head><body>hi</body></html>")
	}))
	t.Cleanup(srv.Close)
	_, errOut, code := runCLI(t, "", "crawl", srv.URL+"/", "--rate", "0", "--retries", "0")
	if code != ExitInput || !strings.Contains(errOut, "robots.txt disallows our user agent") || !strings.Contains(errOut, "--ignore-robots") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// A crawl stopped by --depth says what it left, in every output.
func TestCrawlSaysWhatItsBoundsLeft(t *testing.T) {
	srv := crawlSite(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	out, errOut, code := runCLI(t, "", "crawl", srv.URL+"/", "--depth", "0", "--rate", "0", "--retries", "0",
		"--format", "json", "--format", "html="+html, "--format", "text="+filepath.Join(dir, "r.txt"))
	if code == ExitUsage {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Crawl *struct {
			Partial          bool `json:"partial"`
			UnvisitedByDepth int  `json:"unvisited_by_depth"`
		} `json:"crawl"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if c := doc.Crawl; c == nil || !c.Partial || c.UnvisitedByDepth != 4 {
		t.Errorf("json summary.crawl = %+v, want partial with 4 unvisited by depth\n%s", c, out)
	}
	want := "partial crawl: 4 linked URLs not visited (4 beyond --depth 0)"
	for name, text := range map[string]string{"stderr": errOut, "text": readFile(t, filepath.Join(dir, "r.txt")), "html": readFile(t, html)} {
		if !strings.Contains(text, want) {
			t.Errorf("%s lacks %q:\n%s", name, want, text)
		}
	}
	if !strings.Contains(errOut, "(partial: of the pages visited)") {
		t.Errorf("the coverage line is not marked partial:\n%s", errOut)
	}
	out, errOut, _ = runCLI(t, "", "crawl", srv.URL+"/", "--rate", "0", "--retries", "0", "--format", "json")
	if strings.Contains(out, `"partial": true`) || strings.Contains(out, `"partial":true`) || strings.Contains(errOut, "partial") {
		t.Errorf("a whole crawl is called partial:\n%s\n%s", out, errOut)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
