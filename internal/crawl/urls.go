package crawl

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// Normalize resolves ref against base (nil for an absolute URL) into the
// canonical form the crawler dedupes on: http or https only, lower-case
// scheme and host, no default port, no fragment, no credentials, "/" for an
// empty path. The query is kept as written: servers may depend on its order.
func Normalize(base *url.URL, ref string) (*url.URL, error) {
	ref = strings.TrimSpace(ref)
	var u *url.URL
	var err error
	if base != nil {
		u, err = base.Parse(ref)
	} else {
		u, err = url.Parse(ref)
	}
	if err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https URLs are crawled, not %q", ref)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %q has no host", ref)
	}
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); (p == "80" && u.Scheme == "http") || (p == "443" && u.Scheme == "https") {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	if u.RawQuery == "" {
		u.ForceQuery = false
	}
	return u, nil
}

// assetExtensions are files a link may name that are never HTML pages;
// they are not fetched.
var assetExtensions = map[string]bool{
	".css": true, ".js": true, ".mjs": true, ".json": true, ".xml": true, ".txt": true, ".pdf": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true, ".ico": true,
	".mp4": true, ".webm": true, ".mp3": true, ".wav": true, ".ogg": true, ".mov": true,
	".zip": true, ".gz": true, ".tgz": true, ".rar": true, ".7z": true, ".dmg": true, ".exe": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".csv": true,
}

// isAsset reports whether a URL names a file that is not a page.
func isAsset(u *url.URL) bool {
	return assetExtensions[strings.ToLower(path.Ext(u.Path))]
}

// PageType groups pages for the summary by their first path segment:
// "/products/shoe" is "/products/", "/about" and "/" are "/".
func PageType(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "/"
	}
	p := strings.TrimPrefix(u.Path, "/")
	if i := strings.IndexByte(p, '/'); i > 0 {
		return "/" + p[:i+1]
	}
	return "/"
}

// origin is scheme://host, the unit robots.txt applies to.
func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }

// pathAndQuery is what robots.txt rules are matched against.
func pathAndQuery(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}
