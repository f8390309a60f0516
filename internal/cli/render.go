package cli

import (
	"context"
	"fmt"
	"iter"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/render"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
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
		data, err := os.ReadFile(r.script)
		if err != nil {
			return nil, usageErrorf("--script: %v", err)
		}
		more, err := render.ParseSteps(r.script, data)
		if err != nil {
			return nil, usageErrorf("--script: %v", err)
		}
		steps = append(steps, more...)
	}
	return steps, nil
}

// renderSession is what --render and --record need during one run: the
// browser (one per run) and the event log being written.
type renderSession struct {
	browser *render.Browser
	mu      sync.Mutex
	log     *eventlog.Writer
	logFile *os.File
}

// setup wires --render and --record into inputs: URL inputs are loaded in
// the browser instead of fetched, and every input's calls are recorded.
// It returns the context to run with and a cleanup to defer.
func (r *renderOptions) setup(ctx context.Context, args []string, inputs iter.Seq[input]) (context.Context, iter.Seq[input], func() error, error) {
	s := &renderSession{}
	cleanup := func() error {
		if s.browser != nil {
			s.browser.Close()
		}
		if s.logFile != nil {
			return s.logFile.Close()
		}
		return nil
	}
	if r.record != "" {
		f, err := os.Create(r.record)
		if err != nil {
			cleanup()
			return nil, nil, nil, usageErrorf("--record: %v", err)
		}
		s.logFile, s.log = f, eventlog.NewWriter(f)
	}
	if r.enabled && slices.ContainsFunc(args, isHTTPURL) {
		steps, err := r.steps()
		if err != nil {
			cleanup()
			return nil, nil, nil, err
		}
		b, err := r.start(ctx, steps)
		if err != nil {
			cleanup()
			return nil, nil, nil, interrupted(ctx, err)
		}
		s.browser = b
	}
	out := func(yield func(input) bool) {
		for in := range inputs {
			switch {
			case s.browser != nil && isHTTPURL(in.name):
				in.load = s.renderLoad(ctx, in.name)
			case s.log != nil:
				in.load = s.recording(in.load)
			}
			if !yield(in) {
				return
			}
		}
	}
	return ctx, out, cleanup, nil
}

func (r *renderOptions) start(ctx context.Context, steps []render.Step) (*render.Browser, error) {
	if r.tabs < 1 {
		return nil, usageErrorf("--tabs must be at least 1")
	}
	return render.Start(ctx, render.Options{Browser: r.browser, Concurrency: r.tabs, Page: render.PageOptions{
		Wait: r.wait, PageTimeout: r.pageTimeout, Steps: steps, BlockThirdParty: r.blockThirdParty}})
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// renderLoad captures one page in the browser.
func (s *renderSession) renderLoad(ctx context.Context, pageURL string) func() (*model.Document, []*source.File, error) {
	return func() (*model.Document, []*source.File, error) {
		c, err := s.browser.Capture(ctx, pageURL)
		if err != nil {
			return nil, nil, fmt.Errorf("rendering: %w", err)
		}
		doc, files := c.Document()
		if s.log != nil {
			// Only the calls the page made: the written calls it did not
			// make are checked, but they did not happen.
			if err := s.write(doc.Calls[:c.RecordedCalls()], doc); err != nil {
				return nil, nil, err
			}
		}
		return doc, files, nil
	}
}

// recording writes the calls of each loaded document to the event log.
func (s *renderSession) recording(load func() (*model.Document, []*source.File, error)) func() (*model.Document, []*source.File, error) {
	return func() (*model.Document, []*source.File, error) {
		doc, files, err := load()
		if err != nil || doc == nil {
			return doc, files, err
		}
		if err := s.write(doc.Calls, doc); err != nil {
			return nil, nil, err
		}
		return doc, files, nil
	}
}

// write adds calls of doc to the event log.
func (s *renderSession) write(calls []*model.Call, doc *model.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range calls {
		if err := s.log.Write(eventlog.CallRecord(c, doc)); err != nil {
			return fmt.Errorf("--record: %w", err)
		}
	}
	return nil
}
