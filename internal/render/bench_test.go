package render

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Run with: go test ./internal/render -run '^$' -bench . -benchtime 20x
// pss-MB is the peak proportional set size of this process plus the
// browsers' process trees (shared pages counted once, unlike summed RSS).
// The cold benchmark runs next to the package's shared browser, so its
// figure holds two browsers.

func benchSite() *httptest.Server {
	return httptest.NewServer(site{pages: map[string]string{"/": htmlPage("", `<script>oaiq("measure", "page_viewed", { type: "contents" });</script>`)}})
}

// BenchmarkColdCapture starts a browser, captures one page, stops it.
func BenchmarkColdCapture(b *testing.B) {
	if browser == nil {
		b.Skip(noBrowser)
	}
	srv := benchSite()
	defer srv.Close()
	var pss float64
	for b.Loop() {
		br, err := Start(context.Background(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := br.Capture(context.Background(), srv.URL+"/"); err != nil {
			b.Fatal(err)
		}
		pss = max(pss, treePSSMB(os.Getpid()))
		br.Close()
	}
	b.ReportMetric(pss, "pss-MB")
}

// BenchmarkWarmCapture captures one page in a new tab of the running
// browser.
func BenchmarkWarmCapture(b *testing.B) {
	if browser == nil {
		b.Skip(noBrowser)
	}
	srv := benchSite()
	defer srv.Close()
	var pss float64
	for b.Loop() {
		if _, err := browser.CapturePage(context.Background(), srv.URL+"/", PageOptions{}); err != nil {
			b.Fatal(err)
		}
		pss = max(pss, treePSSMB(os.Getpid()))
	}
	b.ReportMetric(pss, "pss-MB")
}

// treePSSMB sums Pss over pid and its descendants (Linux /proc).
func treePSSMB(root int) float64 {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range stats {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so cut at ')'.
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if len(f) > 1 {
			ppid, _ := strconv.Atoi(f[1])
			children[ppid] = append(children[ppid], pid)
		}
	}
	var kb float64
	var walk func(int)
	walk = func(pid int) {
		data, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "Pss:"); ok {
				n, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
				kb += n
			}
		}
		for _, c := range children[pid] {
			walk(c)
		}
	}
	walk(root)
	return kb / 1024
}
