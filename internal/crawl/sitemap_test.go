package crawl

import (
	"net/http"
	"testing"
	"time"
)

func TestParseSitemapFormats(t *testing.T) {
	sm, err := ParseSitemap([]byte("\xef\xbb\xbfhttps://s.example/a\n# comment\nhttps://s.example/b\n"), 1<<20)
	if err != nil || len(sm.Pages) != 2 {
		t.Errorf("text sitemap: %+v %v", sm, err)
	}
	if _, err := ParseSitemap([]byte(`<rss><channel/></rss>`), 1<<20); err == nil {
		t.Error("an RSS feed read as a sitemap")
	}
	if _, err := ParseSitemap([]byte{0x1f, 0x8b, 0, 0}, 1<<20); err == nil {
		t.Error("broken gzip accepted")
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"120": 2 * time.Minute,
		now.Add(30 * time.Second).Format(http.TimeFormat): 30 * time.Second,
		now.Add(-time.Hour).Format(http.TimeFormat):       0,
	} {
		if got, ok := parseRetryAfter(in, now); !ok || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "soon", "-5"} {
		if _, ok := parseRetryAfter(in, now); ok {
			t.Errorf("%q accepted", in)
		}
	}
}
