package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/render"
)

// needChromium skips without a browser, except in CI where one must be.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := render.FindBrowser(""); err != nil {
		if os.Getenv("CI") == "true" || !errors.Is(err, render.ErrNoBrowser) {
			t.Fatalf("--render tests need a browser: %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
}

// check --render records what the page computes at run time, reports it,
// and --record writes calls that 'log' reports the same way.
func TestCheckRenderAndRecord(t *testing.T) {
	needChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><script>
(function (w, d, s, u) { if (w.oaiq) return; var q = function () { q.q.push(arguments); }; q.q = []; w.oaiq = q;
  var js = d.createElement(s); js.async = true; js.src = u; var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f);
})(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
oaiq("init", { pixelId: "px_123" });
</script></head><body><p id="t" data-v="19.99"></p><script>
oaiq("measure", "order_created", { type: "contents", amount: parseFloat(document.getElementById("t").dataset.v) * 100, currency: "USD" });
</script></body></html>`)
	}))
	defer srv.Close()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")

	out, errOut, code := runCLI(t, "", "check", "--render", "--wait", "50ms", "--record", logPath, "--format", "json", srv.URL+"/")
	if code != ExitFindings || !strings.Contains(out, `"amount-not-integer"`) || !strings.Contains(out, `"line":7,"column":62`) {
		t.Fatalf("check --render: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 2 || !strings.Contains(string(data), "1998.9999999999998") {
		t.Fatalf("recorded log has %d records, want init and measure with the computed amount:\n%s", n, data)
	}
	out, errOut, code = runCLI(t, "", "log", logPath, "--format", "json")
	if code != ExitFindings || !strings.Contains(out, `"amount-not-integer"`) {
		t.Errorf("log of the recording: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestCheckRenderBadBrowser(t *testing.T) {
	_, errOut, code := runCLI(t, "", "check", "--render", "--browser", "/nonexistent/chromium", "https://shop.example.com/")
	if code != ExitInput || !strings.Contains(errOut, "--browser") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// pixelHead opens a page whose <head> loads the pixel and initialises it.
const pixelHead = `<!doctype html><html><head><script>
(function (w, d, s, u) { if (w.oaiq) return; var q = function () { q.q.push(arguments); }; q.q = []; w.oaiq = q;
  var js = d.createElement(s); js.async = true; js.src = u; var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f);
})(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
oaiq("init", { pixelId: "px_123" });
</script></head><body>`

// crawl --render checks each crawled page as the browser runs it.
func TestCrawlRender(t *testing.T) {
	needChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, pixelHead+`<a href="/thanks">thanks</a></body></html>`)
		case "/thanks":
			fmt.Fprint(w, pixelHead+`<p id="t" data-v="19.99"></p><script>
oaiq("measure", "order_created", { type: "contents", amount: parseFloat(document.getElementById("t").dataset.v) * 100, currency: "USD" });
</script></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	out, errOut, code := runCLI(t, "", "crawl", srv.URL+"/", "--render", "--wait", "50ms", "--rate", "0", "--format", "json", "-q")
	if code != ExitFindings || strings.Count(out, `"amount-not-integer"`) != 1 || !strings.Contains(out, srv.URL+`/thanks","line":7`) {
		t.Fatalf("crawl --render: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if _, _, code := runCLI(t, "", "crawl", srv.URL+"/", "--rate", "0", "-q"); code != ExitOK {
		t.Errorf("without --render the computed amount is not visible, want exit 0, got %d", code)
	}
}

// A page calling oaiq with no loader fails with --render as it does
// without, and --record holds only the calls the page really made.
func TestCheckRenderCallWithoutLoader(t *testing.T) {
	needChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><title>x</title></head><body><script>oaiq("measure","lead_created",{type:"customer_action"});</script></body></html>`)
	}))
	defer srv.Close()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	out, errOut, code := runCLI(t, "", "check", "--render", "--wait", "50ms", "--record", logPath, "--format", "json", srv.URL+"/")
	if code != ExitFindings {
		t.Fatalf("exit %d, want findings\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	for _, rule := range []string{`"call-before-loader"`, `"snippet-missing"`, `"init-missing"`, "ReferenceError: oaiq is not defined"} {
		if !strings.Contains(out, rule) {
			t.Errorf("output lacks %s:\n%s", rule, out)
		}
	}
	if data, err := os.ReadFile(logPath); err != nil || len(data) != 0 {
		t.Errorf("the recording holds calls the page never made (%v):\n%s", err, data)
	}
}

// A rendered page that navigates within the crawl's scope (a script
// sending the visitor on) has its calls' findings reported under the URL
// of the page that made them, not the one the crawl started the tab at.
func TestCrawlRenderNavigationReportsWhereTheCallsWereMade(t *testing.T) {
	needChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, pixelHead+`<script>location.replace("/landed");</script></body></html>`)
		case "/landed":
			fmt.Fprint(w, pixelHead+`<p id="t" data-v="19.99"></p><script>
oaiq("measure", "order_created", { type: "contents", amount: parseFloat(document.getElementById("t").dataset.v) * 100, currency: "USD" });
</script></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	out, errOut, _ := runCLI(t, "", "crawl", srv.URL+"/", "--render", "--wait", "2s", "--rate", "0", "--format", "json", "-q")
	var doc struct {
		Findings []struct{ Rule, File string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\nstdout: %s\nstderr: %s", err, out, errOut)
	}
	seen := false
	for _, f := range doc.Findings {
		if f.Rule == "amount-not-integer" {
			seen = true
			if f.File != srv.URL+"/landed" {
				t.Errorf("amount-not-integer reported under %s, want %s/landed", f.File, srv.URL)
			}
		}
	}
	if !seen {
		t.Errorf("the landed page's call was not reported\nstdout: %s\nstderr: %s", out, errOut)
	}
}
