package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/render"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
)

// The privacy promise, tested the way an attacker would: personal data and
// secrets planted in every position the linter reads (testdata/privacy:
// values, keys, file and folder names, URLs and paths, templates,
// attributes, comments beside calls, CSV rows, JSON Pointers, headers,
// redirects), run through every command and every output format, and every
// byte written (standard output, standard error, every report file,
// --record and --write-baseline files) searched for them.
//
// Every planted value holds the marker "zq" (redaction keeps at most a first
// letter) or is one of privacyPhones. The formats come from the report
// registry and the commands from the command tree, so a new format or
// command without redaction fails here.

// privacyPhones are the phone numbers planted, as digits.
var privacyPhones = []string{
	"4155550101", "4155550102", "4155550103", "2079460104", "4155550105", "4155550106",
	"4155550107", "4155550108", "4155550109", "4155550110", "4155550111", "4155550112", "4155550113",
}

// commandsWithoutInput read nothing a user wrote, so have nothing to leak
// (init reads only the Pixel ID it is asked to write into the file).
var commandsWithoutInput = map[string]bool{
	"rules": true, "schema": true, "snippet": true, "version": true, "explain": true,
	"completion": true, "help": true, "gen-docs": true, "init": true,
}

// outputFlags are the flags that make a command write more than its
// standard streams; every command that has one is run with it.
var outputFlags = []string{"format", "record", "write-baseline"}

type privacyRun struct {
	name string
	args []string
	// stdin is the standard input of the run.
	stdin string
	// usage is set for a run that is a usage error.
	usage bool
}

