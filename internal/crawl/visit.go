package crawl

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// visit fetches one URL, extracts it when it is HTML, adds the crawl's own
// findings and queues its links.
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
		msg := fmt.Sprintf("not crawled: the host %s does not resolve (no such host)", hostOf(origin(j.url)))
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true,
			Doc: emptyDoc(j.key, finding(RuleFetchFailed, j.key, msg, "check the host name in the URL, or the network's DNS"))})
		return
	case site.Unreachable != "" && !c.opts.IgnoreRobots:
		msg := fmt.Sprintf("not crawled: %s could not be read (%s), and a crawler must then assume everything is disallowed", site.URL, site.Unreachable)
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true,
			Doc: emptyDoc(j.key, finding(RuleFetchFailed, j.key, msg,
				"make robots.txt answer 200 (or 404 when there is none); ad review cannot read this site either"))})
		return
	case !ours.Allowed && !c.opts.IgnoreRobots:
		p := &Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, SkippedByRobots: true, Doc: emptyDoc(j.key)}
		if f, blocked := c.adsBotFinding(site, j.url, j.key); blocked {
			p.Doc.Findings = append(p.Doc.Findings, f)
		}
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
			c.count(&c.offSite)
			return
		}
		if ctx.Err() != nil {
			return
		}
		c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Failed: true,
			Doc: emptyDoc(j.key, finding(RuleFetchFailed, j.key, "could not fetch the page: "+describeFetchError(err, c.opts.MaxBytes),
				"check that the URL works in a browser; raise --timeout or --max-file-size if the page is just slow or large"))})
		return
	}
	final, err := Normalize(nil, resp.URL.String())
	if err != nil {
		final = j.url
	}
	key := final.String()
	if j.start && final.Host != j.url.Host {
		c.hosts.add(final.Host) // shop.example → www.shop.example: the site lives there
	}
	var crawlFindings []model.Finding
	if c.shouldProbe(j, key, len(resp.Redirects) > 0) {
		if f, ok := c.probeOppref(fetchCtx, j.url, key); ok {
			crawlFindings = append(crawlFindings, f)
		}
	}
	if !c.frontier.claim(key) {
		// Reached through a redirect to a page already reported; keep what
		// only this URL showed.
		if len(crawlFindings) > 0 {
			c.addPage(&Page{URL: j.key, Requested: j.key, Depth: j.depth, Start: j.start, Status: resp.Status, Doc: emptyDoc(j.key, crawlFindings...)})
		}
		return
	}
	page := &Page{URL: key, Requested: j.key, Depth: j.depth, Start: j.start, Status: resp.Status}
	if resp.Status < 200 || resp.Status > 299 {
		page.Failed = true
		page.Doc = emptyDoc(key, append(crawlFindings, finding(RuleFetchFailed, key,
			fmt.Sprintf("the page answers HTTP %d %s", resp.Status, statusText(resp.Status)),
			"fix the page or the link to it: an ad landing here would fail review and lose the visit"))...)
		c.addPage(page)
		return
	}
	if KindFromContentType(resp.Header.Get("Content-Type")) != extract.HTML && !sniffHTML(resp.Body) {
		if len(crawlFindings) > 0 {
			page.Doc = emptyDoc(key, crawlFindings...)
			c.addPage(page)
		}
		c.count(&c.nonHTML)
		return
	}
	page.HTML = true
	page.Doc, page.Files = extract.File(key, resp.Body, ExtractOptions(resp, c.scriptResolver(ctx, resp.URL)))
	if site := c.robotsFor(ctx, origin(final)); site.Unreachable == "" {
		if f, blocked := c.adsBotFinding(site, final, key); blocked {
			crawlFindings = append(crawlFindings, f)
		}
	}
	page.Doc.Findings = append(page.Doc.Findings, crawlFindings...)
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

// adsBotFinding reports a page robots.txt hides from the ads crawler.
func (c *crawler) adsBotFinding(site *siteRobots, u *url.URL, page string) (model.Finding, bool) {
	v := site.Robots.Check(AdsBot, pathAndQuery(u))
	if v.Allowed {
		return model.Finding{}, false
	}
	who := "the `User-agent: " + AdsBot + "` group"
	hint := "allow it: add `User-agent: " + AdsBot + "` with `Allow: " + u.EscapedPath() + "` (or an empty `Disallow:`) to robots.txt"
	if v.Group == "*" {
		who = "the `User-agent: *` group (there is no " + AdsBot + " group)"
		hint = "add a group for the ads crawler that allows landing pages: `User-agent: " + AdsBot + "` then `Allow: /`"
	}
	msg := fmt.Sprintf("robots.txt disallows %s from this page (%s line %d: `%s`, in %s), so an ad landing here fails review",
		AdsBot, site.URL, v.Rule.Line, v.Rule.Text, who)
	return finding(RuleRobotsBlocksAdsBot, page, msg, hint), true
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

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return "(" + t + ")"
	}
	return ""
}
