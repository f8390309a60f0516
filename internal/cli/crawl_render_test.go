package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// Ctrl-C while pages render: one "interrupted", not a failure per page.
// The cancel comes from the page server when the browser (not the
// crawler) asks for a page, so the browser has started whatever the
// machine's speed.
func TestCrawlRenderInterrupted(t *testing.T) {
	needChromium(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if strings.Contains(r.UserAgent(), "Chrome") {
			once.Do(cancel)
			<-release // pages that never finish loading in the browser
		}
		w.Header().Set("Content-Type", "text/html")
		links := ""
		for i := range 6 {
			links += fmt.Sprintf(`<a href="/p%d">p%d</a>`, i, i)
		}
		fmt.Fprint(w, "<!doctype html><html><body>"+links+"</body></html>")
	}))
	defer srv.Close()
	defer close(release)
	code, errOut := crawlRender(ctx, srv.URL+"/")
	if code != ExitInterrupted || errOut != "oaiq-lint: interrupted\n" {
		t.Errorf("exit %d, want %d; stderr (one line wanted, no per-page failures):\n%s", code, ExitInterrupted, errOut)
	}
}

// A cancel before or while the browser starts is an interruption too, not
// "starting the browser: context canceled".
func TestCrawlRenderInterruptedBeforeTheBrowserStarted(t *testing.T) {
	needChromium(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, errOut := crawlRender(ctx, "http://127.0.0.1:1/")
	if code != ExitInterrupted || errOut != "oaiq-lint: interrupted\n" {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitInterrupted, errOut)
	}
}

func crawlRender(ctx context.Context, start string) (int, string) {
	var out, errOut bytes.Buffer
	code := MainContext(ctx, []string{"crawl", "--render", "--wait", "50ms", "--page-timeout", "20s", "--tabs", "4", "--rate", "0", start},
		&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	return code, errOut.String()
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
		if args[1] == "--format" && !json.Valid(out.Bytes()) {
			t.Errorf("%v: the report is not closed: %q", args, out.String())
		}
	}
}

// An interrupted crawl says how far it got, in its one line; a run that
// had linted nothing says only "interrupted".
func TestInterruptedLineSaysHowFar(t *testing.T) {
	if got := interruptedLine(&interruption{after: "12 pages"}); got != "oaiq-lint: interrupted after 12 pages" {
		t.Errorf("got %q", got)
	}
	if got := interruptedLine(errInterrupted); got != "oaiq-lint: interrupted" {
		t.Errorf("got %q", got)
	}
	if !errors.Is(&interruption{after: "1 page"}, errInterrupted) {
		t.Error("an interruption with a count is still an interruption")
	}
}

// A plain crawl stopped by Ctrl-C ends with one interrupted line (with the
// pages linted, when there were some) and exit 130.
func TestPlainCrawlInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/p5":
			cancel()
			<-release
			return
		}
		w.Header().Set("Content-Type", "text/html")
		links := ""
		for i := range 6 {
			links += fmt.Sprintf(`<a href="/p%d">p%d</a>`, i, i)
		}
		fmt.Fprint(w, "<!doctype html><html><head></head><body>"+links+"</body></html>")
	}))
	defer srv.Close()
	defer close(release) // before Close, which waits for the handler
	var out, errOut bytes.Buffer
	code := MainContext(ctx, []string{"crawl", "--rate", "0", srv.URL + "/"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	if code != ExitInterrupted || !regexp.MustCompile(`^oaiq-lint: interrupted( after \d+ pages?)?\n$`).MatchString(errOut.String()) {
		t.Errorf("exit %d, want %d; stderr (one line wanted):\n%s", code, ExitInterrupted, errOut.String())
	}
}