func TestPrivacyEveryCommandEveryFormat(t *testing.T) {
	fixtures := filepath.Join("..", "..", "testdata", "privacy")
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	page, app, tmpl, events := read("page.html"), read("js/app.js"), read("template.liquid"), read("events.jsonl")
	capi := read("server/capi.js")

	// The tree under names that hold personal data and secrets.
	root := t.TempDir()
	pagePath := writeFile(t, root, "customers/zqfolder@example.org/thanks-zqfile@example.org.html", page)
	writeFile(t, root, "js/app.js", app)
	writeFile(t, root, "server/capi.js", capi)
	writeFile(t, root, "+1 415-555-0109/index.liquid", tmpl)
	writeFile(t, root, "tokens/token=zqnametoken0123456789/app.js", app)
	writeFile(t, root, "forged\nname.html:1:1: error: \x1b[2Jforged [pii-raw].html", page)
	logPath := writeFile(t, t.TempDir(), "logs/zqlogname@example.org.jsonl", events)
	csvPath := writeFile(t, t.TempDir(), "zqcsvname@example.org.csv", read("emails.csv"))
	noHeader := writeFile(t, t.TempDir(), "noheader.csv", read("noheader.csv"))

	srv := privacySite(t, page, app)
	out := t.TempDir()
	n := 0
	// colored are the outputs styled on request (--color always), which
	// may hold our own escape sequences.
	colored := []string{"check page standard output"}
	// withOutputs adds every registered format, each to its own file, and
	// the command's other output files.
	withOutputs := func(cmd string, args ...string) []string {
		n++
		dir := filepath.Join(out, fmt.Sprintf("%02d-%s", n, cmd))
		if containsString(args, "always") {
			colored = append(colored, filepath.Base(dir)+"/report.text the file")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		args = append([]string{cmd}, args...)
		args = append(args, "--format", "text")
		for _, f := range report.Formats() {
			args = append(args, "--format", f+"="+filepath.Join(dir, "report."+f))
		}
		if cmd != "log" {
			args = append(args, "--record", filepath.Join(dir, "record.jsonl"))
		}
		return append(args, "--write-baseline", filepath.Join(dir, "baseline.json"))
	}
	crawlFlags := []string{"--rate", "0", "--retries", "0", "--timeout", "5s"}
	runs := []privacyRun{
		{name: "check tree", args: withOutputs("check", root, "--root", root)},
		{name: "check page", args: withOutputs("check", pagePath, "--color", "always")},
		{name: "check stdin", args: withOutputs("check", "-"), stdin: page},
		{name: "check URLs", args: withOutputs("check", srv.URL+"/thanks?email=zqcheckurl%40example.org&phone=%2B14155550110",
			srv.URL+"/missing?email=zqmissing%40example.org", "http://admin:hunter2zqcheck@"+strings.TrimPrefix(srv.URL, "http://")+"/")},
		{name: "log", args: withOutputs("log", logPath)},
		{name: "log stdin", args: withOutputs("log", "-"), stdin: events},
		{name: "crawl", args: withOutputs("crawl", append([]string{srv.URL + "/"}, crawlFlags...)...)},
		{name: "crawl sitemap", args: withOutputs("crawl", append([]string{srv.URL + "/+14155550111/", "--sitemap", srv.URL + "/sitemap.xml"}, crawlFlags...)...)},
		{name: "extract", args: []string{"extract", root, logPath}},
		{name: "extract stdin", args: []string{"extract", "-"}, stdin: page},
		{name: "lsp", args: []string{"lsp"}, stdin: lspSession("file:///site/thanks.html", page, "file:///site/events.jsonl", events)},
		{name: "hash values", args: []string{"hash", "zqarg@example.org", "+1 415 555 0108"}},
		{name: "hash stdin", args: []string{"hash", "--csv", "-", "--column", "email"}, stdin: read("emails.csv")},
		{name: "hash csv", args: []string{"hash", "--csv", csvPath, "--column", "email"}},
		{name: "hash csv without header", args: []string{"hash", "--csv", noHeader, "--column", "email"}, usage: true},
	}
	// The fixes of the tree's report as pull-request suggestions, every
	// line of every file being in the pull request.
	runs = append(runs, privacyRun{name: "github-review", args: []string{"github-review", "--report", filepath.Join(out, "01-check", "report.json"),
		"--pr-files", everyLineChanged(t, root), "--repo-root", root, "--unsafe-fixes"}})
	// The browser's recordings too, where a browser is at hand (in CI it
	// must be).
	if haveChromium(t) {
		renderFlags := []string{"--render", "--wait", "50ms", "--page-timeout", "20s", "--block-third-party"}
		runs = append(runs,
			privacyRun{name: "check render", args: withOutputs("check", append([]string{srv.URL + "/live/thanks?email=zqrender%40example.org&phone=%2B14155550110",
				"http://admin:hunter2zqrender@" + strings.TrimPrefix(srv.URL, "http://") + "/live/"}, renderFlags...)...)},
			privacyRun{name: "crawl render", args: withOutputs("crawl", append(append([]string{srv.URL + "/live/", "--max-pages", "4"}, crawlFlags...), renderFlags...)...)},
		)
	}

	// Every command that reads user input is run, with each output flag it has.
	ran := map[string][]string{}
	for _, r := range runs {
		ran[r.args[0]] = append(ran[r.args[0]], r.args...)
	}
	for _, c := range NewRootCmd(&IOStreams{}).Commands() {
		name := c.Name()
		if commandsWithoutInput[name] {
			continue
		}
		if _, ok := ran[name]; !ok {
			t.Errorf("command %q is not run by the privacy test: add a run with its inputs and outputs, or list it in commandsWithoutInput if it reads nothing a user wrote", name)
			continue
		}
		for _, fl := range outputFlags {
			if c.Flags().Lookup(fl) != nil && !containsString(ran[name], "--"+fl) {
				t.Errorf("command %q is never run with --%s", name, fl)
			}
		}
	}

	// The fixtures really hold what is searched for.
	planted := page + app + tmpl + events + capi + read("emails.csv") + read("noheader.csv")
	if strings.Count(strings.ToLower(planted), "zq") < 35 {
		t.Fatalf("the fixtures lost their planted values")
	}
	phones := make([]*regexp.Regexp, len(privacyPhones))
	for i, p := range privacyPhones {
		// The digits in order, whatever separates them (spaces, dashes,
		// "%20", "\u002d").
		phones[i] = regexp.MustCompile(strings.Join(strings.Split(p, ""), `(?:\D{0,6})`))
	}

	checked, bytes := 0, 0
	check := func(run, what, text string) {
		checked++
		bytes += len(text)
		// Control characters from the pages and file names: only our own
		// colours (--color always) may reach a terminal.
		if !containsString(colored, run+" "+what) {
			if i := strings.IndexAny(text, "\x1b\x07\u202e"); i >= 0 {
				t.Errorf("%s: %s passes a control character through: %q", run, what, excerpt(text, i))
			}
		}
		if i := strings.Index(strings.ToLower(text), "zq"); i >= 0 {
			t.Errorf("%s: %s leaks a planted value: …%s…", run, what, excerpt(text, i))
		}
		for _, re := range phones {
			if loc := re.FindStringIndex(text); loc != nil {
				t.Errorf("%s: %s leaks a phone number: …%s…", run, what, excerpt(text, loc[0]))
			}
		}
	}
	dump := os.Getenv("OAIQ_PRIVACY_DUMP") // a folder to keep the outputs in, to read them
	for i, r := range runs {
		stdout, stderr, code := runCLI(t, r.stdin, r.args...)
		if dump != "" {
			os.WriteFile(filepath.Join(dump, fmt.Sprintf("run%02d.out", i)), []byte(strings.Join(r.args, " ")+"\n"+stdout+"\n--- stderr\n"+stderr), 0o644)
		}
		if (code == ExitUsage) != r.usage {
			t.Fatalf("%s: usage error: %s", r.name, stderr)
		}
		check(r.name, "standard output", stdout)
		check(r.name, "standard error", stderr)
		if stdout+stderr == "" {
			t.Errorf("%s: no output at all", r.name)
		}
	}
	files := 0
	err := filepath.Walk(out, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		rel, _ := filepath.Rel(out, path)
		check(rel, "the file", string(data))
		// A report that shows no redacted value shows none of the planted
		// ones either: the test would not see a leak there.
		if !strings.Contains(string(data), "z***") && !strings.Contains(string(data), "z\\*\\*\\*") && info.Name() != "baseline.json" {
			t.Errorf("%s shows no redacted value", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if dump != "" {
		os.CopyFS(dump, os.DirFS(out))
	}
	// Each run with outputs wrote every format, a baseline and (but log)
	// a record.
	if want := len(report.Formats()) + 2; files < want*6 {
		t.Errorf("%d output files, want at least %d", files, want*6)
	}
	t.Logf("%d runs, %d outputs (%d files), %d bytes searched; formats %s", len(runs), checked, files, bytes, strings.Join(report.Formats(), ", "))
}

// privacySite serves the fixture page at every path, with links, a
// redirect and headers that hold personal data and secrets.
func privacySite(t *testing.T, page, app string) *httptest.Server {
	t.Helper()
	links := `<a href="/thanks?email=zqurl%40example.org">a</a><a href="/+14155550110/">b</a>` +
		`<a href="/customers/zqpath@example.org/">c</a><a href="/go">d</a><a href="/tel?phone=%2B14155550111&token=zqquerytoken0123456789">e</a>` +
		`<a href="/missing?email=zqmissing%40example.org">f</a>`
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.TrimPrefix(srv.URL, "http://")
		w.Header().Set("Set-Cookie", "sid=zqsetcookie0123456789")
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\nSitemap: "+srv.URL+"/sitemap.xml\n")
		case r.URL.Path == "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/list?email=zqsitemap%%40example.org</loc></url><url><loc>http://admin:hunter2zqsitemap@%s/x</loc></url></urlset>`, srv.URL, host)
		case r.URL.Path == "/js/app.js":
			w.Header().Set("Content-Type", "application/javascript")
			fmt.Fprint(w, app)
		case r.URL.Path == "/go":
			http.Redirect(w, r, "http://admin:hunter2zqredirect@"+host+"/secret?email=zqredirect%40example.org", http.StatusFound)
		case r.URL.Path == "/missing":
			http.NotFound(w, r)
		case r.URL.User != nil || r.Header.Get("Authorization") != "":
			t.Errorf("credentials were sent: %s", r.URL)
		case strings.HasPrefix(r.URL.Path, "/live/"):
			// For the browser: the pixel's snippet first, so every call
			// runs and is recorded.
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.Replace(strings.Replace(page, "<head>", "<head>"+crawlSnippet, 1), "<body>", "<body>"+links, 1))
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Security-Policy", "script-src 'self'; report-uri https://r.example/csp?email=zqcsp%40example.org")
			fmt.Fprint(w, strings.Replace(page, "<body>", "<body>"+links, 1))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// haveChromium is needChromium for a test that also has work without one.
func haveChromium(t *testing.T) bool {
	t.Helper()
	if _, err := render.FindBrowser(""); err != nil {
		if os.Getenv("CI") == "true" || !errors.Is(err, render.ErrNoBrowser) {
			t.Fatalf("--render needs a browser: %v", err)
		}
		t.Logf("no browser, --render not tested: %v", err)
		return false
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func excerpt(s string, at int) string {
	from, to := max(at-60, 0), min(at+40, len(s))
	return strings.ToValidUTF8(s[from:to], "?")
}

// lspSession is an editor's session with the language server: open
// documents (uri, text pairs; their diagnostics are published at once),
// ask for hovers and code actions, then shut down.
func lspSession(docs ...string) string {
	var b strings.Builder
	id := 0
	msg := func(m map[string]any) {
		m["jsonrpc"] = "2.0"
		if _, isRequest := m["id"]; isRequest {
			id++
			m["id"] = id
		}
		body, _ := json.Marshal(m)
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	msg(map[string]any{"id": 0, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	for i := 0; i+1 < len(docs); i += 2 {
		uri := docs[i]
		msg(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": docs[i+1]}}})
		for line := 0; line < 40; line++ {
			msg(map[string]any{"id": 0, "method": "textDocument/hover", "params": map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": line, "character": 20}}})
		}
		msg(map[string]any{"id": 0, "method": "textDocument/codeAction", "params": map[string]any{"textDocument": map[string]any{"uri": uri},
			"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 400, "character": 0}}, "context": map[string]any{"only": []string{"quickfix"}}}})
	}
	msg(map[string]any{"id": 0, "method": "shutdown"})
	msg(map[string]any{"method": "exit"})
	return b.String()
}

// everyLineChanged writes the files of a pull request adding every file
// under root, as GitHub lists them, and returns its path.
func everyLineChanged(t *testing.T, root string) string {
	t.Helper()
	var files []map[string]string
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		patch := fmt.Sprintf("@@ -0,0 +1,%d @@\n+%s", len(lines), strings.Join(lines, "\n+"))
		rel, _ := filepath.Rel(root, path)
		files = append(files, map[string]string{"filename": filepath.ToSlash(rel), "status": "added", "patch": patch})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(files)
	return writeFile(t, t.TempDir(), "files.json", string(data))
}
