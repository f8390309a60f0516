package render

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// A browser run leaves no folder of Chromium's behind in TMPDIR
// (/tmp/org.chromium.Chromium.*), however many pages it rendered.
func TestBrowserRunLeavesNoTemporaryFolders(t *testing.T) {
	needBrowser(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(htmlPage("", `<script>oaiq("measure", "page_viewed", {type: "page"});</script>`)))
	}))
	defer srv.Close()
	b, err := Start(context.Background(), Options{Page: PageOptions{Wait: 50 * time.Millisecond, PageTimeout: 20 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := b.Capture(context.Background(), srv.URL+"/"); err != nil {
			t.Error(err)
		}
	}
	b.Close()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left in TMPDIR after the run: %s", e.Name())
	}
}

// A page cannot reach the recorder's channel: it finds no binding on its
// window (nor in a frame the hook never ran in, where any function it
// finds gets records without the tab's key), the recorder is not handed to
// its own scripts, and what it sends is dropped, so it can neither forge
// calls nor make itself unreadable with a malformed record.
func TestPageCannotForgeRecords(t *testing.T) {
	forge := `<script>
(function () {
  var forged = JSON.stringify({kind: "call", args: [{t: "str", s: "measure"}, {t: "str", s: "forged_event"}]});
  function attack(w) {
    var names = [];
    try { names = Object.getOwnPropertyNames(w); } catch (e) {}
    for (var i = 0; i < names.length; i++) {
      var f;
      try { f = w[names[i]]; } catch (e) { continue; }
      if (typeof f === "function" && /oaiq/i.test(names[i]) && names[i] !== "oaiq") {
        try { f(forged); f("not json {"); } catch (e) {}
      }
    }
    try { var r = w.__oaiqRecorder; if (r) r.sdkLoaded(null); } catch (e) {}
    try { w.__oaiqRecord(forged); } catch (e) {}
  }
  attack(window);
  var fr = document.createElement("iframe");
  document.body.appendChild(fr);
  attack(fr.contentWindow);
  JSON.stringify = function () { return forged; };
})();
oaiq("measure", "page_viewed", {type: "page"});
</script>`
	srv := httptest.NewServer(site{pages: map[string]string{"/": htmlPage("", forge)}})
	defer srv.Close()
	c, _ := capture(t, srv, "/", PageOptions{})
	var names []string
	for _, r := range c.Records {
		if r.Kind == "call" && len(r.Args) > 1 && r.Args[0].S == "measure" {
			names = append(names, r.Args[1].S)
		}
	}
	if len(names) != 1 || names[0] != "page_viewed" {
		t.Errorf("recorded calls %q, want only the page's real page_viewed", names)
	}
}
