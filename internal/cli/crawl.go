package cli

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// crawlOptions are the flags of `oaiq-lint crawl`.
type crawlOptions struct {
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
	o := &crawlOptions{}
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
			return o.run(cmd.Context(), &lintRun{io: streams, g: g}, args)
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
	f.Int64Var(&o.maxFileSize, "max-file-size", fetch.DefaultMaxBytes, "largest response read, in bytes; larger pages are fetch-failed")
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
		opts.UserAgent = (&sourceOptions{}).userAgent()
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

func (o *crawlOptions) run(ctx context.Context, l *lintRun, starts []string) error {
	threshold, err := l.prepare()
	if err != nil {
		return err
	}
	pr := l.project
	opts, err := o.crawlerOptions(l)
	if err != nil {
		return err
	}
	if l.containers, err = readGTMFlag(o.gtmExports, o.maxFileSize); err != nil {
		return err
	}
	var record *os.File
	if o.record != "" {
		if record, err = os.Create(o.record); err != nil {
			return usageErrorf("--record: %v", err)
		}
		defer record.Close()
	}
	reps, closeFiles, err := l.openReporters()
	if err != nil {
		return err
	}
	bar := newProgressBar(l.io, l.g.quiet)
	opts.Progress = bar.update
	began := time.Now()
	res, err := crawl.Run(ctx, starts, o.sitemaps, opts)
	bar.clear()
	if err != nil {
		closeFiles()
		return usageErrorf("%v", err)
	}
	if err := o.render.renderPages(ctx, res.Pages, l.io.ErrOut); err != nil {
		closeFiles()
		return err
	}
	res.Elapsed = time.Since(began) // the summary's time includes rendering

	results := checkPages(l, res.Pages)
	sum := report.Summary{}
	site := newSiteSummary(res)
	failed, startFailed := false, false
	var repErr error
	for i, p := range res.Pages {
		r := &results[i]
		pr.settle(r)
		sum.Add(*r)
		site.add(p, r.Findings)
		startFailed = startFailed || (p.Start && p.Failed)
		if p.Start && p.SkippedByRobots {
			// Nothing of the site was checked: say so, and do not pass.
			startFailed = true
			fmt.Fprintf(l.io.ErrOut, "oaiq-lint: %s: robots.txt disallows our user agent, so the page was not crawled; crawl your own site with --ignore-robots, or allow the user agent in robots.txt\n", report.Printable(p.URL))
		}
		for _, f := range r.Findings {
			failed = failed || (threshold != 0 && f.Severity >= threshold)
		}
		if repErr == nil {
			repErr = reps.Result(*r)
		}
	}
	repErr = l.finish(reps, closeFiles, sum, repErr)
	if record != nil && repErr == nil {
		repErr = writeRecord(record, res.Pages)
	}
	if repErr != nil {
		return fmt.Errorf("writing output: %w", repErr)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(l.io.ErrOut, "oaiq-lint: %s\n", report.Printable(n))
	}
	if !l.g.quiet {
		site.write(l.io.colorWriter(l.io.ErrOut, l.g.color, stderrIsTerminal(l.io)))
	}
	switch {
	case startFailed:
		return &ExitError{Code: ExitInput}
	case failed:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// checkPages runs the rules over every page in parallel, after telling each
// HTML page how many of its siblings load the SDK (snippet-coverage).
func checkPages(l *lintRun, pages []*crawl.Page) []report.Result {
	siteFacts := &model.SiteFacts{}
	for _, p := range pages {
		if p.HTML {
			siteFacts.Pages++
			if p.Doc.Page != nil && len(p.Doc.Page.Loaders) > 0 {
				siteFacts.PagesWithSDK++
			}
		}
	}
	results := make([]report.Result, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pages {
		if p.HTML && p.Doc.Page != nil {
			p.Doc.Page.Site = siteFacts
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			results[i] = checkPage(l, p)
		})
	}
	wg.Wait()
	return results
}

func checkPage(l *lintRun, p *crawl.Page) (res report.Result) {
	res = report.Result{Path: p.URL}
	defer func() {
		if r := recover(); r != nil {
			res.Findings = append(res.Findings, model.Finding{Rule: crawl.RuleFetchFailed, Severity: model.Error,
				Span: model.Span{File: p.URL}, Message: fmt.Sprintf("internal error while checking the page (please report it): %v", r)})
		}
	}()
	opts := l.project.ruleOptions(p.URL)
	l.attachContainers(p.Doc)
	res.Calls = len(p.Doc.Calls)
	res.Findings = rules.Check(p.Doc, opts)
	addFacts(&res, p.Doc)
	res.Sources = make(map[string]*source.File, len(p.Files))
	for _, f := range p.Files {
		res.Sources[f.Name] = f
	}
	suppressInline(&res, opts)
	if len(res.Findings) == 0 {
		res.Sources = nil // a long crawl keeps only the sources it will quote
	}
	return res
}

// writeRecord writes every call of every page as an event log, in page order.
func writeRecord(f *os.File, pages []*crawl.Page) error {
	w := eventlog.NewWriter(f)
	for _, p := range pages {
		calls := p.Doc.Calls
		if p.Rendered {
			calls = calls[:min(p.RecordedCalls, len(calls))] // what the page really made
		}
		for _, c := range calls {
			rec := eventlog.CallRecord(c, p.Doc)
			if rec.URL == "" {
				rec.URL = p.URL
			}
			if err := w.Write(rec); err != nil {
				return fmt.Errorf("--record: %w", err)
			}
		}
	}
	return nil
}

// stderrIsTerminal tells whether standard error is a terminal (for the
// progress bar and the summary's colours).
func stderrIsTerminal(s *IOStreams) bool {
	f, ok := s.ErrOut.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
