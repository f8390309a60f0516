package crawl

import (
	"context"
	"fmt"
	"net/url"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// maxSitemapNesting bounds sitemap indexes that list indexes;
// maxSitemapFetches bounds the sitemaps read in one crawl, however they
// nest, so indexes listing one another (or themselves) cost requests in
// the hundreds at worst, never in the thousands.
const (
	maxSitemapNesting = 3
	maxSitemapFetches = 200
)

// loadSitemap queues the pages a sitemap (or, recursively, a sitemap
// index) lists, at depth 0. Sitemaps list pages of their own host only.
// Each sitemap is read once; none is read once the page budget
// (--max-pages) is spent or maxSitemapFetches were read.
func (c *crawler) loadSitemap(ctx context.Context, u *url.URL, nesting int) {
	key := u.String()
	if c.sitemapsSeen[key] || ctx.Err() != nil {
		return
	}
	if nesting > 0 && c.frontier.full() {
		return // no page it lists could be visited
	}
	if len(c.sitemapsSeen) >= maxSitemapFetches {
		if !c.sitemapBudgetNoted {
			c.sitemapBudgetNoted = true
			c.note("more than %d sitemaps: the rest were not read", maxSitemapFetches)
		}
		return
	}
	c.sitemapsSeen[key] = true
	fail := func(msg string) {
		doc := emptyDoc(key)
		doc.FetchFailure = &model.FetchFailure{Kind: model.SitemapUnreadable, Reason: msg}
		c.addPage(&Page{URL: key, Requested: key, Start: nesting == 0, Failed: true, Doc: doc})
	}
	resp, err := c.client.Get(ctx, key)
	if err != nil {
		fail(describeFetchError(err, c.opts.MaxBytes))
		return
	}
	if resp.Status < 200 || resp.Status > 299 {
		fail(fmt.Sprintf("HTTP %d", resp.Status))
		return
	}
	sm, err := ParseSitemap(resp.Body, c.opts.MaxBytes)
	if err != nil {
		fail(err.Error())
		return
	}
	for _, loc := range sm.Pages {
		p, err := Normalize(resp.URL, loc)
		if err != nil || p.Host != resp.URL.Host || !c.hosts.allows(p) || !c.wanted(p.String()) {
			continue
		}
		c.frontier.push(job{url: p, key: p.String()})
	}
	if nesting >= maxSitemapNesting {
		if len(sm.Sitemaps) > 0 {
			c.note("%s: sitemap indexes nested deeper than %d levels were not read", key, maxSitemapNesting)
		}
		return
	}
	for _, loc := range sm.Sitemaps {
		child, err := Normalize(resp.URL, loc)
		if err != nil || child.Host != resp.URL.Host || !c.hosts.allows(child) {
			continue
		}
		c.loadSitemap(ctx, child, nesting+1)
	}
}
