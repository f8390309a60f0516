package crawl

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxLinksPerPage bounds the distinct links taken from one page, so a page
// of millions of links costs a bounded amount of memory.
const maxLinksPerPage = 20_000

// Links returns the URLs an HTML page links to (a[href], area[href],
// link[href] with rel alternate or canonical, iframe[src], frame[src]),
// resolved against the page's <base href> or final URL, in document order,
// each once, at most maxLinksPerPage. The page is read as a stream of
// tokens, never built into a tree, so memory stays near the size of the
// links kept whatever the page's size. Links the page asks crawlers not to
// follow (rel="nofollow") are still returned: the audit is the site
// owner's, and a landing page may well be one of them.
func Links(page *url.URL, body []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(body))
	var refs []string
	seen := map[string]bool{}
	var baseHref string
	baseSeen := false
	for len(refs) < maxLinksPerPage {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		var want string // the attribute holding the link
		switch atom.Lookup(name) {
		case atom.A, atom.Area, atom.Link:
			want = "href"
		case atom.Iframe, atom.Frame:
			want = "src"
		case atom.Base:
			if baseSeen {
				continue
			}
			want = "href"
		default:
			continue
		}
		tag := atom.Lookup(name)
		var ref, rel string
		found := false
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case want:
				if !found {
					ref, found = string(v), true
				}
			case "rel":
				rel = string(v)
			}
			if !more {
				break
			}
		}
		if !found {
			continue
		}
		switch {
		case tag == atom.Base:
			baseHref, baseSeen = ref, true
			continue
		case tag == atom.Link && !hasWord(rel, "alternate") && !hasWord(rel, "canonical"):
			continue
		}
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") || seen[ref] {
			continue
		}
		seen[ref] = true
		refs = append(refs, ref)
	}
	// <base href> applies to every link, even those written before it.
	base := page
	if baseSeen {
		if b, err := page.Parse(strings.TrimSpace(baseHref)); err == nil {
			base = b
		}
	}
	out := refs[:0]
	for _, ref := range refs {
		if u, err := base.Parse(ref); err == nil {
			out = append(out, u.String())
		}
	}
	return out
}

// hasWord reports whether the space-separated list holds word (any case).
func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}
