package render

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	ofetch "github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

//go:embed recorder.js
var recorderJS string

// sdkScript answers SDK requests; the hook each tab runs first in every
// document is hookScript.
var sdkScript = strings.Replace(recorderJS, "/*SDK*/false", "/*SDK*/true", 1)

// hookScript is the recorder in hook mode for one tab: binding is the
// function it hands records to, key starts every record.
func hookScript(binding, key string) string {
	return strings.Replace(recorderJS, `/*SDK*/false, /*BINDING*/"", /*KEY*/"", /*SDKHOST*/""`,
		fmt.Sprintf("false, %q, %q, %q", binding, key, pixel.SDKHost), 1)
}

// secret is n random bytes in hex: binding names and record keys no page
// can guess.
func secret(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Capture is what one page did in the browser.
type Capture struct {
	// URL is the page as asked for; ProbeURL is it with ?oppref=<probe>.
	URL      string
	ProbeURL string
	// FinalURL is the address the tab shows at the end (after redirects,
	// scripted navigations and history rewrites).
	FinalURL string
	// Hops are the main frame's document requests in order.
	Hops []Hop
	// Response is the last main-frame document response, nil if none.
	Response *Response
	// Records are the recorder's messages in the order they arrived.
	Records []Record
	// SDKRequests are the SDK URLs the page requested (answered with the
	// recorder); Blocked the requests failed by interception.
	SDKRequests []string
	Blocked     []Blocked
	// Exceptions are the uncaught errors thrown because oaiq was missing.
	Exceptions []Exception
	// Elapsed is the wall time from opening the tab to reading it back.
	Elapsed time.Duration
}

// Blocked is a request interception failed.
type Blocked struct {
	URL string
	// Type is the resource type the browser gave it (Fetch, XHR, Image,
	// Ping for sendBeacon, Script, …).
	Type string
	// Pixel is true for the pixel's event host, false for a third party.
	Pixel bool
}

// Hop is one main-frame document request.
type Hop struct {
	URL string
	// Redirect is true when an HTTP redirect of the previous hop caused it;
	// false for the first request and for navigations by script or
	// <meta http-equiv="refresh">.
	Redirect bool
}

// Response is a main-frame document as the browser received it.
type Response struct {
	URL    string
	Status int
	Header http.Header
	Body   []byte
}

// tab is the state of one page being captured.
type tab struct {
	// binding and key are the recorder's channel, drawn for this tab.
	binding, key string
	opts         PageOptions
	ctx          context.Context // the tab's chromedp context
	frameID      string
	mu           sync.Mutex
	c            *Capture
	raw          []string // recorder payloads in arrival order
	pending      sync.WaitGroup
}

// Capture loads pageURL in a new tab with ?oppref=<probe> added, waits for
// it to load and settle, runs the steps, and returns what it recorded.
func (b *Browser) Capture(ctx context.Context, pageURL string) (*Capture, error) {
	return b.CapturePage(ctx, pageURL, b.opts.Page)
}

// CapturePage is Capture with page options of its own.
func (b *Browser) CapturePage(ctx context.Context, pageURL string, opts PageOptions) (*Capture, error) {
	if opts.PageTimeout <= 0 {
		opts.PageTimeout = b.opts.Page.PageTimeout
	}
	if u, err := url.Parse(pageURL); err == nil && u.User != nil {
		// The browser would answer an authentication challenge with them.
		return nil, fmt.Errorf("%w: remove them from the URL", ofetch.ErrUserinfo)
	}
	select {
	case b.tabs <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-b.tabs }()
	if b.ctx.Err() != nil {
		return nil, errClosed
	}
	start := time.Now()
	probe, err := withProbe(pageURL)
	if err != nil {
		return nil, err
	}
	t := &tab{opts: opts, c: &Capture{URL: pageURL, ProbeURL: probe}, binding: "__oaiq" + secret(8), key: secret(16)}
	tctx, closeTab := chromedp.NewContext(b.ctx, chromedp.WithListener(t.listen))
	t.ctx = tctx
	var timedOut atomic.Bool
	timer := time.AfterFunc(opts.PageTimeout, func() { timedOut.Store(true); closeTab() })
	stop := context.AfterFunc(ctx, closeTab)
	defer func() {
		timer.Stop()
		stop()
		closeTab()
		t.pending.Wait()
	}()
	err = t.run(probe)
	switch {
	case timedOut.Load():
		return nil, fmt.Errorf("the page did not finish within --page-timeout (%s)", opts.PageTimeout)
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		return nil, err
	}
	t.pending.Wait()
	if err := t.decode(); err != nil {
		return nil, err
	}
	t.c.Elapsed = time.Since(start)
	return t.c, nil
}

func (t *tab) run(probe string) error {
	ctx := t.ctx
	// The first Run creates the tab; it lives as long as this context.
	if err := chromedp.Do(ctx, chromedp.Func(t.setup)); err != nil {
		return fmt.Errorf("opening a tab: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(probe)); err != nil {
		var le *chromedp.LoadError
		if errors.As(err, &le) {
			return fmt.Errorf("loading the page: %s", le.ErrorText)
		}
		return fmt.Errorf("loading the page: %w", err)
	}
	if err := sleep(ctx, t.opts.Wait); err != nil {
		return err
	}
	if len(t.opts.Steps) > 0 {
		for _, s := range t.opts.Steps {
			if err := t.step(s); err != nil {
				return err
			}
		}
		if err := sleep(ctx, t.opts.Wait); err != nil {
			return err
		}
	}
	// Reading the address back also drains the listener: every record the
	// page sent before it has been appended by now.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string]("location.href"))
	if err != nil {
		return fmt.Errorf("reading the page back: %w", err)
	}
	t.mu.Lock()
	t.c.FinalURL = href
	t.mu.Unlock()
	return nil
}

// setup installs the recorder binding and hook and turns interception on,
// before the page's first request.
func (t *tab) setup(ctx context.Context, target *chromedp.Target) error {
	t.frameID = string(target.TargetID) // a tab's main frame has its target's id
	if _, err := cdp.Call(ctx, target, runtime.AddBinding, runtime.AddBindingParams{Name: t.binding}); err != nil {
		return err
	}
	if _, err := cdp.Call(ctx, target, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hookScript(t.binding, t.key)}); err != nil {
		return err
	}
	_, err := cdp.Call(ctx, target, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
	return err
}

// listen runs in the tab's message loop: it must return fast and send no
// command, so paused requests are answered on their own goroutines.
func (t *tab) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventBindingCalled:
		// A payload without the tab's key was not made by the recorder.
		if p, ok := strings.CutPrefix(e.Payload, t.key); ok && e.Name == t.binding {
			t.mu.Lock()
			t.raw = append(t.raw, p)
			t.mu.Unlock()
		}
	case *runtime.EventExceptionThrown:
		if x, ok := exception(e.ExceptionDetails); ok {
			t.mu.Lock()
			t.c.Exceptions = append(t.c.Exceptions, x)
			t.mu.Unlock()
		}
	case *fetch.EventRequestPaused:
		t.pending.Add(1)
		go func() {
			defer t.pending.Done()
			t.handle(e)
		}()
	}
}

