// Package browsertest opens a local HTML file in headless Chromium and
// collects what a reader's browser would complain about: console errors
// and warnings, uncaught exceptions, Content-Security-Policy violations and
// any request for something other than the file itself.
//
// The browser is found on PATH (or CHROME_PATH). Without one a test skips,
// except in CI (CI=true), where it fails: a report that was never opened in
// a browser must not pass there unnoticed.
package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserNames are the executables tried on PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"}

// Find returns the path of a Chromium-based browser, or "".
func Find() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns the browser's path; without one it skips the test, or
// fails it in CI.
func Require(t testing.TB) string {
	t.Helper()
	p := Find()
	if p != "" {
		return p
	}
	msg := "no Chromium found (tried CHROME_PATH and " + strings.Join(browserNames, ", ") + " on PATH); install chromium to run the browser tests"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// violationProbe records CSP violations as the page sees them. It runs
// before any script of the page, from the DevTools protocol, which the
// page's own policy does not govern.
const violationProbe = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at line " + e.lineNumber);
});`

// Page is a file opened in a fresh headless browser.
type Page struct {
	// Ctx runs chromedp actions against the page.
	Ctx context.Context
	url string

	mu       sync.Mutex
	problems []string
}

// Open starts a browser with a fresh profile, loads the file and waits for
// its load event. The browser ends with the test.
func Open(t testing.TB, file string, width, height int) *Page {
	t.Helper()
	exe := Require(t)
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	p := &Page{url: (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc, chromedp.WithListener(p.listen))
	ctx, cancelTime := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	p.Ctx = ctx

	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: violationProbe}); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatalf("opening %s: %v", p.url, err)
	}
	return p
}

// listen runs in the tab's event loop: it must return fast.
func (p *Page) listen(ev any) {
	var problem string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		problem = "exception: " + exceptionText(e.ExceptionDetails)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			problem = "console." + string(e.Type) + ": " + strings.Join(parts, " ")
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
			problem = fmt.Sprintf("browser %s (%s): %s", e.Entry.Level, e.Entry.Source, e.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		if u := e.Request.URL; u != p.url && !strings.HasPrefix(u, "data:") {
			problem = "request for " + u
		}
	}
	if problem != "" {
		p.mu.Lock()
		p.problems = append(p.problems, problem)
		p.mu.Unlock()
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return ""
	}
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

// Problems returns everything the browser complained about so far,
// including the CSP violations the page itself observed.
func (p *Page) Problems(t testing.TB) []string {
	t.Helper()
	violations, err := chromedp.Run(p.Ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
	if err != nil {
		t.Fatalf("reading CSP violations: %v", err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := append([]string(nil), p.problems...)
	for _, v := range violations {
		out = append(out, "CSP violation: "+v)
	}
	return out
}
