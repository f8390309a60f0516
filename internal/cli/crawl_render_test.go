package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Ctrl-C while pages render: one "interrupted", not a failure per page.
// The cancel comes from the page server when the browser asks for a page,
// so the browser has started whatever the machine's speed.
func TestCrawlRenderInterrupted(t *testing.T) {
	needChromium(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(cancel)
		<-release // pages that never finish loading
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><body></body></html>")
	}))
	defer srv.Close()
	defer close(release)
	errOut, err := renderSixPages(ctx, srv.URL)
	if !errors.Is(err, errInterrupted) {
		t.Errorf("err = %v, want %v", err, errInterrupted)
	}
	if errOut != "" {
		t.Errorf("stderr holds per-page failures:\n%s", errOut)
	}
}

// A cancel before or while the browser starts is an interruption too, not
// "starting the browser: context canceled".
func TestCrawlRenderInterruptedBeforeTheBrowserStarted(t *testing.T) {
	needChromium(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	errOut, err := renderSixPages(ctx, "http://127.0.0.1:1")
	if !errors.Is(err, errInterrupted) {
		t.Errorf("err = %v, want %v", err, errInterrupted)
	}
	if errOut != "" {
		t.Errorf("stderr holds per-page failures:\n%s", errOut)
	}
}

func renderSixPages(ctx context.Context, base string) (string, error) {
	var pages []*crawl.Page
	for i := range 6 {
		u := fmt.Sprintf("%s/p%d", base, i)
		pages = append(pages, &crawl.Page{URL: u, HTML: true, Doc: &model.Document{Path: u, Kind: model.Page}})
	}
	r := &renderOptions{enabled: true, wait: 50 * time.Millisecond, pageTimeout: 20 * time.Second, tabs: 4}
	var errOut bytes.Buffer
	err := r.renderPages(ctx, pages, &errOut)
	return errOut.String(), err
}

// Every command maps a cancel to one "interrupted" line and exit 130,
// whatever it was doing when the cancel came.
func TestInterruptedCommandsExit130(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", `<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>`)
	logFile := writeFile(t, dir, "a.jsonl", cleanLog)
	for _, args := range [][]string{
		{"check", "--format", "json", dir},
		{"check", page},
		{"log", logFile},
		{"extract", dir},
		{"crawl", "http://127.0.0.1:1/"},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var out, errOut bytes.Buffer
		code := MainContext(ctx, args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
		if code != ExitInterrupted || strings.Count(errOut.String(), "\n") != 1 || !strings.Contains(errOut.String(), "oaiq-lint: interrupted") {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, errOut.String())
		}
	}
}
