package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/rules"
)

// benchEnv reads an integer knob of the benchmark from the environment.
func benchEnv(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// generatedSite serves pages /p/0 … /p/{n-1}, each after delay: page i
// links to pages 10i+1 … 10i+10 and home, loads the pixel and a shared
// same-origin script, and sends one event. robots.txt and the script are
// answered at once, so pages alone make the network bound.
func generatedSite(n int, delay time.Duration) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
			return
		case r.URL.Path == "/js/app.js":
			w.Header().Set("Content-Type", "application/javascript")
			fmt.Fprint(w, `document.addEventListener("click", function () { oaiq("measure", "lead_created", { type: "customer_action" }); });`)
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p/"))
		if err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		time.Sleep(delay)
		var links strings.Builder
		for k := 10*i + 1; k <= 10*i+10 && k < n; k++ {
			fmt.Fprintf(&links, `<li><a href="/p/%d">product %d</a></li>`, k, k)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head>%s<title>Product %d</title><script src="/js/app.js"></script></head>
<body><a href="/p/0">home</a><ul>%s</ul>
<script>oaiq("measure", "page_viewed", { type: "contents", contents: [{ id: "p%d", name: "Product %d", content_type: "product" }] });</script>
</body></html>`, snippet, i, links.String(), i, i)
	}))
}

// BenchmarkCrawlLoopback crawls a generated site on 127.0.0.1 and checks
// every page, then prints the time against the network floor
// pages × delay / concurrency. Knobs: CRAWL_BENCH_PAGES (2000),
// CRAWL_BENCH_DELAY_MS (20), CRAWL_BENCH_CONCURRENCY (8).
func BenchmarkCrawlLoopback(b *testing.B) {
	pages := benchEnv("CRAWL_BENCH_PAGES", 2000)
	delay := time.Duration(benchEnv("CRAWL_BENCH_DELAY_MS", 20)) * time.Millisecond
	conc := benchEnv("CRAWL_BENCH_CONCURRENCY", 8)
	srv := generatedSite(pages, delay)
	defer srv.Close()
	floor := time.Duration(pages) * delay / time.Duration(conc)
	var last string
	for b.Loop() {
		began := time.Now()
		res, err := Run(context.Background(), []string{srv.URL + "/p/0"}, nil, Options{
			UserAgent: "oaiq-lint/bench", Concurrency: conc, MaxDepth: -1, Retries: 1})
		if err != nil {
			b.Fatal(err)
		}
		checkAll(res)
		took := time.Since(began)
		if len(res.Pages) != pages {
			b.Fatalf("crawled %d pages, want %d", len(res.Pages), pages)
		}
		last = fmt.Sprintf("crawl: %d pages, %s per page, concurrency %d: %s (%d requests); floor %s; ratio %.3f",
			pages, delay, conc, took.Round(time.Millisecond), res.Requests, floor, took.Seconds()/floor.Seconds())
		b.ReportMetric(took.Seconds()/floor.Seconds(), "x-floor")
	}
	fmt.Println(last)
}

// checkAll runs the rules over every page as the crawl command does.
func checkAll(res *Result) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range res.Pages {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			rules.Check(p.Doc, rules.Options{})
		})
	}
	wg.Wait()
}
