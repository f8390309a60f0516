package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A start URL and page links that carry oppref already (an ad's landing
// URL) are judged by their own redirects: the value must survive them
// (docs/crawl.md, oppref probes). Review A19.
func TestCrawlJudgesURLsThatCarryOppref(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, bare("elsewhere"))
	}))
	defer other.Close()
	var probes atomic.Int64
	mux := http.NewServeMux()
	page := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, pixelPage(body))
		})
	}
	redirect := func(path string, to func(r *http.Request) string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("oppref") == OpprefProbe {
				probes.Add(1)
			}
			http.Redirect(w, r, to(r), http.StatusMovedPermanently)
		})
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	redirect("/promo", func(*http.Request) string { return "/landing/?utm=x" }) // drops oppref
	page("/landing/", `<a href="/kept?oppref=ad1">kept</a> <a href="/lost?oppref=ad2">lost</a> <a href="/off?oppref=ad3">off</a> <a href="/changed?oppref=ad4">changed</a>`)
	redirect("/kept", func(r *http.Request) string { return "/kept-final?" + r.URL.RawQuery })
	page("/kept-final", "")
	redirect("/lost", func(*http.Request) string { return "/lost-final" })
	page("/lost-final", "")
	redirect("/off", func(*http.Request) string { return other.URL + "/away" })
	redirect("/changed", func(*http.Request) string { return "/changed-final?oppref=other" })
	page("/changed-final", "")
	page("/plain", "") // carries oppref, no redirect: nothing lost
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := Run(context.Background(), []string{srv.URL + "/promo?oppref=abc", srv.URL + "/plain?oppref=xyz"}, nil, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, p := range res.Pages {
		for _, f := range findings(p.Doc) {
			if f.Rule == RuleOpprefDropped {
				got[strings.TrimPrefix(p.URL, srv.URL)] = append(got[strings.TrimPrefix(p.URL, srv.URL)], f.Message)
			}
		}
	}
	want := map[string]string{
		"/landing/?utm=x":             srv.URL + "/promo?oppref=abc redirects to " + srv.URL + "/landing/?utm=x, which no longer carries oppref",
		"/lost-final":                 srv.URL + "/lost?oppref=ad2 redirects to " + srv.URL + "/lost-final, which no longer carries oppref",
		"/off?oppref=ad3":             srv.URL + "/off?oppref=ad3 redirects to " + other.URL + "/away, which no longer carries oppref",
		"/changed-final?oppref=other": srv.URL + "/changed?oppref=ad4 redirects to " + srv.URL + "/changed-final?oppref=other",
	}
	for path, msg := range want {
		if len(got[path]) != 1 || !strings.Contains(got[path][0], msg) {
			t.Errorf("%s: oppref-dropped %q, want one containing %q", path, got[path], msg)
		}
	}
	for path, msgs := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s: unexpected oppref-dropped %q", path, msgs)
		}
	}
	// The URLs' own oppref values were judged: no second probe value added to them.
	if n := probes.Load(); n != 0 {
		t.Errorf("%d probes with oppref=%s added to URLs that carry oppref", n, OpprefProbe)
	}
}
