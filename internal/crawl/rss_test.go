package crawl

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The crawl's memory is bounded whatever the site serves: many large
// pages (each handed to the pipeline and dropped), one huge page of links
// (read as tokens, never as a tree) and bodies over --max-file-size
// (refused by their length or cut at the cap). Each site is crawled by the
// built program, and the peak resident memory the kernel reports for that
// process is asserted — a memory bound, not a time bound.
func TestCrawlPeakMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and crawls about 900 MB over loopback")
	}
	bin := filepath.Join(t.TempDir(), "oaiq-lint")
	build := exec.Command("go", "build", "-o", bin, "github.com/oaiq-lint/oaiq-lint/cmd/oaiq-lint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const mb = 1 << 20
	filler := strings.Repeat(`<div class="card"><p>Some text about a product, 12,99 €</p></div>`+"\n", 1024)
	page := func(size int) string {
		var b strings.Builder
		b.WriteString(pixelPage(""))
		for b.Len() < size {
			b.WriteString(filler)
		}
		return b.String()
	}
	onePage := page(mb)
	links := func(size int) string {
		var b strings.Builder
		b.WriteString("<!doctype html><html><body>")
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, `<a href="/l/%d">product %d</a>`+"\n", i, i)
		}
		return b.String()
	}(49 * mb)
	chunk := strings.Repeat("x", 64<<10)

	cases := []struct {
		name  string
		serve http.HandlerFunc
		args  []string
		// limit is the peak resident memory allowed, in MiB.
		limit int64
	}{
		{"400 pages of 1 MB", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			if r.URL.Path == "/" {
				for i := range 400 {
					fmt.Fprintf(w, `<a href="/p/%d">%d</a>`, i, i)
				}
				return
			}
			fmt.Fprint(w, onePage)
		}, []string{"--max-pages", "400"}, 400},
		{"one 49 MB page of links", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			if r.URL.Path == "/" {
				fmt.Fprint(w, links)
				return
			}
			fmt.Fprint(w, bare("small"))
		}, []string{"--max-pages", "10"}, 450},
		{"bodies over the cap", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			if r.URL.Path == "/" {
				for i := range 8 {
					fmt.Fprintf(w, `<a href="/big/%d">%d</a> <a href="/sized/%d">%d</a>`, i, i, i, i)
				}
				return
			}
			if strings.HasPrefix(r.URL.Path, "/sized/") {
				w.Header().Set("Content-Length", strconv.Itoa(200*mb))
			}
			for range 200 * mb / len(chunk) { // 200 MB, over the 50 MB cap
				if _, err := fmt.Fprint(w, chunk); err != nil {
					return
				}
			}
		}, []string{"--concurrency", "4"}, 350},
	}
	for _, c := range cases {
		srv := httptest.NewServer(c.serve)
		args := append([]string{"crawl", "--rate", "0", "--format", "json=" + filepath.Join(t.TempDir(), "r.json")}, c.args...)
		cmd := exec.Command(bin, append(args, srv.URL+"/")...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		srv.Close()
		if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
			t.Errorf("%s: %v (exit %d)\n%s", c.name, err, code, out)
			continue
		}
		peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss >> 10 // KiB on Linux
		t.Logf("%s: peak RSS %d MiB (bound %d MiB)", c.name, peak, c.limit)
		if peak > c.limit {
			t.Errorf("%s: peak RSS %d MiB, over the bound of %d MiB", c.name, peak, c.limit)
		}
	}
}
