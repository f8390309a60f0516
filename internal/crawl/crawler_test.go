package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"

	install "github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

// snippet is the documented installation snippet, as internal/snippet writes it.
var snippet = install.MustGenerate(install.Options{PixelID: "px_test_1"})

// pixelPage is a page with the snippet in <head>, the given body, and a
// page_viewed event.
func pixelPage(body string) string {
	return "<!doctype html><html><head>" + snippet + "<title>t</title></head><body>" + body +
		`<script>oaiq("measure", "page_viewed", { type: "page" });</script></body></html>`
}

func bare(body string) string {
	return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>"
}

// testSite serves the behaviours a crawl must handle, on 127.0.0.1.
type testSite struct {
	srv, other *httptest.Server
	hits       sync.Map // path → *atomic.Int64
	cookies    atomic.Int64
}

func (s *testSite) hit(path string) int64 {
	v, _ := s.hits.LoadOrStore(path, new(atomic.Int64))
	return v.(*atomic.Int64).Load()
}

func newTestSite(t *testing.T) *testSite {
	s := &testSite{}
	s.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Cookie") != "" || r.Header.Get("Authorization") != "" {
			s.cookies.Add(1)
		}
		v, _ := s.hits.LoadOrStore("other"+r.URL.Path, new(atomic.Int64))
		v.(*atomic.Int64).Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, bare(`<a href="/deeper">deeper</a>`))
	}))
	mux := http.NewServeMux()
	html := func(path, page string, headers ...string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			for i := 0; i+1 < len(headers); i += 2 {
				w.Header().Set(headers[i], headers[i+1])
			}
			fmt.Fprint(w, page)
		})
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: OAI-AdsBot\nDisallow: /members\n")
	})
	html("/{$}", pixelPage(`
		<a href="/products/a">a</a> <a href="/products/b#reviews">b</a> <a href="products/a">dup</a>
		<a href="/old">old</a> <a href="/drop">drop</a> <a href="/csp">csp</a> <a href="/error">error</a>
		<a href="/slow">slow</a> <a href="/huge">huge</a> <a href="/loop">loop</a> <a href="/nopixel">np</a>
		<a href="/private/x">private</a> <a href="/members">members</a> <a href="/doc.pdf">pdf</a>
		<a href="mailto:x@y.example">mail</a> <a href="`+s.other.URL+`/page">other host</a> <a href="/away">away</a>
		<a href="/retry">retry</a> <a href="/deep/1">deep</a>`))
	html("/products/a", pixelPage(`<script>oaiq("measure", "item_viewed", { type: "contents" });</script><a href="/">home</a>`))
	html("/products/b", pixelPage(`<a href="/products/a">a</a>`))
	html("/new", pixelPage(""))
	html("/dropped", pixelPage(""))
	html("/members", pixelPage(""))
	html("/nopixel", bare("no pixel here"))
	html("/csp", pixelPage(""), "Content-Security-Policy", "script-src 'self' 'unsafe-inline'")
	html("/deep/1", pixelPage(`<a href="/deep/2">2</a>`))
	html("/deep/2", pixelPage(`<a href="/deep/3">3</a>`))
	html("/deep/3", pixelPage(""))
	html("/from-sitemap", pixelPage(""))
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new?"+r.URL.RawQuery, http.StatusMovedPermanently)
	})
	mux.HandleFunc("/drop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/dropped", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.other.URL+"/landing", http.StatusFound)
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>x</p>"), 64<<10))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/retry", func(w http.ResponseWriter, r *http.Request) {
		if s.hit("/retry") <= 2 { // fail twice, then answer
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, pixelPage(""))
	})
	mux.HandleFunc("/sitemap_index.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		fmt.Fprintf(zw, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
			<sitemap><loc>%s/sitemap-pages.xml</loc></sitemap></sitemapindex>`, "http://"+r.Host)
		zw.Close()
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(b.Bytes())
	})
	mux.HandleFunc("/sitemap-pages.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
			<url><loc>http://%s/from-sitemap</loc></url><url><loc>https://elsewhere.example/x</loc></url></urlset>`, r.Host)
	})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, _ := s.hits.LoadOrStore(r.URL.Path, new(atomic.Int64))
		v.(*atomic.Int64).Add(1)
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s"})
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { s.srv.Close(); s.other.Close() })
	return s
}

