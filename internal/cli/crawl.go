package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/internal/render"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// crawlOptions are the flags and arguments of `oaiq-lint crawl`.
type crawlOptions struct {
	io           *IOStreams
	g            *globalOptions
	starts       []string
	sitemaps     []string
	allowHosts   []string
	include      []string
	exclude      []string
	depth        int
	maxPages     int
	userAgent    string
	concurrency  int
	rate         float64
	timeout      time.Duration
	maxFileSize  int64
	maxRedirects int
	retries      int
	opprefSample int
	ignoreRobots bool
	record       string
	// render runs each crawled page in headless Chromium (--render).
	render renderOptions
	// gtmExports are the --gtm container exports (see gtm.go).
	gtmExports []string
}

func newCrawlCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	o := &crawlOptions{io: streams, g: g}
	cmd := &cobra.Command{
		Use:   "crawl URL... [--sitemap URL]",
		Short: "Audit a whole live site: every page, its headers, redirects and robots.txt",
		Long: `Crawl a site from start URLs and sitemaps and check every HTML page as
'check' does, with its response headers (Content-Security-Policy, charset)
and its same-origin scripts. Links (a, area, link rel=alternate|canonical,
iframes) are followed on the start hosts only, unless --allow-host widens it.

The crawl also reports what only HTTP shows:
  robots-blocks-adsbot  robots.txt keeps OAI-AdsBot from a page (ad review fails)
  oppref-dropped        a redirect loses ?oppref= (start pages, redirected pages,
                        and --oppref-sample percent of the others are probed)
  snippet-coverage      a page without the pixel on a site where others have it
  fetch-failed          a page that could not be fetched or answered 4xx/5xx

It is polite: robots.txt is honoured for our user agent (and its
Crawl-delay), requests to one host are spaced by --rate, at most
--concurrency are in flight, 429 and 5xx answers are retried with backoff
(Retry-After honoured), no cookies are kept, and no request goes to a host
outside the crawl.

Pages are reported sorted by URL. A summary (pages, pixel coverage, events
by page type, findings by rule) follows on standard error. Exit status 3
means a start URL or sitemap itself failed; other failures are findings.`,
		Example: `  oaiq-lint crawl https://shop.example.com
  oaiq-lint crawl https://shop.example.com --sitemap https://shop.example.com/sitemap.xml --max-pages 5000
  oaiq-lint crawl https://shop.example.com --exclude '/(cart|account)/' --format json > crawl.json
  oaiq-lint crawl https://shop.example.com --record calls.jsonl && oaiq-lint log calls.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && len(o.sitemaps) == 0 {
				return usageErrorf("give at least one start URL or --sitemap URL")
			}
			o.starts = args
			return runCrawl(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.sitemaps, "sitemap", nil, "sitemap or sitemap index URL whose pages are crawled too (gzip allowed; repeatable)")
	f.StringArrayVar(&o.allowHosts, "allow-host", nil, "also crawl this host: name, name:port or *.example.com (repeatable; adds to crawl.allow_hosts)")
	f.StringArrayVar(&o.include, "include", nil, "crawl only linked URLs matching this regular expression (repeatable)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "skip linked URLs matching this regular expression (repeatable)")
	f.IntVar(&o.depth, "depth", 10, "follow links this many clicks from a start page (-1: no limit)")
	f.IntVar(&o.maxPages, "max-pages", 1000, "visit at most this many URLs besides the start URLs (0: no limit)")
	f.StringVar(&o.userAgent, "user-agent", "", "User-Agent header, also matched against robots.txt (default oaiq-lint/VERSION (+project URL))")
	f.IntVar(&o.concurrency, "concurrency", 4, "requests in flight at most")
	f.Float64Var(&o.rate, "rate", 5, "requests per second at most to one host (0: no limit)")
	f.DurationVar(&o.timeout, "timeout", fetch.DefaultTimeout, "time limit for one request, body included")
	f.Var(newSizeFlag(&o.maxFileSize, fetch.DefaultMaxBytes), "max-file-size", "largest response read (10MB, 512KB, or bytes); larger pages are fetch-failed")
	f.IntVar(&o.maxRedirects, "max-redirects", fetch.DefaultMaxRedirects, "longest redirect chain followed")
	f.IntVar(&o.retries, "retries", 2, "retries of a request answered 429 or 5xx, or whose connection dropped")
	f.IntVar(&o.opprefSample, "oppref-sample", 5, "percent of other pages also probed for oppref-dropped (0-100)")
	f.BoolVar(&o.ignoreRobots, "ignore-robots", false, "crawl pages robots.txt disallows for our user agent (your own site only)")
	f.StringVar(&o.record, "record", "", "write every call found as an event log (JSON Lines, with url) to this file")
	o.render.addFlags(cmd, false)
	addCrawlGTMFlag(cmd, o)
	g.addLintFlags(cmd)
	return cmd
}

// crawlOptions turns the flags into the crawler's options.
func (o *crawlOptions) crawlerOptions(l *lintRun) (crawl.Options, error) {
	opts := crawl.Options{
		UserAgent: o.userAgent, Concurrency: o.concurrency, Rate: o.rate, Timeout: o.timeout,
		MaxBytes: o.maxFileSize, MaxRedirects: o.maxRedirects, Retries: o.retries,
		MaxPages: o.maxPages, MaxDepth: o.depth, IgnoreRobots: o.ignoreRobots, OpprefSample: o.opprefSample,
		AllowHosts: append(append([]string(nil), l.project.cfg.AllowHosts...), o.allowHosts...),
	}
	if opts.UserAgent == "" {
		opts.UserAgent = userAgent()
	}
	switch {
	case o.concurrency < 1:
		return opts, usageErrorf("--concurrency must be at least 1, got %d", o.concurrency)
	case o.rate < 0:
		return opts, usageErrorf("--rate must be 0 (no limit) or more, got %g", o.rate)
	case o.opprefSample < 0 || o.opprefSample > 100:
		return opts, usageErrorf("--oppref-sample is a percentage (0-100), got %d", o.opprefSample)
	case o.maxPages < 0:
		return opts, usageErrorf("--max-pages must be 0 (no limit) or more, got %d", o.maxPages)
	case o.retries < 0:
		return opts, usageErrorf("--retries must be 0 or more, got %d", o.retries)
	}
	for _, p := range [...]struct {
		flag string
		in   []string
		out  *[]*regexp.Regexp
	}{{"--include", o.include, &opts.Include}, {"--exclude", o.exclude, &opts.Exclude}} {
		for _, s := range p.in {
			re, err := regexp.Compile(s)
			if err != nil {
				return opts, usageErrorf("%s %q: %v", p.flag, s, err)
			}
			*p.out = append(*p.out, re)
		}
	}
	return opts, nil
}

// runCrawl crawls the site and streams its pages into the pipeline as they
// are visited (and, with --render, run in the browser); the reports, the
// record and the summary see them sorted by URL once the crawl is over.
func runCrawl(ctx context.Context, o *crawlOptions) error {
	l := &lintRun{io: o.io, g: o.g, record: o.record}
	opts, err := l.options()
	if err != nil {
		return err
	}
	copts, err := o.crawlerOptions(l)
	if err != nil {
		return err
	}
	containers, err := readGTMFlag(o.gtmExports, o.maxFileSize)
	if err != nil {
		return err
	}
	crawler, err := crawl.New(o.starts, o.sitemaps, copts)
	if err != nil {
		return usageErrorf("%v", lint.Explain(err))
	}
	opts.SortByName = true
	var browser *render.Browser
	if o.render.enabled {
		steps, err := o.render.steps()
		if err != nil {
			return err
		}
		// The browser obeys the crawl's hosts: other hosts' resources and
		// navigations to them are blocked.
		if browser, err = o.render.start(ctx, steps, crawler.InScope); err != nil {
			return interrupted(ctx, err)
		}
		defer browser.Close()
		opts.Workers = max(runtime.GOMAXPROCS(0), o.render.tabs) // pages wait on the browser, not the CPU
	}
	bar := report.NewProgressBar(o.io.ErrOut, !o.g.quiet && stderrIsTerminal(o.io))
	copts.Progress = func(p crawl.Progress) { bar.Update(p.Done, p.Queued, p.Failed) }
	began := time.Now()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make(chan *crawl.Page)
	var res *crawl.Result
	var crawlErr error
	go func() {
		defer close(pages)
		res, crawlErr = crawler.Stream(ctx, func(p *crawl.Page) {
			select {
			case pages <- p:
			case <-ctx.Done():
			}
		})
	}()
	notes := &lockedWriter{w: o.io.ErrOut}
	inputs := func(yield func(lint.Input) bool) {
		defer bar.Clear()
		for p := range pages {
			if !yield(pageInput(p, browser, notes, containers)) {
				cancel()
				for range pages { // let the crawl's workers end
				}
				return
			}
		}
	}
	site := report.NewSiteSummary()
	startFailed := false
	linted := 0 // pages through the pipeline, for an interrupted crawl's line
	var coverage *report.CrawlCoverage
	hooks := runHooks{
		recordPageURL: true,
		summary: func(s *report.Summary) {
			if res == nil {
				return // interrupted before the crawl ended
			}
			coverage = &report.CrawlCoverage{UnvisitedByDepth: res.UnvisitedByDepth, UnvisitedByMaxPages: res.UnvisitedByMaxPages,
				Partial: res.UnvisitedByDepth+res.UnvisitedByMaxPages > 0, Depth: o.depth, MaxPages: o.maxPages}
			s.Crawl = coverage
		},
		each: func(r *lint.Result) {
			linted++
			p := r.Origin.(*crawl.Page)
			site.Add(report.SitePage{Type: crawl.PageType(p.URL), HTML: p.HTML, Failed: p.Failed, SkippedByRobots: p.SkippedByRobots}, r.Report)
			startFailed = startFailed || (p.Start && p.Failed)
			if p.Start && p.SkippedByRobots {
				// Nothing of the site was checked: say so, and do not pass.
				startFailed = true
				fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s: robots.txt disallows our user agent, so the page was not crawled; crawl your own site with --ignore-robots, or allow the user agent in robots.txt\n", report.Printable(p.URL))
			}
		},
		afterFinish: func() {
			for _, n := range res.Notes {
				fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s\n", report.Printable(n))
			}
			if c := coverage.Sentence(); c != "" {
				fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s\n", c)
			}
			if !o.g.quiet {
				res.Elapsed = time.Since(began) // the summary's time includes rendering
				totals := report.SiteTotals{Elapsed: res.Elapsed, Requests: res.Requests, NonHTML: res.NonHTML, OffSite: res.OffSite,
					Unvisited: res.UnvisitedByDepth + res.UnvisitedByMaxPages}
				site.Write(totals, o.io.colorWriter(o.io.ErrOut, o.g.color, stderrIsTerminal(o.io)))
			}
		},
		exit: func() error {
			if crawlErr != nil {
				return crawlErr
			}
			if startFailed {
				return &ExitError{Code: ExitInput}
			}
			return nil
		},
	}
	err = l.run(ctx, opts, inputs, hooks)
	if errors.Is(err, errInterrupted) && linted > 0 {
		return &interruption{after: report.Plural(linted, "page", "pages")}
	}
	return err
}

// pageInput is one crawled page as the pipeline's input. The page keeps
// only what the summary counts: its document and sources go with the input.
// With a browser, an HTML page is run in it, and its document becomes the
// rendered one, keeping the crawl's own findings (robots.txt, fetch
// failures, oppref lost by an HTTP redirect, which the browser then no
// longer sees); a page the browser cannot load is checked as fetched, with
// a note on standard error.
func pageInput(p *crawl.Page, browser *render.Browser, notes io.Writer, containers lint.Containers) lint.Input {
	doc, files := p.Doc, p.Files
	p.Doc, p.Files = nil, nil
	containers.Attach(doc)
	return lint.Input{Name: p.URL, SitePage: p.HTML, Origin: p, Load: func(ctx context.Context) (*lint.Loaded, error) {
		if browser == nil || !p.HTML || p.Failed {
			return &lint.Loaded{Doc: doc, Files: files}, nil
		}
		ld, err := capture(ctx, browser, p.URL)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err // interrupted: said once
			}
			fmt.Fprintf(notes, "oaiq-lint: %s: rendering failed (%v); checked as fetched\n", p.URL, err)
			return &lint.Loaded{Doc: doc, Files: files}, nil
		}
		keepCrawlFacts(doc, ld.Doc)
		containers.Attach(ld.Doc)
		return ld, nil
	}}
}

// lockedWriter serialises writes from the pipeline's workers.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(b)
}

// stderrIsTerminal tells whether standard error is a terminal (for the
// progress bar and the summary's colours).
func stderrIsTerminal(s *IOStreams) bool {
	f, ok := s.ErrOut.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
