package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// maxCrawlDelay caps a robots.txt Crawl-delay, so one line cannot stall a
// crawl for hours.
const maxCrawlDelay = 30 * time.Second

// Options shape a crawl. Zero values get the defaults noted.
type Options struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups by its product token (the part before "/").
	UserAgent string
	// Concurrency bounds the requests in flight (default 4).
	Concurrency int
	// Rate is the most requests per second started to one host; 0: no limit.
	Rate float64
	// Timeout bounds one request, body included (default 30 s).
	Timeout time.Duration
	// MaxBytes caps a response body (default fetch.DefaultMaxBytes).
	MaxBytes int64
	// MaxRedirects bounds one redirect chain (default 10).
	MaxRedirects int
	// Retries of a request answered 429 or 5xx, or whose connection dropped.
	Retries int
	// RetryBackoff is the first wait before a retry, doubled each time
	// (default 500 ms); MaxRetryWait is the longest Retry-After honoured
	// (default 60 s): a server asking for more is not retried.
	RetryBackoff time.Duration
	MaxRetryWait time.Duration
	// MaxPages bounds the URLs visited besides the start URLs; 0: no limit.
	MaxPages int
	// MaxDepth bounds the links followed from a start page or sitemap
	// entry; negative: no limit.
	MaxDepth int
	// Include, when not empty, admits only linked URLs matching one of
	// them; Exclude drops linked URLs matching any. Start URLs are always
	// visited.
	Include, Exclude []*regexp.Regexp
	// AllowHosts are hosts besides the start hosts whose pages are crawled:
	// "host", "host:port" or "*.example.com".
	AllowHosts []string
	// IgnoreRobots visits pages robots.txt disallows for UserAgent (a
	// site's own staging copy); the ads crawler's verdict is still reported.
	IgnoreRobots bool
	// OpprefSample is the percentage of pages, besides start pages and
	// pages reached through a redirect, probed for oppref-dropped.
	OpprefSample int
	// Transport carries the requests (default: a clone of
	// http.DefaultTransport that keeps Concurrency connections per host).
	Transport http.RoundTripper
	// Progress, when set, is called after each URL visited.
	Progress func(Progress)
}

// Progress is how far a crawl is.
type Progress struct {
	Done, Queued, Failed int
}

// Page is one visited URL and what it yielded.
type Page struct {
	// URL is the page's final URL (after redirects), which findings name;
	// Requested is the URL that was asked for.
	URL, Requested string
	Depth          int
	// Start is true for URLs and sitemaps named on the command line.
	Start  bool
	Status int
	// HTML is true for fetched HTML pages, whose Doc holds the extraction.
	HTML bool
	// Failed is true when the page could not be fetched or answered 4xx/5xx.
	Failed bool
	// SkippedByRobots is true when robots.txt disallowed our user agent.
	SkippedByRobots bool
	// Doc is the document to check: the extracted page, or an empty one
	// carrying what the crawl saw (model.Facts). Files are its sources.
	Doc *model.Document
	// Rendered is true when a browser replaced Doc with what it recorded;
	// the first RecordedCalls of Doc's calls are the ones the page made
	// (the rest are written in the page but were not made).
	Rendered      bool
	RecordedCalls int
	Files         []*source.File
}

// Result is a finished crawl.
type Result struct {
	// Pages are sorted by URL, so output is the same from run to run
	// (Run only: Stream hands each page over as it is visited).
	Pages []*Page
	// Requests counts every request sent, retries, robots.txt, sitemaps,
	// scripts and oppref probes included.
	Requests int64
	// NonHTML counts fetched URLs that were not HTML; OffSite counts links
	// that redirected to a host outside the crawl. Neither is checked.
	NonHTML, OffSite int
	Elapsed          time.Duration
	// Notes are things the user should know that are not findings.
	Notes []string
	// UnvisitedByDepth and UnvisitedByMaxPages count the linked URLs the
	// crawl found but did not visit because --depth or --max-pages was
	// reached: the site was seen in part.
	UnvisitedByDepth, UnvisitedByMaxPages int
}

