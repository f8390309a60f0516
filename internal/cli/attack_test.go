package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

const measureCall = `<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>`

// Devices and FIFOs report a size of 0 and then never end: each place that
// reads a file named by the user or by repository content refuses them,
// and the run finishes with the rest linted. A regression hangs or fills
// memory; the test binary's timeout bounds it.
func TestDevicesAndFIFOsAreNeverRead(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeFile(t, site, "index.html", `<script src="../../../../../../../../dev/zero"></script>`+measureCall)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zeroIgnore := filepath.Join(site, "a")
	fifoIgnore := filepath.Join(site, "b")
	for d, target := range map[string]string{zeroIgnore: "/dev/zero", fifoIgnore: fifo} {
		writeFile(t, d, "page.html", measureCall)
		if err := os.Symlink(target, filepath.Join(d, ".gitignore")); err != nil {
			t.Fatal(err)
		}
	}

	out, errOut, code := runCLI(t, "", "check", "--format", "json", site)
	if code != ExitFindings {
		t.Fatalf("check over a site with device links: exit %d\n%s", code, errOut)
	}
	for _, page := range []string{"index.html", "a/page.html", "b/page.html"} {
		if !strings.Contains(out, page) {
			t.Errorf("check: %s not linted:\n%s", page, out)
		}
	}

	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "/dev/zero"}, ExitInput},
		{[]string{"check", fifo}, ExitInput},
		{[]string{"log", "/dev/zero"}, ExitInput},
		{[]string{"log", fifo}, ExitInput},
		{[]string{"check", "--baseline", "/dev/zero", site}, ExitUsage},
		{[]string{"log", "--baseline", fifo, "-"}, ExitUsage},
	} {
		_, errOut, code := runCLI(t, cleanLog, c.args...)
		if code != c.want || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: exit %d, want %d with 'not a regular file':\n%s", c.args, code, c.want, errOut)
		}
	}
}

// endlessReader is /dev/urandom on standard input.
type endlessReader struct{}

func (endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(i*131 + 7)
	}
	return len(p), nil
}

func TestEndlessLogOnStdinStopsAtTheLimit(t *testing.T) {
	var out, errOut bytes.Buffer
	streams := &IOStreams{In: endlessReader{}, Out: &out, ErrOut: &errOut}
	code := Main([]string{"log", "--max-log-size", "4000000", "-"}, streams)
	if code != ExitInput || !strings.Contains(errOut.String(), "larger than 4000000 bytes; raise --max-log-size") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut.String())
	}
}

// stalledStdin is a terminal nobody types in; it says when a read started.
type stalledStdin struct{ started chan struct{} }

func (s stalledStdin) Read([]byte) (int, error) {
	close(s.started)
	select {}
}

// An interruption (what Ctrl-C and SIGTERM do to the run's context) ends
// a run blocked on standard input with exit 130.
func TestInterruptEndsARunBlockedOnStdin(t *testing.T) {
	for _, args := range [][]string{{"log", "-"}, {"check", "-"}, {"hash"}, {"hash", "--check"}, {"hash", "--csv", "-", "--column", "1"}} {
		ctx, cancel := context.WithCancel(context.Background())
		in := stalledStdin{started: make(chan struct{})}
		go func() {
			<-in.started
			cancel()
		}()
		var out, errOut bytes.Buffer
		code := MainContext(ctx, args, &IOStreams{In: in, Out: &out, ErrOut: &errOut})
		if code != ExitInterrupted {
			t.Errorf("%v: exit %d, want %d:\n%s", args, code, ExitInterrupted, errOut.String())
		}
		cancel()
	}
}

