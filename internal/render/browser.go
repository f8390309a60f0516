package render

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Options configure a browser run.
type Options struct {
	// Browser is an explicit browser path (--browser); "" searches.
	Browser string
	// Concurrency bounds the tabs open at once (default 4).
	Concurrency int
	// Page is what Capture does on each page.
	Page PageOptions
}

// PageOptions say how one page is loaded and driven.
type PageOptions struct {
	// PageTimeout bounds one page: load, settle, steps (default 30s).
	PageTimeout time.Duration
	// Wait is the settle time after the load event, and again after the
	// steps, for late calls (timers, tag managers).
	Wait time.Duration
	// Steps run on every page after it settles (--click, --script).
	Steps []Step
	// BlockThirdParty fails requests to other sites than the page's.
	BlockThirdParty bool
	// Scope, when set, is where the page may send requests and navigate
	// (a crawl's hosts): any other http or https request, a navigation
	// included, fails as a blocked third-party request.
	Scope func(*url.URL) bool
}

func (o *Options) defaults() {
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.Page.PageTimeout <= 0 {
		o.Page.PageTimeout = 30 * time.Second
	}
}

// Browser is one running headless Chromium shared by the pages of a run.
type Browser struct {
	opts   Options
	ctx    context.Context // the browser's chromedp context
	cancel context.CancelFunc
	tabs   chan struct{}
	once   sync.Once
}

// Start finds and starts the browser. The browser stops when Close is
// called or ctx ends; either way its process tree is killed and its
// throwaway profile removed.
func Start(ctx context.Context, opts Options) (*Browser, error) {
	opts.defaults()
	path, err := FindBrowser(opts.Browser)
	if err != nil {
		return nil, err
	}
	// The profile is a folder of ours, so that what Chromium puts beside
	// it can be found and removed with it.
	profile, err := os.MkdirTemp("", "oaiq-lint-profile-")
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.WithoutCancel(ctx),
		append(allocatorOptions(path), chromedp.UserDataDir(profile))...)
	bctx, bcancel := chromedp.NewContext(allocCtx)
	b := &Browser{opts: opts, ctx: bctx, tabs: make(chan struct{}, opts.Concurrency)}
	// The allocator's cancel returns once the process has exited, so
	// nothing writes into these folders any more when they are removed.
	b.cancel = func() {
		socketDir := singletonDir(profile) // read while the profile still links to it
		bcancel()
		allocCancel()
		os.RemoveAll(profile)
		if socketDir != "" {
			os.RemoveAll(socketDir)
		}
	}
	stop := context.AfterFunc(ctx, func() { b.Close() })
	// The first Run starts the process and opens a blank tab.
	if err := chromedp.Do(bctx); err != nil {
		stop()
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return b, nil
}

// singletonDir is the folder Chromium made in TMPDIR for the profile's
// singleton socket (/tmp/org.chromium.Chromium.*), which it never removes;
// the profile links to the socket in it. "" when there is none.
func singletonDir(profile string) string {
	target, err := os.Readlink(filepath.Join(profile, "SingletonSocket"))
	if err != nil || !filepath.IsAbs(target) {
		return ""
	}
	dir := filepath.Dir(target)
	if !strings.HasPrefix(filepath.Base(dir), "org.chromium.Chromium.") {
		return "" // not the folder we know: left alone
	}
	return dir
}

// Close stops the browser. It is safe to call more than once.
func (b *Browser) Close() error {
	b.once.Do(func() {
		// Cancelling the browser context closes it gracefully; the
		// allocator then kills what is left and removes the profile.
		b.cancel()
	})
	return nil
}

// allocatorOptions run the browser headless, with a throwaway profile and
// no traffic of its own (the background services are refused by closed
// networks and would only slow the start), and keep the pixel's hosts
// unreachable whatever happens to interception.
func allocatorOptions(path string) []chromedp.ExecAllocatorOption {
	opts := append([]chromedp.ExecAllocatorOption(nil), chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts,
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("host-resolver-rules", "MAP "+pixel.SDKHost+" ~NOTFOUND, MAP "+pixel.EventsHost+" ~NOTFOUND"),
		// One process per page keeps cross-site frames in the tab's own
		// session, where interception and the recorder reach them.
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,IsolateOrigins,site-per-process"),
		chromedp.Flag("disable-site-isolation-trials", true),
	)
	if os.Geteuid() == 0 {
		// Chromium's sandbox refuses to run as root.
		opts = append(opts, chromedp.NoSandbox)
	}
	return opts
}

// errClosed is returned by Capture after Close.
var errClosed = errors.New("the browser is closed")