func testOptions() Options {
	return Options{UserAgent: "oaiq-lint/test", Concurrency: 4, Timeout: 300 * time.Millisecond, MaxBytes: 256 << 10,
		MaxRedirects: 5, Retries: 2, RetryBackoff: time.Millisecond, MaxDepth: -1}
}

// byURL indexes a crawl's pages by the path of their URL.
func byPath(t *testing.T, res *Result, base string) map[string]*Page {
	t.Helper()
	out := map[string]*Page{}
	for _, p := range res.Pages {
		out[strings.TrimPrefix(p.URL, base)] = p
	}
	return out
}

func ruleIDs(fs []model.Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return ids
}

// The rules that report what only a crawl sees (rules/*.go).
const (
	RuleRobotsBlocksAdsBot = "robots-blocks-adsbot"
	RuleOpprefDropped      = "oppref-dropped"
	RuleFetchFailed        = "fetch-failed"
)

// findings are what the rules make of a page's crawl facts.
func findings(doc *model.Document) []model.Finding {
	if doc == nil {
		return nil
	}
	return rules.Check(doc, rules.Options{})
}

func has(fs []model.Finding, rule, msg string) bool {
	for _, f := range fs {
		if f.Rule == rule && strings.Contains(f.Message, msg) {
			return true
		}
	}
	return false
}