// A page cannot make the linter read, and quote, a file outside the site
// root (or, without --root, outside the page's folder): not by "/..", not
// by "..", not by a symbolic link. The escape is reported, the file unread.
func TestScriptSrcNeverLeavesTheRoot(t *testing.T) {
	dir := t.TempDir()
	secret := `oaiq("measure", "order_created", {type: "contents", amount: 1, currency: "USD", note: "SECRET-OUTSIDE-ROOT"});`
	writeFile(t, dir, "outside/secret.js", secret)
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "js"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside", "secret.js"), filepath.Join(site, "js", "link.js")); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"/../outside/secret.js", "../outside/secret.js", "/js/link.js", "js/link.js"} {
		page := writeFile(t, site, "index.html", `<html><head><script src="`+src+`"></script></head><body>`+measureCall+`</body></html>`)
		for _, args := range [][]string{
			{"check", "--format", "json", "--root", site, site},
			{"check", "--format", "json", page},
		} {
			out, errOut, _ := runCLI(t, "", args...)
			if strings.Contains(out+errOut, "SECRET-OUTSIDE-ROOT") {
				t.Errorf("src %q, %v: the file outside the root was read:\n%s", src, args, out)
			}
			if !strings.Contains(out, "leads outside") && !strings.Contains(out, "no site root given") {
				t.Errorf("src %q, %v: the escape is not reported:\n%s", src, args, out)
			}
		}
	}
	// Inside the root, ".." and root-relative paths are still read.
	writeFile(t, site, "js/pixel.js", secret)
	writeFile(t, site, "sub/page.html", `<script src="../js/pixel.js"></script>`)
	out, _, _ := runCLI(t, "", "check", "--format", "json", "--root", site, filepath.Join(site, "sub"))
	if !strings.Contains(out, "js/pixel.js") {
		t.Errorf("a script inside the root was not read:\n%s", out)
	}
}

