package crawl

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
)

// ExtractOptions describe a fetched response to the extractor: its final
// URL, charset, Content-Security-Policy headers, and how to read its
// scripts. `check URL` and the crawler read pages the same way through it.
func ExtractOptions(resp *fetch.Response, scripts extract.Resolver) extract.Options {
	ct := resp.Header.Get("Content-Type")
	return extract.Options{
		Kind:                 KindFromContentType(ct),
		ContentType:          ct,
		CSPHeaders:           resp.Header.Values("Content-Security-Policy"),
		CSPReportOnlyHeaders: resp.Header.Values("Content-Security-Policy-Report-Only"),
		URL:                  resp.URL.String(),
		Resolver:             scripts,
	}
}

// KindFromContentType reads a Content-Type header as HTML, JS or unknown.
func KindFromContentType(ct string) extract.Kind {
	switch {
	case strings.Contains(ct, "html"):
		return extract.HTML
	case strings.Contains(ct, "javascript") || strings.Contains(ct, "ecmascript"):
		return extract.JS
	}
	return extract.Auto
}
