package crawl

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"

	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
)

// siteRobots is one origin's robots.txt as the crawl found it.
type siteRobots struct {
	URL    string
	Robots *Robots // nil when there is none (allow all) or it failed
	// Unreachable says why robots.txt could not be read (a 5xx answer or a
	// network error); RFC 9309 then asks crawlers to assume full disallow.
	Unreachable string
	// NoHost is set when the host's name does not resolve: nothing of the
	// site can be read, and robots.txt is not to blame.
	NoHost bool
}

type robotsCache struct {
	mu      sync.Mutex
	entries map[string]*robotsEntry
}

type robotsEntry struct {
	once sync.Once
	site *siteRobots
}

// robotsFor fetches an origin's robots.txt once per crawl.
func (c *crawler) robotsFor(ctx context.Context, origin string) *siteRobots {
	c.robots.mu.Lock()
	e := c.robots.entries[origin]
	if e == nil {
		e = &robotsEntry{}
		c.robots.entries[origin] = e
	}
	c.robots.mu.Unlock()
	e.once.Do(func() {
		s := &siteRobots{URL: origin + "/robots.txt"}
		// RFC 9309: redirects are followed (at least five, even to
		// another host: http://shop.example/robots.txt →
		// https://www.shop.example/robots.txt is common), and a file over
		// the size cap is parsed to its first 500 KiB.
		rctx := fetch.WithPrefix(anyHost(ctx), robotsMaxBytes)
		resp, err := c.client.Get(rctx, s.URL)
		switch {
		case err != nil:
			s.Unreachable = describeFetchError(err, c.opts.MaxBytes)
			var dns *net.DNSError
			s.NoHost = errors.As(err, &dns) && dns.IsNotFound
		case resp.Status >= 500:
			s.Unreachable = fmt.Sprintf("HTTP %d", resp.Status)
		case resp.Status >= 200 && resp.Status < 300:
			s.Robots = ParseRobots(resp.Body)
			if d := s.Robots.CrawlDelay(c.opts.UserAgent); d > 0 {
				c.limiter.slow(hostOf(origin), min(d, maxCrawlDelay))
			}
		}
		// Any other status (404, 403, …) means there is no robots.txt: all allowed.
		e.site = s
	})
	return e.site
}
