package crawl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Sitemap is a parsed sitemap: page URLs (urlset) or further sitemaps
// (sitemapindex).
type Sitemap struct {
	Pages    []string
	Sitemaps []string
}

// ParseSitemap reads a sitemap or sitemap index (sitemaps.org 0.9), gzip
// compressed or not, or a plain-text sitemap of one URL per line.
// maxBytes caps the uncompressed size.
func ParseSitemap(data []byte, maxBytes int64) (*Sitemap, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		plain, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		if int64(len(plain)) > maxBytes {
			return nil, fmt.Errorf("uncompressed sitemap is larger than %d bytes", maxBytes)
		}
		data = plain
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if !bytes.HasPrefix(trimmed, []byte("<")) {
		return parseTextSitemap(trimmed), nil
	}
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	dec := xml.NewDecoder(bytes.NewReader(trimmed))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a sitemap: %w", err)
	}
	if doc.XMLName.Local != "urlset" && doc.XMLName.Local != "sitemapindex" {
		return nil, fmt.Errorf("not a sitemap: root element <%s>, want <urlset> or <sitemapindex>", doc.XMLName.Local)
	}
	sm := &Sitemap{}
	for _, u := range doc.URLs {
		if loc := strings.TrimSpace(u.Loc); loc != "" {
			sm.Pages = append(sm.Pages, loc)
		}
	}
	for _, s := range doc.Sitemaps {
		if loc := strings.TrimSpace(s.Loc); loc != "" {
			sm.Sitemaps = append(sm.Sitemaps, loc)
		}
	}
	return sm, nil
}

func parseTextSitemap(data []byte) *Sitemap {
	sm := &Sitemap{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://") {
			sm.Pages = append(sm.Pages, line)
		}
	}
	return sm
}