// Output files replace the previous ones only when the run succeeded: a
// usage error found after the files were opened, or an interruption, leave
// them as they were and no temporary file behind.
func TestOutputFilesAreReplacedOnlyOnSuccess(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeFile(t, site, "index.html", measureCall)
	report := filepath.Join(dir, "report.json")
	record := filepath.Join(dir, "calls.jsonl")
	base := filepath.Join(dir, "baseline.json")
	old := func() {
		for _, p := range []string{report, record, base} {
			if err := os.WriteFile(p, []byte("OLD"), 0o640); err != nil {
				t.Fatal(err)
			}
		}
	}
	unchanged := func(what string) {
		t.Helper()
		for _, p := range []string{report, record, base} {
			if data, _ := os.ReadFile(p); string(data) != "OLD" {
				t.Errorf("%s: %s was changed: %.80q", what, filepath.Base(p), data)
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 4 {
			t.Errorf("%s: temporary files left: %v", what, entries)
		}
	}
	old()
	// Two formats on standard output is found after the file was opened.
	_, errOut, code := runCLI(t, "", "check", "--format", "json="+report, "--write-baseline", base, "--record", record, "--format", "json", "--format", "text", site)
	if code != ExitUsage {
		t.Errorf("usage error: exit %d\n%s", code, errOut)
	}
	unchanged("usage error")

	// Interrupted while reading standard input.
	for _, args := range [][]string{
		{"log", "--format", "json=" + report, "--write-baseline", base, "-"},
		{"check", "--format", "json=" + report, "--write-baseline", base, "--record", record, "-"},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		in := stalledStdin{started: make(chan struct{})}
		go func() {
			<-in.started
			cancel()
		}()
		var out, errBuf bytes.Buffer
		if code := MainContext(ctx, args, &IOStreams{In: in, Out: &out, ErrOut: &errBuf}); code != ExitInterrupted {
			t.Errorf("%v: exit %d\n%s", args, code, errBuf.String())
		}
		cancel()
		unchanged("interrupted " + args[0])
	}

	// A write that fails (/dev/full is a disk with no space left): exit 3
	// naming the output, and the files written beside it are not committed.
	if _, err := os.Stat("/dev/full"); err == nil {
		_, errOut, code = runCLI(t, "", "check", "--format", "json="+report, "--write-baseline", base, "--format", "text=/dev/full", "--record", record, site)
		if code != ExitInput || !strings.Contains(errOut, "writing output") {
			t.Errorf("full disk: exit %d, want %d with 'writing output':\n%s", code, ExitInput, errOut)
		}
		unchanged("full disk")
	}

	// A run that succeeds replaces all three, keeping their permissions
	// (writing a baseline exits 0: its findings are accepted).
	_, errOut, code = runCLI(t, "", "check", "--format", "json="+report, "--write-baseline", base, "--record", record, site)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for _, p := range []string{report, record, base} {
		data, _ := os.ReadFile(p)
		st, _ := os.Stat(p)
		if string(data) == "OLD" || len(data) == 0 || st.Mode().Perm() != 0o640 {
			t.Errorf("%s after success: %v %.80q", filepath.Base(p), st.Mode(), data)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// With --render inside a crawl the browser obeys the crawl's hosts: a page
// on the crawled origin cannot make it load another origin's resources or
// navigate there (another port of the same address is another origin),
// and --block-third-party holds against a navigation, judged before it
// counts as the page. The other origin counts every request it gets.
func TestRenderObeysTheCrawlScope(t *testing.T) {
	needChromium(t)
	var outside atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		outside.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><body><script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script></body></html>`)
	}))
	defer other.Close()
	otherByName := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		target := other.URL
		if r.URL.Path == "/by-name" {
			target = otherByName
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html><head><script src="%[1]s/lib.js"></script></head><body>
<img src="%[1]s/pixel.gif"><iframe src="%[1]s/frame"></iframe>
<script>setTimeout(function () { location.href = "%[1]s/away"; }, 0);</script></body></html>`, target)
	}))
	defer site.Close()

	var out, errOut bytes.Buffer
	code := MainContext(context.Background(), []string{"crawl", "--render", "--wait", "300ms", "--page-timeout", "20s", "--rate", "0", "--format", "json", site.URL + "/"},
		&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	if code != ExitOK && code != ExitFindings {
		t.Fatalf("crawl --render: exit %d\n%s", code, errOut.String())
	}
	if n := outside.Load(); n != 0 {
		t.Errorf("crawl --render: the origin outside the crawl got %d requests", n)
	}
	if strings.Contains(out.String(), "amount-not-integer") {
		t.Errorf("crawl --render: findings of the page outside the crawl were reported:\n%s", out.String())
	}

	// check --render --block-third-party: a navigation to another site.
	out.Reset()
	errOut.Reset()
	code = MainContext(context.Background(), []string{"check", "--render", "--block-third-party", "--wait", "300ms", "--page-timeout", "20s", "--format", "json", site.URL + "/by-name"},
		&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	if code != ExitOK && code != ExitFindings {
		t.Fatalf("check --render --block-third-party: exit %d\n%s", code, errOut.String())
	}
	if n := outside.Load(); n != 0 {
		t.Errorf("check --render --block-third-party: the other site got %d requests", n)
	}
}

// --max-log-size bounds what is held of a log at once, not a log read in
// pieces: a JSON Lines log far larger than it lints, while one record
// larger than it (in a file or on --stream) stops at the limit and says
// how to raise it.
func TestMaxLogSizeBoundsWhatIsHeldNotALogReadInPieces(t *testing.T) {
	var log strings.Builder
	log.WriteString(`["init", {"pixelId": "px_live_123"}]` + "\n")
	for i := 0; log.Len() < 3<<20; i++ {
		fmt.Fprintf(&log, `["measure", "order_created", {"type": "contents", "amount": %d, "currency": "USD"}, {"event_id": "o%d"}]`+"\n", 100+i, i)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.jsonl")
	if err := os.WriteFile(path, []byte(log.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "log", "--max-log-size", "100000", path)
	if code != ExitOK || !strings.Contains(out, "no problems") {
		t.Fatalf("a %d-byte log read in pieces with --max-log-size 100000: exit %d\n%s\n%s", log.Len(), code, out, errOut)
	}

	long := `["measure", "page_viewed", {"type": "contents", "note": "` + strings.Repeat("x", 200000) + `"}]` + "\n"
	if err := os.WriteFile(path, []byte(log.String()+long), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runCLI(t, "", "log", "--max-log-size", "100000", path)
	if code != ExitInput || !strings.Contains(errOut, "larger than 100000 bytes; raise --max-log-size") {
		t.Errorf("a record over --max-log-size: exit %d, stderr:\n%s", code, errOut)
	}
	out, errOut, code = runCLI(t, `["init", {"pixelId": "px_live_123"}]`+"\n"+long, "log", "--stream", "--max-log-size", "100000")
	if code != ExitInput || !strings.Contains(errOut, "larger than 100000 bytes; raise --max-log-size") || !strings.Contains(out, `"line":1`) {
		t.Errorf("a --stream line over --max-log-size: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
