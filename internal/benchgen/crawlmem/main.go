//go:build oaiqtools

// Command crawlmem measures what a crawl holds in memory: it serves N
// pages on loopback (a binary tree of links, each page a pixel page of
// about 30 KB with no problem in it, or one with -finding), crawls them with the oaiq-lint
// binary given, and prints the pages crawled, the wall time and the
// crawl's peak resident set:
//
//	crawlmem -pages 4000 -lint ./oaiq-lint   →   "4000 pages (0 findings) 2.1 s, peak RSS 61234 KB"
//
// Peak RSS should not grow with N beyond the crawl's URL set: pages are
// streamed through the pipeline, not held.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

func main() {
	pages := flag.Int("pages", 400, "pages served")
	lint := flag.String("lint", "oaiq-lint", "the oaiq-lint binary to run")
	withFinding := flag.Bool("finding", false, "give every page one finding (an amount in dollars), so every result is held with its quote")
	flag.Parse()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	padding := strings.Repeat("<p>Trail tents, sleeping bags and stoves for every season, shipped in two days.</p>\n", 330)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p"))
		if r.URL.Path == "/" {
			i, err = 0, nil
		}
		if err != nil || i < 0 || i >= *pages {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page %d</title>\n<script>\n%s\n", i, snippet.Loader)
		b.WriteString("  oaiq(\"init\", { pixelId: \"px_123\" });\n  oaiq(\"measure\", \"page_viewed\", { type: \"contents\", contents: [{ id: \"home\", name: \"Home page\", content_type: \"page\" }] });\n")
		if *withFinding {
			b.WriteString("  oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 25.99, currency: \"USD\" });\n")
		}
		b.WriteString("</script>\n</head>\n<body>\n")
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < *pages {
				fmt.Fprintf(&b, "<a href=\"/p%d\">page %d</a>\n", c, c)
			}
		}
		b.WriteString(padding)
		b.WriteString("</body>\n</html>\n")
		w.Write([]byte(b.String()))
	})}
	go srv.Serve(ln)

	start := "http://" + ln.Addr().String() + "/"
	cmd := exec.Command(*lint, "crawl", start, "--max-pages", "0", "--depth", "-1", "--rate", "0",
		"--oppref-sample", "0", "--concurrency", "8", "--format", "json", "--quiet")
	cmd.Stderr = os.Stderr
	began := time.Now()
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fail(err)
	}
	wall := time.Since(began)
	if code := cmd.ProcessState.ExitCode(); code > 1 {
		fail(fmt.Errorf("oaiq-lint exited %d", code))
	}
	var report struct {
		Summary struct{ Files, Errors, Warnings, Infos int }
	}
	if err := json.Unmarshal(out, &report); err != nil {
		fail(fmt.Errorf("the crawl's JSON report: %w", err))
	}
	sum := report.Summary
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) // KB on Linux
	}
	fmt.Printf("%d pages (%d findings) %.1f s, peak RSS %d KB\n", sum.Files, sum.Errors+sum.Warnings+sum.Infos, wall.Seconds(), rss)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "crawlmem:", err)
	os.Exit(2)
}