type crawler struct {
	opts     Options
	client   *politeClient
	scripts  *scriptCache
	limiter  *hostLimiter
	hosts    *hostSet
	frontier *frontier
	robots   robotsCache

	// sitemapsSeen are the sitemaps read (sitemaps are read one at a time,
	// before the workers start).
	sitemapsSeen       map[string]bool
	sitemapBudgetNoted bool

	mu      sync.Mutex
	emit    func(*Page)
	notes   []string
	nonHTML int
	offSite int
	done    atomic.Int64
	failed  atomic.Int64
}

// Run crawls from the start URLs and the pages the sitemaps list, and
// returns the pages sorted by URL. It returns an error only for unusable
// options or start URLs; every page problem is a fact on that page's
// document, which a rule reports.
func Run(ctx context.Context, starts, sitemaps []string, opts Options) (*Result, error) {
	var mu sync.Mutex
	var pages []*Page
	c, err := New(starts, sitemaps, opts)
	if err != nil {
		return nil, err
	}
	res, err := c.Stream(ctx, func(p *Page) {
		mu.Lock()
		pages = append(pages, p)
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	res.Pages = pages
	return res, nil
}

// Crawler is a crawl ready to run, its options and start URLs checked.
type Crawler struct {
	c     *crawler
	seeds seedSet
}

// New checks the options and start URLs of a crawl; an error is about them
// (a usage error), never about the site.
func New(starts, sitemaps []string, opts Options) (*Crawler, error) {
	c, seeds, err := newCrawler(starts, sitemaps, opts)
	if err != nil {
		return nil, err
	}
	return &Crawler{c: c, seeds: seeds}, nil
}

// Stream crawls as Run does but hands each page to emit as soon as it is
// visited, from the crawl's workers (emit must be safe for concurrent use;
// while it blocks, that worker fetches nothing more), and keeps none: what
// the crawl holds is its frontier's URL set. The Result has no Pages.
// A crawler streams once.
func (cr *Crawler) Stream(ctx context.Context, emit func(*Page)) (*Result, error) {
	began := time.Now()
	c, seeds := cr.c, cr.seeds
	c.emit = emit
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		<-ctx.Done()
		c.frontier.close()
	}()
	for _, j := range seeds.starts {
		c.frontier.push(j)
	}
	for _, sm := range seeds.sitemaps {
		c.loadSitemap(ctx, sm, 0)
	}
	var wg sync.WaitGroup
	for range c.opts.Concurrency {
		wg.Go(func() {
			for {
				j, ok := c.frontier.pop()
				if !ok {
					return
				}
				c.visit(ctx, j)
				c.frontier.done()
				c.reportProgress()
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	byDepth, byMaxPages := c.frontier.unvisited()
	return &Result{Requests: c.client.requests.Load(), NonHTML: c.nonHTML, OffSite: c.offSite,
		Elapsed: time.Since(began), Notes: c.notes, UnvisitedByDepth: byDepth, UnvisitedByMaxPages: byMaxPages}, nil
}

// InScope reports whether u is on a host the crawl may reach (its start
// origins, where they redirected, and --allow-host), for a browser that
// renders its pages.
func (cr *Crawler) InScope(u *url.URL) bool { return cr.c.hosts.allows(u) }

type seedSet struct {
	starts   []job
	sitemaps []*url.URL
}

func newCrawler(starts, sitemaps []string, opts Options) (*crawler, seedSet, error) {
	opts = withDefaults(opts)
	var seeds seedSet
	hosts := newHostSet(opts.AllowHosts)
	for _, s := range starts {
		u, err := Normalize(nil, s)
		if err != nil {
			return nil, seeds, err
		}
		hosts.addOrigin(u)
		seeds.starts = append(seeds.starts, job{url: u, key: u.String(), start: true})
	}
	for _, s := range sitemaps {
		u, err := Normalize(nil, s)
		if err != nil {
			return nil, seeds, fmt.Errorf("--sitemap: %w", err)
		}
		hosts.addOrigin(u)
		seeds.sitemaps = append(seeds.sitemaps, u)
	}
	if len(seeds.starts) == 0 && len(seeds.sitemaps) == 0 {
		return nil, seeds, errors.New("nothing to crawl: give a start URL or --sitemap")
	}
	transport := opts.Transport
	if transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = opts.Concurrency + 2
		transport = t
	}
	fc := fetch.New(opts.UserAgent)
	fc.HTTP = &http.Client{Timeout: opts.Timeout, Transport: &hostGuard{next: transport, hosts: hosts}}
	fc.MaxBytes = opts.MaxBytes
	fc.MaxRedirects = opts.MaxRedirects
	// Bodies over a few MB are read one at a time: memory stays near one
	// --max-file-size, not concurrency times it.
	fc.LargeBodies = make(chan struct{}, 1)
	limiter := newHostLimiter(opts.Rate)
	client := &politeClient{fetch: fc, limiter: limiter, retries: opts.Retries, backoff: opts.RetryBackoff, maxWait: opts.MaxRetryWait}
	c := &crawler{
		opts: opts, client: client, limiter: limiter, hosts: hosts,
		scripts:  &scriptCache{get: client, entries: map[string]*scriptEntry{}},
		frontier: newFrontier(opts.MaxPages),
		robots:   robotsCache{entries: map[string]*robotsEntry{}},

		sitemapsSeen: map[string]bool{},
	}
	return c, seeds, nil
}

func withDefaults(o Options) Options {
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.Timeout <= 0 {
		o.Timeout = fetch.DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = fetch.DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = fetch.DefaultMaxRedirects
	}
	if o.RetryBackoff <= 0 {
		o.RetryBackoff = 500 * time.Millisecond
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = time.Minute
	}
	if o.UserAgent == "" {
		o.UserAgent = "oaiq-lint"
	}
	return o
}

func (c *crawler) reportProgress() {
	if c.opts.Progress == nil {
		return
	}
	c.opts.Progress(Progress{Done: int(c.done.Load()), Queued: c.frontier.queued(), Failed: int(c.failed.Load())})
}

func (c *crawler) addPage(p *Page) {
	if p.Failed {
		c.failed.Add(1)
	}
	c.emit(p)
}

func (c *crawler) note(format string, args ...any) {
	c.mu.Lock()
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
	c.mu.Unlock()
}

// emptyDoc is the document of a page that was not extracted: it carries
// only what the crawl saw.
func emptyDoc(name string, drops ...model.OpprefDrop) *model.Document {
	doc := &model.Document{Path: name, Kind: model.Page}
	doc.OpprefDrops = drops
	return doc
}

// admit queues a link found on a page at depth, if the crawl's bounds let it.
func (c *crawler) admit(base *url.URL, ref string, depth int) {
	u, err := Normalize(base, ref)
	if err != nil || isAsset(u) || !c.hosts.allows(u) || !c.wanted(u.String()) {
		return
	}
	if c.opts.MaxDepth >= 0 && depth > c.opts.MaxDepth {
		c.frontier.refuse(u.String(), byDepth)
		return
	}
	c.frontier.push(job{url: u, key: u.String(), depth: depth})
}

// wanted applies --include and --exclude.
func (c *crawler) wanted(s string) bool {
	for _, re := range c.opts.Exclude {
		if re.MatchString(s) {
			return false
		}
	}
	if len(c.opts.Include) == 0 {
		return true
	}
	for _, re := range c.opts.Include {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// scriptResolver reads a page's same-origin scripts through the crawl's
// cache and limits.
func (c *crawler) scriptResolver(ctx context.Context, base *url.URL) extract.Resolver {
	return &fetch.SameOriginResolver{Ctx: ctx, Client: c.scripts, Base: base}
}
