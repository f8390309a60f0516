package render

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
	"github.com/oaiq-lint/oaiq-lint/rules"

	install "github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

// snippet is the documented installation snippet with an init call, as
// internal/snippet writes it (without its final newline).
var snippet = strings.TrimSuffix(install.MustGenerate(install.Options{PixelID: "px_123"}), "\n")

// site serves pages (and scripts) by path; headers per path are optional.
type site struct {
	pages   map[string]string
	headers map[string]map[string]string
}

func (s site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, ok := s.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct := "text/html; charset=utf-8"
	if strings.HasSuffix(r.URL.Path, ".js") {
		ct = "application/javascript"
	}
	w.Header().Set("Content-Type", ct)
	for k, v := range s.headers[r.URL.Path] {
		w.Header().Set(k, v)
	}
	fmt.Fprint(w, body)
}

func htmlPage(head, body string) string {
	return "<!doctype html>\n<html><head>\n" + snippet + "\n" + head + "</head>\n<body>\n" + body + "\n</body></html>\n"
}

// capture renders path of srv and checks the document with every rule.
func capture(t *testing.T, srv *httptest.Server, path string, opts PageOptions) (*Capture, []model.Finding) {
	t.Helper()
	b := needBrowser(t)
	if opts.Wait == 0 {
		opts.Wait = b.opts.Page.Wait
	}
	c, err := b.CapturePage(context.Background(), srv.URL+path, opts)
	if err != nil {
		t.Fatalf("capture %s: %v", path, err)
	}
	doc, _ := c.Document()
	return c, rules.Check(doc, rules.Options{})
}

// staticFindings checks the same page without a browser, the way check
// reads a file.
func staticFindings(name, html string) []model.Finding {
	doc, _ := extract.File(name, []byte(html), extract.Options{Kind: extract.HTML})
	return rules.Check(doc, rules.Options{})
}

func findRule(fs []model.Finding, rule string) *model.Finding {
	for i := range fs {
		if fs[i].Rule == rule {
			return &fs[i]
		}
	}
	return nil
}

func show(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s: %s [%s]", f.Span, f.Message, f.Rule)
	}
	return b.String()
}

// The amount is read from the page and multiplied at run time: only the
// browser sees 1998.9999999999998. The finding points at the expression.
func TestAmountComputedAsFloat(t *testing.T) {
	html := htmlPage("", `<p id="total" data-value="19.99">Total: $19.99</p>
<script>
  var total = parseFloat(document.getElementById("total").dataset.value);
  oaiq("measure", "order_created", {
    type: "contents",
    amount: total * 100,
    currency: "USD",
  });
</script>`)
	if f := findRule(staticFindings("thanks.html", html), "amount-not-integer"); f != nil {
		t.Fatalf("static reading already reports it, so the test proves nothing: %s", f.Message)
	}
	srv := httptest.NewServer(site{pages: map[string]string{"/thanks": html}})
	defer srv.Close()
	c, fs := capture(t, srv, "/thanks", PageOptions{})
	f := findRule(fs, "amount-not-integer")
	if f == nil {
		t.Fatalf("amount-not-integer not reported; findings:%s", show(fs))
	}
	if !strings.Contains(f.Message, "1998.9999999999998") {
		t.Errorf("message does not show the recorded amount: %s", f.Message)
	}
	// Line 29 of the page is `amount: total * 100,`: the written
	// expression, found from the call's stack position.
	want := model.Span{File: srv.URL + "/thanks", Start: model.Pos{Line: 29, Col: 13}, End: model.Pos{Line: 29, Col: 24}}
	if f.Span != want {
		t.Errorf("span = %+v, want %+v", f.Span, want)
	}
	if len(c.SDKRequests) != 1 || c.SDKRequests[0] != pixel.SDKURL {
		t.Errorf("SDK requests = %v, want the SDK URL once (answered by the recorder)", c.SDKRequests)
	}
	if len(fs) != 1 {
		t.Errorf("want only amount-not-integer, got:%s", show(fs))
	}
}

