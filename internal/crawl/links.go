package crawl

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// linkSelectors are the elements whose URLs lead to other pages.
const linkSelectors = `a[href], area[href], link[rel~="alternate"][href], link[rel~="canonical"][href], iframe[src], frame[src]`

// Links returns the URLs an HTML page links to, resolved against the
// page's <base href> or final URL, in document order. Links the page asks
// crawlers not to follow (rel="nofollow") are still returned: the audit is
// the site owner's, and a landing page may well be one of them.
func Links(page *url.URL, body []byte) []string {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil
	}
	base := page
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := page.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	var out []string
	doc.Find(linkSelectors).Each(func(_ int, s *goquery.Selection) {
		ref, ok := s.Attr("href")
		if !ok {
			ref, _ = s.Attr("src")
		}
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") {
			return
		}
		if u, err := base.Parse(ref); err == nil {
			out = append(out, u.String())
		}
	})
	return out
}
