package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
)

// hostSet is the set of origins a crawl may send requests to. A start URL
// (or where it redirected) admits its own scheme, host and port — and, on
// a default port, the same host on the other scheme's default port, the
// usual http → https move — never another port of that host
// (shop.example:6379). --allow-host entries are the user's word: one with a
// port matches that host:port, one without the host on any port,
// "*.example.com" its subdomains.
type hostSet struct {
	mu      sync.RWMutex
	hosts   map[string]bool // --allow-host entries
	origins map[string]bool // scheme://host:port
}

func newHostSet(hosts []string) *hostSet {
	s := &hostSet{hosts: map[string]bool{}, origins: map[string]bool{}}
	for _, h := range hosts {
		s.add(h)
	}
	return s
}

// defaultPorts are the ports a URL without one uses.
var defaultPorts = map[string]string{"http": "80", "https": "443"}

// originKey is u's scheme, host and port, the port spelled out.
func originKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = defaultPorts[strings.ToLower(u.Scheme)]
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(net.JoinHostPort(u.Hostname(), port))
}

// addOrigin admits the origin of a start URL.
func (s *hostSet) addOrigin(u *url.URL) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.origins[originKey(u)] = true
	if p := u.Port(); p == "" || p == defaultPorts[strings.ToLower(u.Scheme)] {
		for scheme := range defaultPorts {
			s.origins[originKey(&url.URL{Scheme: scheme, Host: u.Hostname()})] = true
		}
	}
}

func (s *hostSet) add(h string) {
	h = strings.ToLower(strings.TrimSpace(h))
	if h == "" {
		return
	}
	s.mu.Lock()
	s.hosts[h] = true
	s.mu.Unlock()
}

// allows reports whether u may be visited.
func (s *hostSet) allows(u *url.URL) bool {
	host := strings.ToLower(u.Host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.origins[originKey(u)] || s.hosts[host] || s.hosts[name] {
		return true
	}
	for d := name; ; {
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return false
		}
		d = d[i+1:]
		if s.hosts["*."+d] {
			return true
		}
	}
}

// OffHostError is a request (usually a redirect) to a host outside the
// crawl. Its URL tells where the redirect pointed.
type OffHostError struct{ URL string }

func (e *OffHostError) Error() string {
	return "redirects to " + e.URL + ", on a host outside the crawl (add it with --allow-host to follow)"
}

type anyHostKey struct{}

// anyHost marks a context whose requests may leave the crawl's hosts: a
// start URL is followed wherever it redirects.
func anyHost(ctx context.Context) context.Context { return context.WithValue(ctx, anyHostKey{}, true) }

// hostGuard refuses requests to hosts outside the crawl before anything
// is sent, so no request (and no header) reaches a host nobody allowed.
type hostGuard struct {
	next  http.RoundTripper
	hosts *hostSet
}

func (g *hostGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Context().Value(anyHostKey{}) == nil && !g.hosts.allows(req.URL) {
		return nil, &OffHostError{URL: req.URL.String()}
	}
	return g.next.RoundTrip(req)
}

// politeClient fetches through the per-host limiter and retries 429 and
// 5xx answers and dropped connections with exponential backoff, honouring
// Retry-After up to a limit. It never stores or sends cookies (no jar).
type politeClient struct {
	fetch    *fetch.Client
	limiter  *hostLimiter
	retries  int
	backoff  time.Duration
	maxWait  time.Duration
	requests atomic.Int64
}

// Get implements fetch.Getter.
func (p *politeClient) Get(ctx context.Context, rawURL string) (*fetch.Response, error) {
	host := hostOf(rawURL)
	for attempt := 0; ; attempt++ {
		if err := p.limiter.wait(ctx, host); err != nil {
			return nil, err
		}
		p.requests.Add(1)
		resp, err := p.fetch.Get(ctx, rawURL)
		if resp != nil {
			p.requests.Add(int64(len(resp.Redirects))) // each hop is a request too
		}
		wait, again := p.retryAfter(resp, err, attempt)
		if !again {
			return resp, err
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// retryAfter decides whether to try again and after how long.
func (p *politeClient) retryAfter(resp *fetch.Response, err error, attempt int) (time.Duration, bool) {
	if attempt >= p.retries {
		return 0, false
	}
	backoff := p.backoff << attempt
	backoff += rand.N(backoff/2 + 1)
	if err != nil {
		return backoff, transient(err)
	}
	if resp.Status != http.StatusTooManyRequests && resp.Status < 500 {
		return 0, false
	}
	if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
		if ra > p.maxWait {
			return 0, false // the server asks for more patience than the run has
		}
		return max(ra, backoff), true
	}
	return backoff, true
}

// transient reports whether a transport error is worth retrying: a reset
// or refused connection, not a timeout (retrying would multiply the wait),
// a refused host, a size cap or a redirect loop.
func transient(err error) bool {
	var off *OffHostError
	var ne net.Error
	switch {
	case errors.As(err, &off), errors.Is(err, fetch.ErrTooLarge), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.As(err, &ne) && ne.Timeout():
		return false
	}
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
		// Clamped before converting: 10000000000 seconds overflows a
		// Duration and would turn negative.
		return time.Duration(min(s, int64(math.MaxInt64/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func hostOf(rawURL string) string {
	rest := rawURL
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.ToLower(rest)
}

// scriptCache fetches each script once per crawl: most pages of a site
// share their scripts.
type scriptCache struct {
	get     fetch.Getter
	mu      sync.Mutex
	entries map[string]*scriptEntry
}

type scriptEntry struct {
	once sync.Once
	resp *fetch.Response
	err  error
}

func (c *scriptCache) Get(ctx context.Context, rawURL string) (*fetch.Response, error) {
	c.mu.Lock()
	e := c.entries[rawURL]
	if e == nil {
		e = &scriptEntry{}
		c.entries[rawURL] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.resp, e.err = c.get.Get(ctx, rawURL) })
	return e.resp, e.err
}

// describeFetchError turns a fetch error into words for fetch-failed.
func describeFetchError(err error, maxBytes int64) string {
	var off *OffHostError
	var ne net.Error
	switch {
	case errors.As(err, &off):
		return off.Error()
	case errors.Is(err, fetch.ErrTooLarge):
		return fmt.Sprintf("the response is larger than the size limit (%d bytes)", maxBytes)
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return "no complete answer within the timeout"
	case strings.Contains(err.Error(), "redirects"):
		return "too many redirects (a redirect loop?): " + unwrapURLError(err)
	}
	return unwrapURLError(err)
}

// unwrapURLError drops net/http's `Get "URL": ` prefix: findings already
// name the page.
func unwrapURLError(err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, "Get \"") {
		if i := strings.Index(msg, "\": "); i > 0 {
			return msg[i+3:]
		}
	}
	return msg
}