// The event is sent only when the button is clicked.
func TestEventFiredOnClick(t *testing.T) {
	html := htmlPage("", `<button id="buy">Buy</button>
<script>
  document.getElementById("buy").addEventListener("click", function () {
    var name = ["Add", "To", "Cart"].join("");
    oaiq("measure", name, { type: "contents" });
  });
</script>`)
	srv := httptest.NewServer(site{pages: map[string]string{"/product": html}})
	defer srv.Close()

	_, fs := capture(t, srv, "/product", PageOptions{})
	if f := findRule(fs, "event-name-unknown"); f != nil {
		t.Fatalf("reported without the click: %s", f.Message)
	}
	c, fs := capture(t, srv, "/product", PageOptions{Steps: []Step{{Kind: Click, Selector: "#buy"}}})
	f := findRule(fs, "event-name-unknown")
	if f == nil {
		t.Fatalf("event-name-unknown not reported after --click #buy; findings:%s", show(fs))
	}
	if !strings.Contains(f.Message, "AddToCart") {
		t.Errorf("message does not name the event: %s", f.Message)
	}
	if n := countCalls(c); n != 2 {
		t.Errorf("recorded %d calls, want init and the click's measure", n)
	}
}

func countCalls(c *Capture) int {
	n := 0
	for _, r := range c.Records {
		if r.Kind == "call" {
			n++
		}
	}
	return n
}

// A script the page adds at run time, from another path of the site, makes
// the call: the finding points at that script's line and column.
func TestCallFromScriptAtAnotherPath(t *testing.T) {
	html := htmlPage("", `<script>
  var s = document.createElement("script");
  s.src = "/assets/" + ["check", "out"].join("") + ".js";
  document.body.appendChild(s);
</script>`)
	js := "// checkout bundle\n(function () {\n  var cur = 'usd';\n  window.oaiq('measure', 'checkout_started', { type: 'contents', amount: 2599, currency: cur });\n})();\n"
	srv := httptest.NewServer(site{pages: map[string]string{"/checkout": html, "/assets/checkout.js": js}})
	defer srv.Close()
	_, fs := capture(t, srv, "/checkout", PageOptions{})
	f := findRule(fs, "currency-code")
	if f == nil {
		t.Fatalf("currency-code not reported; findings:%s", show(fs))
	}
	want := model.Span{File: srv.URL + "/assets/checkout.js", Start: model.Pos{Line: 4, Col: 10}, End: model.Pos{Line: 4, Col: 11}}
	if f.Span != want {
		t.Errorf("span = %+v, want %+v (the call in the script, from its stack)", f.Span, want)
	}
}

