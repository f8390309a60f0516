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