func TestCrawlSite(t *testing.T) {
	s := newTestSite(t)
	res, err := Run(context.Background(), []string{s.srv.URL + "/"}, []string{s.srv.URL + "/sitemap_index.xml.gz"}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	pages := byPath(t, res, s.srv.URL)
	var paths []string
	for _, p := range res.Pages {
		paths = append(paths, strings.TrimPrefix(p.URL, s.srv.URL))
	}
	want := []string{"/", "/csp", "/deep/1", "/deep/2", "/deep/3", "/dropped", "/error", "/from-sitemap", "/huge", "/loop",
		"/members", "/new", "/nopixel", "/private/x", "/products/a", "/products/b", "/retry", "/slow"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Fatalf("pages (sorted by URL)\n got %v\nwant %v", paths, want)
	}

	t.Run("fragments dropped and duplicates fetched once", func(t *testing.T) {
		if n := s.hit("/products/a"); n != 1 {
			t.Errorf("/products/a fetched %d times", n)
		}
	})
	t.Run("robots.txt for us: disallowed pages are not fetched", func(t *testing.T) {
		if p := pages["/private/x"]; !p.SkippedByRobots || s.hit("/private/x") != 0 {
			t.Errorf("private page fetched: %+v", p)
		}
		if n := s.hit("/robots.txt"); n != 1 {
			t.Errorf("robots.txt fetched %d times", n)
		}
	})
	t.Run("robots.txt for OAI-AdsBot", func(t *testing.T) {
		p := pages["/members"]
		if p.SkippedByRobots || !has(findings(p.Doc), RuleRobotsBlocksAdsBot, "line 5: `Disallow: /members`") {
			t.Errorf("members: %+v %v", p, findings(p.Doc))
		}
		// Its own group overrides "*": /private/ is fine for the ads crawler.
		if has(findings(pages["/private/x"].Doc), RuleRobotsBlocksAdsBot, "") {
			t.Error("AdsBot judged by the * group although it has its own")
		}
	})
	t.Run("oppref kept and dropped by redirects", func(t *testing.T) {
		if fs := findings(pages["/new"].Doc); has(fs, RuleOpprefDropped, "") {
			t.Errorf("/old keeps the query, yet %v", fs)
		}
		fs := findings(pages["/dropped"].Doc)
		if !has(fs, RuleOpprefDropped, s.srv.URL+"/drop?oppref=oaiq-lint-probe redirects to "+s.srv.URL+"/dropped") {
			t.Errorf("/drop: %v", fs)
		}
	})
	t.Run("a 500, a slow page, a huge page and a redirect loop are fetch-failed", func(t *testing.T) {
		for path, msg := range map[string]string{"/error": "HTTP 500", "/slow": "timeout", "/huge": "size limit", "/loop": "redirect loop"} {
			p := pages[path]
			if !p.Failed || !has(findings(p.Doc), RuleFetchFailed, msg) {
				t.Errorf("%s: %+v %v", path, p, findings(p.Doc))
			}
		}
		if n := s.hit("/error"); n != 3 {
			t.Errorf("500 tried %d times, want 1 + 2 retries", n)
		}
	})
	t.Run("429/5xx retried after Retry-After", func(t *testing.T) {
		if p := pages["/retry"]; p.Failed || !p.HTML || s.hit("/retry") != 3 {
			t.Errorf("retry: %+v after %d requests", p, s.hit("/retry"))
		}
	})
	t.Run("links to other hosts are not followed; no cookies", func(t *testing.T) {
		if n := s.hit("other/page") + s.hit("other/landing"); n != 0 {
			t.Errorf("other host requested %d times", n)
		}
		if res.OffSite != 1 {
			t.Errorf("off-site redirects %d, want 1 (/away)", res.OffSite)
		}
		if n := s.hit("/doc.pdf"); n != 0 {
			t.Error("a PDF link was fetched")
		}
	})
	t.Run("sitemap index, gzip", func(t *testing.T) {
		if p := pages["/from-sitemap"]; p == nil || !p.HTML {
			t.Errorf("sitemap page not crawled")
		}
	})
	t.Run("CSP header reaches the page rules", func(t *testing.T) {
		p := pages["/csp"]
		if len(p.Doc.Page.Policies) != 1 || p.Doc.Page.Policies[0].Origin != "header" {
			t.Fatalf("policies %+v", p.Doc.Page.Policies)
		}
		if fs := rules.Check(p.Doc, rules.Options{}); !has(fs, "csp-blocks-sdk", "") {
			t.Errorf("csp-blocks-sdk not reported: %v", ruleIDs(fs))
		}
	})
	t.Run("start URL flagged; requests counted", func(t *testing.T) {
		if !pages["/"].Start || pages["/products/a"].Start || res.Requests < int64(len(res.Pages)) {
			t.Errorf("start %v, requests %d", pages["/"].Start, res.Requests)
		}
	})
}

func TestCrawlBounds(t *testing.T) {
	s := newTestSite(t)
	run := func(mod func(*Options)) map[string]*Page {
		t.Helper()
		o := testOptions()
		mod(&o)
		res, err := Run(context.Background(), []string{s.srv.URL + "/deep/1"}, nil, o)
		if err != nil {
			t.Fatal(err)
		}
		return byPath(t, res, s.srv.URL)
	}
	if got := run(func(o *Options) { o.MaxDepth = 1 }); len(got) != 2 || got["/deep/2"] == nil {
		t.Errorf("depth 1: %v", keys(got))
	}
	if got := run(func(o *Options) { o.MaxPages = 1 }); len(got) != 2 {
		t.Errorf("max pages 1 (plus the start): %v", keys(got))
	}
	if got := run(func(o *Options) { o.Exclude = []*regexp.Regexp{regexp.MustCompile(`/deep/3$`)} }); len(got) != 2 {
		t.Errorf("exclude: %v", keys(got))
	}
	if got := run(func(o *Options) { o.Include = []*regexp.Regexp{regexp.MustCompile(`/deep/[12]$`)} }); len(got) != 2 {
		t.Errorf("include: %v", keys(got))
	}
}

func keys(m map[string]*Page) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCrawlAllowHostAndStartRedirects(t *testing.T) {
	s := newTestSite(t)
	o := testOptions()
	o.AllowHosts = []string{strings.TrimPrefix(s.other.URL, "http://")}
	o.Include = []*regexp.Regexp{regexp.MustCompile(`/away|/page|/landing|/deeper`)}
	res, err := Run(context.Background(), []string{s.srv.URL + "/"}, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	// /away redirects, so it is fetched again with ?oppref= added: two hits on /landing.
	if s.hit("other/page") != 1 || s.hit("other/landing") != 2 || s.hit("other/deeper") != 1 {
		t.Errorf("allowed host not crawled: page %d landing %d deeper %d", s.hit("other/page"), s.hit("other/landing"), s.hit("other/deeper"))
	}
	if s.cookies.Load() != 0 {
		t.Error("a cookie or credential reached the other host")
	}
	_ = res

	// A start URL is followed wherever it redirects, and that host joins the crawl.
	s2 := newTestSite(t)
	res, err = Run(context.Background(), []string{s2.srv.URL + "/away"}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 2 || !strings.HasPrefix(res.Pages[0].URL, s2.other.URL) || s2.hit("other/deeper") != 1 {
		t.Errorf("start redirect: %+v", res.Pages)
	}
}

func TestCrawlStarGroupBlocksAdsBotAndStartFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
			return
		}
		t.Errorf("%s fetched although robots.txt disallows it", r.URL.Path)
	}))
	defer srv.Close()
	res, err := Run(context.Background(), []string{srv.URL + "/landing"}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := res.Pages[0]
	if len(res.Pages) != 1 || !p.SkippedByRobots || p.Failed || !has(findings(p.Doc), RuleRobotsBlocksAdsBot, "there is no OAI-AdsBot group") {
		t.Errorf("got %+v %v", p, findings(p.Doc))
	}

	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	res, err = Run(context.Background(), []string{deadURL + "/"}, []string{deadURL + "/sitemap.xml"}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Pages {
		if !p.Start || !p.Failed {
			t.Errorf("%s: start %v failed %v", p.URL, p.Start, p.Failed)
		}
	}
	if _, err := Run(context.Background(), []string{"ftp://x.example/"}, nil, testOptions()); err == nil {
		t.Error("ftp start URL accepted")
	}
}

// dnsFailure answers every request as a host name that does not resolve.
type dnsFailure struct{}

func (dnsFailure) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, &net.DNSError{Err: "no such host", Name: r.URL.Hostname(), IsNotFound: true}
}

