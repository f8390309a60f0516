package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Ctrl-C while pages render: one "interrupted", not a failure per page.
func TestCrawlRenderInterrupted(t *testing.T) {
	needChromium(t)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release // pages that never finish loading
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><body></body></html>")
	}))
	defer srv.Close()
	defer close(release)
	var pages []*crawl.Page
	for i := range 6 {
		u := fmt.Sprintf("%s/p%d", srv.URL, i)
		pages = append(pages, &crawl.Page{URL: u, HTML: true, Doc: &model.Document{Path: u, Kind: model.Page}})
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Second, cancel)
	r := &renderOptions{enabled: true, wait: 50 * time.Millisecond, pageTimeout: 20 * time.Second, tabs: 4}
	var errOut bytes.Buffer
	err := r.renderPages(ctx, pages, &errOut)
	if !errors.Is(err, errInterrupted) {
		t.Errorf("err = %v, want %v", err, errInterrupted)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr holds per-page failures:\n%s", errOut.String())
	}
}
