package cli

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/render"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// renderOptions are the flags of --render (run pages in a browser) and
// --record (write the calls found as an event log).
type renderOptions struct {
	enabled         bool
	browser         string
	wait            time.Duration
	clicks          []string
	script          string
	blockThirdParty bool
	pageTimeout     time.Duration
	tabs            int
	record          string
}

// addFlags adds the --render flags, and --record when the command has no
// recording of its own.
func (r *renderOptions) addFlags(cmd *cobra.Command, withRecord bool) {
	f := cmd.Flags()
	f.BoolVar(&r.enabled, "render", false, "load URL arguments in headless Chromium and check the pixel calls they really make (see docs/render.md)")
	f.StringVar(&r.browser, "browser", "", "with --render: the Chromium or Chrome to run (default: $"+render.EnvBrowser+", then chromium, chromium-browser, google-chrome on PATH)")
	f.DurationVar(&r.wait, "wait", 2*time.Second, "with --render: settle time after the load event (and after the steps) for late calls")
	f.StringArrayVar(&r.clicks, "click", nil, "with --render: click the first visible element matching this CSS selector once the page settled (repeatable, in order)")
	f.StringVar(&r.script, "script", "", "with --render: run the steps in FILE after the clicks (click, type, wait, wait-for; see docs/render.md)")
	f.BoolVar(&r.blockThirdParty, "block-third-party", false, "with --render: fail requests to other sites than the page's (the pixel's hosts are always intercepted)")
	f.DurationVar(&r.pageTimeout, "page-timeout", 30*time.Second, "with --render: give up on a page after this long")
	f.IntVar(&r.tabs, "tabs", 4, "with --render: pages open at once in the browser")
	if withRecord {
		f.StringVar(&r.record, "record", "", "write every call found (recorded in the browser with --render) to FILE as an event log, for 'oaiq-lint log'")
	}
}

// steps reads --click and --script into browser steps.
func (r *renderOptions) steps() ([]render.Step, error) {
	var steps []render.Step
	for _, sel := range r.clicks {
		if strings.TrimSpace(sel) == "" {
			return nil, usageErrorf("--click needs a CSS selector")
		}
		steps = append(steps, render.Step{Kind: render.Click, Selector: sel})
	}
	if r.script != "" {
		data, err := boundedio.ReadFile(r.script, 4<<20)
		if err != nil {
			return nil, usageError{err: fileError("--script", r.script, err, false)}
		}
		more, err := render.ParseSteps(r.script, data)
		if err != nil {
			return nil, usageErrorf("--script: %v", err)
		}
		steps = append(steps, more...)
	}
	return steps, nil
}

// startFor starts the browser when --render has URL arguments to load
// (nil otherwise). A cancel while it starts is an interruption.
func (r *renderOptions) startFor(ctx context.Context, args []string) (*render.Browser, error) {
	if !r.enabled || !slices.ContainsFunc(args, isHTTPURL) {
		return nil, nil
	}
	steps, err := r.steps()
	if err != nil {
		return nil, err
	}
	b, err := r.start(ctx, steps, nil)
	return b, interrupted(ctx, err)
}

// start starts the browser; scope, when set, is where pages may send
// requests and navigate (a crawl's hosts).
func (r *renderOptions) start(ctx context.Context, steps []render.Step, scope func(*url.URL) bool) (*render.Browser, error) {
	if r.tabs < 1 {
		return nil, usageErrorf("--tabs must be at least 1")
	}
	return render.Start(ctx, render.Options{Browser: r.browser, Concurrency: r.tabs, Page: render.PageOptions{
		Wait: r.wait, PageTimeout: r.pageTimeout, Steps: steps, BlockThirdParty: r.blockThirdParty, Scope: scope}})
}

// renderURLs loads URL inputs in the browser instead of fetching them.
func renderURLs(inputs iter.Seq[lint.Input], b *render.Browser) iter.Seq[lint.Input] {
	return func(yield func(lint.Input) bool) {
		for in := range inputs {
			if isHTTPURL(in.Name) {
				pageURL := in.Name
				in.Load = func(ctx context.Context) (*lint.Loaded, error) {
					ld, err := capture(ctx, b, pageURL)
					if err != nil {
						return nil, fmt.Errorf("rendering: %w", err)
					}
					return ld, nil
				}
			}
			if !yield(in) {
				return
			}
		}
	}
}

// capture runs one page in the browser: its document is what the page
// really did, and the calls it made are the ones --record writes (the
// calls written in it but not made are checked, but they did not happen).
func capture(ctx context.Context, b *render.Browser, pageURL string) (*lint.Loaded, error) {
	c, err := b.Capture(ctx, pageURL)
	if err != nil {
		return nil, err
	}
	doc, files := c.Document()
	return &lint.Loaded{Doc: doc, Files: files, Made: doc.Calls[:min(c.RecordedCalls(), len(doc.Calls))]}, nil
}