func (t *tab) handle(e *fetch.EventRequestPaused) {
	ctx := t.ctx
	if e.ResponseStatusCode != 0 || e.ResponseErrorReason != "" {
		t.document(e)
		return
	}
	u := e.Request.URL
	mainDoc := e.ResourceType == network.ResourceTypeDocument && string(e.FrameID) == t.frameID
	// A navigation is judged against the page it leaves, before it counts
	// as a hop: otherwise a page on another site would be its own "first
	// party" and --block-third-party would let it through.
	t.mu.Lock()
	pageURL := t.c.ProbeURL
	if n := len(t.c.Hops); n > 0 {
		pageURL = t.c.Hops[n-1].URL
	}
	t.mu.Unlock()
	v := route(u, pageURL, t.opts.BlockThirdParty)
	if v == pass && !t.inScope(u) {
		v = block3P
	}
	if mainDoc && v == pass {
		t.mu.Lock()
		t.c.Hops = append(t.c.Hops, Hop{URL: u, Redirect: e.RedirectedRequestID != ""})
		t.mu.Unlock()
	}
	var err error
	switch v {
	case answer:
		t.mu.Lock()
		t.c.SDKRequests = append(t.c.SDKRequests, u)
		t.mu.Unlock()
		_, err = chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
			RequestID: e.RequestID, ResponseCode: 200, Body: []byte(sdkScript),
			ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "application/javascript; charset=utf-8"}, {Name: "Cache-Control", Value: "no-store"}},
		})
	case blockPix, block3P:
		t.mu.Lock()
		t.c.Blocked = append(t.c.Blocked, Blocked{URL: u, Type: string(e.ResourceType), Pixel: v == blockPix})
		t.mu.Unlock()
		_, err = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	default:
		p := fetch.ContinueRequestParams{RequestID: e.RequestID}
		if mainDoc {
			p.InterceptResponse = &mainDoc // read the document the browser got
		}
		_, err = chromedp.Call(ctx, fetch.ContinueRequest, p)
	}
	_ = err // the tab is closing: nothing left to answer
}