// A host that does not resolve is said to, instead of blaming robots.txt.
func TestCrawlUnresolvableHost(t *testing.T) {
	o := testOptions()
	o.Transport = dnsFailure{}
	res, err := Run(context.Background(), []string{"https://shop.example/"}, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 1 {
		t.Fatalf("pages %v", res.Pages)
	}
	if f := res.Pages[0].Doc.FetchFailure; f == nil || f.Kind != model.HostUnresolved || f.Reason != "shop.example" {
		t.Errorf("fetch failure %+v, want the host shop.example unresolved (not robots.txt)", f)
	}
}

// A crawl cut short by its bounds counts the linked URLs it left.
func TestCrawlCountsWhatTheBoundsLeft(t *testing.T) {
	s := newTestSite(t)
	o := testOptions()
	o.MaxDepth = 1
	res, err := Run(context.Background(), []string{s.srv.URL + "/deep/1"}, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.UnvisitedByDepth != 1 || res.UnvisitedByMaxPages != 0 {
		t.Errorf("depth 1: unvisited by depth %d, by max pages %d; want 1, 0", res.UnvisitedByDepth, res.UnvisitedByMaxPages)
	}
	o = testOptions()
	o.MaxPages = 1
	if res, err = Run(context.Background(), []string{s.srv.URL + "/deep/1"}, nil, o); err != nil {
		t.Fatal(err)
	}
	if res.UnvisitedByMaxPages != 1 || res.UnvisitedByDepth != 0 {
		t.Errorf("max pages 1: unvisited by depth %d, by max pages %d; want 0, 1", res.UnvisitedByDepth, res.UnvisitedByMaxPages)
	}
	if res, err = Run(context.Background(), []string{s.srv.URL + "/deep/1"}, nil, testOptions()); err != nil {
		t.Fatal(err)
	}
	if res.UnvisitedByMaxPages+res.UnvisitedByDepth != 0 {
		t.Errorf("unbounded: %+v", res)
	}
}
