package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A sitemap index that lists itself (and sitemaps that list ever new
// sitemaps) costs a bounded number of requests, not thousands.
func TestSitemapIndexesAreReadOnceAndWithinABudget(t *testing.T) {
	var selfHits, fanHits, pages atomic.Int64
	var fresh atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/self.xml", func(w http.ResponseWriter, r *http.Request) {
		selfHits.Add(1)
		fmt.Fprint(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+
			strings.Repeat(`<sitemap><loc>/self.xml</loc></sitemap>`, 20)+
			`<sitemap><loc>/pages.xml</loc></sitemap></sitemapindex>`)
	})
	mux.HandleFunc("/pages.xml", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 50 {
			fmt.Fprintf(&b, "<url><loc>/p/%d</loc></url>", i)
		}
		fmt.Fprint(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+b.String()+`</urlset>`)
	})
	// Every answer lists 20 sitemaps never seen before.
	mux.HandleFunc("/fan.xml", func(w http.ResponseWriter, r *http.Request) {
		fanHits.Add(1)
		var b strings.Builder
		for range 20 {
			fmt.Fprintf(&b, "<sitemap><loc>/fan.xml?n=%d</loc></sitemap>", fresh.Add(1))
		}
		fmt.Fprint(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+b.String()+`</sitemapindex>`)
	})
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, bare("page"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	o := testOptions()
	o.MaxPages = 10
	res, err := Run(context.Background(), nil, []string{srv.URL + "/self.xml"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if selfHits.Load() != 1 || pages.Load() != 10 {
		t.Errorf("self-listing index: read %d times, %d pages fetched (want 1 and 10)", selfHits.Load(), pages.Load())
	}
	if res.Requests > 20 {
		t.Errorf("self-listing index with --max-pages 10: %d requests", res.Requests)
	}

	res, err = Run(context.Background(), nil, []string{srv.URL + "/fan.xml"}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if fanHits.Load() > maxSitemapFetches || res.Requests > maxSitemapFetches+5 {
		t.Errorf("fanning indexes: %d sitemaps read, %d requests (budget %d)", fanHits.Load(), res.Requests, maxSitemapFetches)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "sitemaps: the rest were not read") {
		t.Errorf("the budget is not noted: %q", res.Notes)
	}
}

// A start URL admits its own scheme, host and port (and the other scheme
// on its default port), never another port of that host.
func TestHostsInScopeCarrySchemeAndPort(t *testing.T) {
	s := newHostSet(nil)
	s.addOrigin(mustURL(t, "http://shop.example/"))
	s.addOrigin(mustURL(t, "http://127.0.0.1:8080/"))
	for raw, want := range map[string]bool{
		"http://shop.example/a":         true,
		"http://shop.example:80/a":      true,
		"https://shop.example/a":        true,
		"http://shop.example:6379/":     false,
		"https://shop.example:8443/":    false,
		"http://www.shop.example/":      false,
		"http://127.0.0.1:8080/x":       true,
		"http://127.0.0.1:8081/x":       false,
		"http://127.0.0.1/x":            false,
		"https://127.0.0.1:8080/x":      false,
		"gopher://shop.example:80/path": false,
	} {
		if got := s.allows(mustURL(t, raw)); got != want {
			t.Errorf("allows(%s) = %v, want %v", raw, got, want)
		}
	}
	// --allow-host without a port is the user's word for every port.
	s = newHostSet([]string{"cdn.example"})
	if !s.allows(mustURL(t, "https://cdn.example:8443/")) {
		t.Error("--allow-host cdn.example does not admit cdn.example:8443")
	}
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// robots.txt is followed where it redirects, even to another host (RFC
// 9309), and one over the size cap is parsed to its first 500 KiB.
func TestRobotsRedirectsAndOversizeRobots(t *testing.T) {
	var privateHits atomic.Int64
	real := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	}))
	defer real.Close()
	site := func(robots http.HandlerFunc) *httptest.Server {
		mux := http.NewServeMux()
		mux.HandleFunc("/robots.txt", robots)
		mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { privateHits.Add(1) })
		mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, pixelPage(`<a href="/private/x">x</a>`))
		})
		return httptest.NewServer(mux)
	}
	redirecting := site(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, real.URL+"/robots.txt", http.StatusMovedPermanently)
	})
	defer redirecting.Close()
	huge := site(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		line := "# " + strings.Repeat("x", 1000) + "\n"
		for range 2 * 1024 { // 2 MB, over testOptions' 256 KiB cap
			fmt.Fprint(w, line)
		}
	})
	defer huge.Close()
	for name, srv := range map[string]*httptest.Server{"redirect": redirecting, "oversize": huge} {
		res, err := Run(context.Background(), []string{srv.URL + "/"}, nil, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		pages := byPath(t, res, srv.URL)
		if p := pages["/"]; p == nil || p.Failed || !p.HTML {
			t.Errorf("%s: the start page was not crawled: %+v", name, p)
		}
		if p := pages["/private/x"]; p == nil || !p.SkippedByRobots {
			t.Errorf("%s: robots.txt not applied to /private/x: %+v", name, p)
		}
	}
	if privateHits.Load() != 0 {
		t.Errorf("a disallowed page was fetched %d times", privateHits.Load())
	}
}

// Huge Crawl-delay and Retry-After values are clamped, never overflowed
// into negative durations that would be ignored.
func TestCrawlDelayAndRetryAfterAreClamped(t *testing.T) {
	r := ParseRobots([]byte("User-agent: *\nCrawl-delay: 1e10\n"))
	if d := r.CrawlDelay("oaiq-lint"); d != maxCrawlDelay {
		t.Errorf("Crawl-delay 1e10 = %v, want %v", d, maxCrawlDelay)
	}
	d, ok := parseRetryAfter("10000000000", time.Now())
	if !ok || d <= 0 || d < time.Hour {
		t.Errorf("Retry-After 10000000000 = %v, %v", d, ok)
	}
	// Such a wait is beyond the run's patience: the request is not retried.
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.URL.RawQuery == "" { // not the oppref probe
			hits.Add(1)
		}
		w.Header().Set("Retry-After", "10000000000")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	if _, err := Run(context.Background(), []string{srv.URL + "/"}, nil, testOptions()); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 1 {
		t.Errorf("the page was requested %d times, want once (no retry after an overflowing Retry-After)", hits.Load())
	}
}

// The summary's request count includes every redirect hop.
func TestRedirectHopsAreCountedAsRequests(t *testing.T) {
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if n := strings.Count(r.URL.Path, "r"); n < 4 {
			http.Redirect(w, r, r.URL.Path+"r", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, bare("end"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := Run(context.Background(), []string{srv.URL + "/"}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != hits.Load() {
		t.Errorf("summary says %d requests, the server answered %d", res.Requests, hits.Load())
	}
}