// inScope applies PageOptions.Scope to an http or https URL.
func (t *tab) inScope(raw string) bool {
	if t.opts.Scope == nil {
		return true
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return true // data:, blob: and the like never leave the browser
	}
	return t.opts.Scope(u)
}

// document keeps a main-frame response (body and headers, for the page
// rules) and lets it through unchanged.
func (t *tab) document(e *fetch.EventRequestPaused) {
	ctx := t.ctx
	status := int(e.ResponseStatusCode)
	if e.ResponseErrorReason == "" && (status < 300 || status > 399) {
		h := http.Header{}
		for _, kv := range e.ResponseHeaders {
			for _, v := range strings.Split(kv.Value, "\n") {
				h.Add(kv.Name, v)
			}
		}
		resp := &Response{URL: e.Request.URL, Status: status, Header: h}
		if body, err := chromedp.Call(ctx, fetch.GetResponseBody, fetch.GetResponseBodyParams{RequestID: e.RequestID}); err == nil {
			resp.Body = body.Body
		}
		t.mu.Lock()
		t.c.Response = resp
		t.mu.Unlock()
	}
	chromedp.Call(ctx, fetch.ContinueResponse, fetch.ContinueResponseParams{RequestID: e.RequestID})
}

// step runs one interaction. A selector that matches nothing visible
// within a few seconds fails the page, naming the step.
func (t *tab) step(s Step) error {
	if s.Kind == Pause {
		return sleep(t.ctx, s.Duration)
	}
	ctx, cancel := context.WithTimeout(t.ctx, stepTimeout)
	defer cancel()
	var err error
	sel := chromedp.CSS(s.Selector)
	switch s.Kind {
	case Click:
		err = chromedp.Do(ctx, chromedp.Click(sel))
	case Type:
		err = chromedp.Do(ctx, chromedp.SendKeys(sel, s.Text))
	case WaitFor:
		err = chromedp.Do(ctx, chromedp.WaitVisible(sel))
	}
	if err == nil {
		return nil
	}
	where := ""
	if s.Line > 0 {
		where = fmt.Sprintf(" (script line %d)", s.Line)
	}
	if errors.Is(err, context.DeadlineExceeded) && t.ctx.Err() == nil {
		return fmt.Errorf("step %q%s: no visible element matches %q after %s", s.String(), where, s.Selector, stepTimeout)
	}
	return fmt.Errorf("step %q%s: %w", s.String(), where, err)
}

// stepTimeout bounds how long a step waits for its element.
const stepTimeout = 5 * time.Second

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