// The response header's policy keeps the SDK out: the browser fires a
// violation and the policy is reported with the sources to add.
func TestCSPHeaderBlocksSDK(t *testing.T) {
	html := htmlPage("", `<script>oaiq("measure", "page_viewed", { type: "contents" });</script>`)
	srv := httptest.NewServer(site{
		pages:   map[string]string{"/": html},
		headers: map[string]map[string]string{"/": {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"}},
	})
	defer srv.Close()
	c, fs := capture(t, srv, "/", PageOptions{})
	if v := c.Violations(); len(v) == 0 || !strings.Contains(v[0], pixel.SDKURL) {
		t.Errorf("violations = %v, want the SDK blocked", v)
	}
	if len(c.SDKRequests) != 0 {
		t.Errorf("the SDK was requested despite the policy: %v", c.SDKRequests)
	}
	f := findRule(fs, "csp-blocks-sdk")
	if f == nil {
		t.Fatalf("csp-blocks-sdk not reported; findings:%s", show(fs))
	}
	if !strings.Contains(f.Hint, "https://bzrcdn.openai.com") {
		t.Errorf("hint does not say what to add: %s", f.Hint)
	}
	if findRule(fs, "snippet-missing") != nil {
		t.Errorf("the blocked loader must not read as a missing one:%s", show(fs))
	}
}

// A script redirect that drops the query loses oppref before the SDK
// starts on the landing page.
func TestOpprefDroppedByScriptRedirect(t *testing.T) {
	srv := httptest.NewServer(site{pages: map[string]string{
		"/old": `<!doctype html><html><head><script>location.replace("/new");</script></head><body></body></html>`,
		"/new": htmlPage("", ""),
		"/ok":  htmlPage("", ""),
	}})
	defer srv.Close()
	_, fs := capture(t, srv, "/old", PageOptions{})
	f := findRule(fs, "oppref-dropped")
	if f == nil {
		t.Fatalf("oppref-dropped not reported; findings:%s", show(fs))
	}
	if !strings.Contains(f.Message, "navigated to "+srv.URL+"/new") {
		t.Errorf("message does not say how it was lost: %s", f.Message)
	}
	if _, fs := capture(t, srv, "/ok", PageOptions{}); findRule(fs, "oppref-dropped") != nil {
		t.Errorf("reported on a page that keeps it:%s", show(fs))
	}
}

// Page code posting to the pixel's event host is blocked (nothing leaves
// the machine) and reported.
func TestEventHostBlocked(t *testing.T) {
	html := htmlPage("", `<script>fetch("https://bzr.openai.com/v1/sdk/events", {method: "POST", body: "{}"}).catch(function () {});</script>`)
	srv := httptest.NewServer(site{pages: map[string]string{"/": html}})
	defer srv.Close()
	c, fs := capture(t, srv, "/", PageOptions{})
	if len(c.Blocked) != 1 || !c.Blocked[0].Pixel {
		t.Fatalf("blocked = %+v, want the events request", c.Blocked)
	}
	if findRule(fs, "server-api-in-browser") == nil {
		t.Errorf("server-api-in-browser not reported; findings:%s", show(fs))
	}
}

// A loader injected after the page loaded (as a tag manager does) is
// seen, and reported late.
func TestInjectedLoaderIsLate(t *testing.T) {
	stub := strings.TrimSuffix(strings.TrimPrefix(snippet, "<script>"), "</script>")
	html := "<!doctype html><html><head><title>x</title></head><body><script>\nwindow.addEventListener('load', function () {\n  var s = document.createElement('script');\n  s.text = " + fmt.Sprintf("%q", stub) + ";\n  document.head.appendChild(s);\n});\n</script></body></html>"
	srv := httptest.NewServer(site{pages: map[string]string{"/": html}})
	defer srv.Close()
	_, fs := capture(t, srv, "/", PageOptions{})
	if f := findRule(fs, "snippet-late"); f == nil || !strings.Contains(f.Message, "readyState") {
		t.Fatalf("snippet-late not reported for the injected loader; findings:%s", show(fs))
	}
	if findRule(fs, "snippet-missing") != nil {
		t.Errorf("an injected loader is not a missing one:%s", show(fs))
	}
}

func TestThirdPartyBlockedOnRequest(t *testing.T) {
	other := httptest.NewServer(site{pages: map[string]string{"/t.js": "window.tracked = true;"}})
	defer other.Close()
	// 127.0.0.1 and localhost are different sites.
	src := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) + "/t.js"
	html := htmlPage("", `<script src="`+src+`"></script>`)
	srv := httptest.NewServer(site{pages: map[string]string{"/": html}})
	defer srv.Close()
	c, _ := capture(t, srv, "/", PageOptions{})
	if len(c.Blocked) != 0 {
		t.Errorf("blocked %+v without --block-third-party", c.Blocked)
	}
	c, _ = capture(t, srv, "/", PageOptions{BlockThirdParty: true})
	if len(c.Blocked) != 1 || c.Blocked[0].URL != src || c.Blocked[0].Pixel {
		t.Errorf("blocked = %+v, want %s", c.Blocked, src)
	}
}
