package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// measureSingle recorded in a browser is checked like measure, at its own
// positions, and its pixel must be one the page initialised.
func TestCheckRenderMeasureSingle(t *testing.T) {
	needChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><script>
(function (w, d, s, u) { if (w.oaiq) return; var q = function () { q.q.push(arguments); }; q.q = []; w.oaiq = q;
  var js = d.createElement(s); js.async = true; js.src = u; var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f);
})(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
oaiq("init", { pixelId: "px_a" });
oaiq("init", { pixelId: "px_b" });
</script></head><body><script>
oaiq("measureSingle", "px_b", "order_created", { type: "contents", amount: 2599 / 100, currency: "USD" });
oaiq("measureSingle", "px_c", "lead_created", { type: "customer_action" });
</script></body></html>`)
	}))
	defer srv.Close()
	logPath := filepath.Join(t.TempDir(), "calls.jsonl")
	out, errOut, code := runCLI(t, "", "check", "--render", "--wait", "50ms", "--record", logPath, "--format", "json", srv.URL+"/")
	if code != ExitFindings || !strings.Contains(out, `"amount-not-integer"`) || !strings.Contains(out, `"measure-single-pixel-unknown"`) {
		t.Fatalf("check --render: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `["measureSingle",`); n != 2 {
		t.Fatalf("recorded log has %d measureSingle records, want 2:\n%s", n, data)
	}
	out, errOut, code = runCLI(t, "", "log", logPath, "--format", "json")
	if code != ExitFindings || !strings.Contains(out, `"measure-single-pixel-unknown"`) || strings.Contains(out, `"command-unknown"`) {
		t.Errorf("log of the recording: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// Under --render an image tag is still read as the event it sends, and
// the browser's blocked request to the image endpoint is not "page code
// calling the server".
func TestCheckRenderImageTag(t *testing.T) {
	needChromium(t)
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", "e2e", "image-tag-standalone.html"))
	if err != nil {
		t.Fatal(err)
	}
	bad := `<!doctype html><html><head><title>t</title></head><body>
<img src="https://bzr.openai.com/v1/sdk/events?pid=px_8f2b1c&amp;event=order_created&amp;data[type]=contents&amp;data[amount]=25.99&amp;data[currency]=USD" alt="">
</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/bad" {
			fmt.Fprint(w, bad)
			return
		}
		_, _ = w.Write(page)
	}))
	defer srv.Close()
	out, errOut, code := runCLI(t, "", "check", "--render", "--wait", "50ms", "--format", "json", srv.URL+"/")
	if code != ExitOK || !strings.Contains(out, `"findings": []`) {
		t.Errorf("standalone image tags under --render: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "", "check", "--render", "--wait", "50ms", "--format", "json", srv.URL+"/bad")
	if code != ExitFindings || !strings.Contains(out, `"amount-not-integer"`) || !strings.Contains(out, `"line":2,"column":127`) || strings.Contains(out, "server-api-in-browser") {
		t.Errorf("image tag with a decimal amount under --render: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}
