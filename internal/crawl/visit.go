package crawl

import (
	"context"
	"errors"
	"hash/fnv"
	"net/url"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// visit fetches one URL, extracts it when it is HTML, records what only
// the crawl sees (fetch failures, robots.txt's verdict, oppref lost) as
// facts on its document and queues its links.
func (c *crawler) visit(ctx context.Context, j job) {
	defer c.done.Add(1)
	if c.frontier.isClaimed(j.key) {
		return // another URL redirected here and was reported as this page
	}
	site := c.robotsFor(ctx, origin(j.url))
	if ctx.Err() != nil {
		return // interrupted: robots.txt was not read, which says nothing of the site
	}
	ours := site.Robots.Check(c.opts.UserAgent, pathAndQuery(j.url))
	switch {
	case site.NoHost:
		doc := emptyDoc(j.key)
		doc.FetchFailure = &model.FetchFailure{Kind: model.HostUnresolved, Reason: hostOf(origin(j.url))}
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true, Doc: doc})
		return
	case site.Unreachable != "" && !c.opts.IgnoreRobots:
		doc := emptyDoc(j.key)
		doc.FetchFailure = &model.FetchFailure{Kind: model.RobotsUnreadable, RobotsURL: site.URL, Reason: site.Unreachable}
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true, Doc: doc})
		return
	case !ours.Allowed && !c.opts.IgnoreRobots:
		p := &Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, SkippedByRobots: true, Doc: emptyDoc(j.key)}
		p.Doc.RobotsBlock = adsBotBlock(site, j.url)
		c.addPage(p)
		return
	}

	fetchCtx := ctx
	if j.start {
		fetchCtx = anyHost(ctx)
	}
	resp, err := c.client.Get(fetchCtx, j.key)
	if err != nil {
		var off *OffHostError
		if errors.As(err, &off) && !j.start {
			if d, ok := carriedOppref(j.url, []string{j.key, off.URL}); ok {
				c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Doc: emptyDoc(j.key, d)})
			}
			c.count(&c.offSite)
			return
		}
		if ctx.Err() != nil {
			return
		}
		doc := emptyDoc(j.key)
		doc.FetchFailure = &model.FetchFailure{Kind: model.FetchError, Reason: describeFetchError(err, c.opts.MaxBytes)}
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true, Doc: doc})
		return
	}
	final, err := Normalize(nil, resp.URL.String())
	if err != nil {
		final = j.url
	}
	key := final.String()
	if j.start && originKey(final) != originKey(j.url) {
		c.hosts.addOrigin(final) // shop.example → www.shop.example: the site lives there
	}
	var drops []model.OpprefDrop // what only this URL showed
	if d, ok := carriedOppref(j.url, append(append([]string(nil), resp.Redirects...), resp.URL.String())); ok {
		drops = append(drops, d)
	} else if c.shouldProbe(j, key, len(resp.Redirects) > 0) {
		if d, ok := c.probeOppref(fetchCtx, j.url); ok {
			drops = append(drops, d)
		}
	}
	if !c.frontier.claim(key) {
		// Reached through a redirect to a page already reported; keep what
		// only this URL showed.
		if len(drops) > 0 {
			c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Status: resp.Status, Doc: emptyDoc(j.key, drops...)})
		}
		return
	}
	page := &Page{URL: key, Requested: j.key, Depth: j.depth, Start: j.start, Status: resp.Status}
	if resp.Status < 200 || resp.Status > 299 {
		page.Failed = true
		page.Doc = emptyDoc(key, drops...)
		page.Doc.FetchFailure = &model.FetchFailure{Kind: model.FetchStatus, Status: resp.Status}
		c.addPage(page)
		return
	}
	if KindFromContentType(resp.Header.Get("Content-Type")) != extract.HTML && !sniffHTML(resp.Body) {
		if len(drops) > 0 {
			page.Doc = emptyDoc(key, drops...)
			c.addPage(page)
		}
		c.count(&c.nonHTML)
		return
	}
	page.HTML = true
	page.Doc, page.Files = extract.File(key, resp.Body, ExtractOptions(resp, c.scriptResolver(ctx, resp.URL)))
	if site := c.robotsFor(ctx, origin(final)); site.Unreachable == "" {
		page.Doc.RobotsBlock = adsBotBlock(site, final)
	}
	page.Doc.OpprefDrops = append(page.Doc.OpprefDrops, drops...)
	c.addPage(page)
	for _, link := range Links(resp.URL, resp.Body) {
		c.admit(resp.URL, link, j.depth+1)
	}
}

func (c *crawler) count(n *int) {
	c.mu.Lock()
	*n++
	c.mu.Unlock()
}

// sniffHTML accepts a page served without a usable Content-Type when it
// plainly starts as HTML.
func sniffHTML(body []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(body[:min(len(body), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// adsBotBlock is robots.txt's verdict when it hides u from the ads
// crawler, else nil.
func adsBotBlock(site *siteRobots, u *url.URL) *model.RobotsBlock {
	v := site.Robots.Check(AdsBot, pathAndQuery(u))
	if v.Allowed {
		return nil
	}
	return &model.RobotsBlock{Agent: AdsBot, RobotsURL: site.URL, Line: v.Rule.Line, Text: v.Rule.Text, Group: v.Group, Path: u.EscapedPath()}
}

// shouldProbe picks the pages whose redirects are tested with oppref: the
// start pages, pages reached through a redirect, and a sample of the
// rest chosen by a hash of the URL, so the sample is the same every run.
func (c *crawler) shouldProbe(j job, final string, redirected bool) bool {
	if j.start || redirected {
		return true
	}
	if c.opts.OpprefSample <= 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(final))
	return int(h.Sum32()%100) < c.opts.OpprefSample
}
