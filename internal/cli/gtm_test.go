package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/expect"
)

// gtmSite is a site folder holding pages that load GTM containers and, in
// gtm/, the exports of two of them.
var gtmSite = filepath.Join("..", "..", "testdata", "check", "gtm-site")

type jsonFinding struct {
	Rule, Severity, Message, Hint, File string
	Line, Column                        int
}

func checkJSON(t *testing.T, args ...string) []jsonFinding {
	t.Helper()
	empty := writeFile(t, t.TempDir(), "empty.yaml", "")
	out, stderr, _ := runCLI(t, "", append([]string{"check", "--config", empty, "--format", "json"}, args...)...)
	var doc struct{ Findings []jsonFinding }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	return doc.Findings
}

// matchFile compares the findings in file with its expectations (inline,
// or in its .want file).
func matchFile(t *testing.T, file string, findings []jsonFinding) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var wants []expect.Expectation
	if expect.NeedsSibling(file) {
		b, err := os.ReadFile(expect.SiblingPath(file))
		if err != nil {
			t.Fatal(err)
		}
		wants, err = expect.Sibling(string(b))
		if err != nil {
			t.Fatal(err)
		}
	} else if wants, err = expect.Inline(string(data)); err != nil {
		t.Fatal(err)
	}
	var got []expect.Finding
	for _, f := range findings {
		if filepath.ToSlash(f.File) == filepath.ToSlash(file) {
			got = append(got, expect.Finding{Line: f.Line, Col: f.Column, Rule: f.Rule, Severity: f.Severity, Message: f.Message, Hint: f.Hint})
		}
	}
	missing, unexpected := expect.Match(wants, got)
	for _, f := range unexpected {
		t.Errorf("%s: unexpected: %s", file, f)
	}
	for _, w := range missing {
		t.Errorf("%s: missing: %s", file, w)
	}
}

// A folder's pages are judged with the exports found in the same tree:
// a container whose tags load and initialise the pixel lifts the page's
// softened verdict, one whose tags do not turns it into an error, and a
// container with no export in the run stays softened.
func TestPagesWithTheirContainersExports(t *testing.T) {
	findings := checkJSON(t, gtmSite)
	var files []string
	err := filepath.WalkDir(gtmSite, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".want") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range findings {
		seen[filepath.ToSlash(f.File)] = true
	}
	for _, f := range files {
		matchFile(t, f, findings)
		delete(seen, filepath.ToSlash(f))
	}
	if len(seen) > 0 {
		t.Errorf("findings in files outside the fixture: %v", seen)
	}
}

// --gtm FILE gives a page named alone its container's verdict, and the
// export is linted too.
func TestGTMFlag(t *testing.T) {
	page := filepath.Join(gtmSite, "blog.html")
	alone := checkJSON(t, page)
	for _, f := range alone {
		if f.Severity != "info" {
			t.Errorf("without the export the page's verdict should stay softened: %+v", f)
		}
	}
	export := filepath.Join(gtmSite, "gtm", "GTM-BLOG01.json")
	with := checkJSON(t, page, "--gtm", export)
	matchFile(t, page, with)
}

// A crawl given --gtm judges the pages that load the container with its
// export; a --gtm file that is not an export is a usage error.
func TestCrawlGTMFlag(t *testing.T) {
	blog, err := os.ReadFile(filepath.Join(gtmSite, "blog.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(blog)
	}))
	t.Cleanup(srv.Close)
	empty := writeFile(t, t.TempDir(), "empty.yaml", "")
	base := []string{"crawl", srv.URL + "/", "--config", empty, "--rate", "0", "--retries", "0", "--max-pages", "0", "--oppref-sample", "0", "--format", "json"}
	severities := func(out string) map[string]string {
		var doc struct{ Findings []jsonFinding }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		got := map[string]string{}
		for _, f := range doc.Findings {
			got[f.Rule] = f.Severity
		}
		return got
	}
	out, _, _ := runCLI(t, "", base...)
	if got := severities(out); got["snippet-missing"] != "info" || got["init-missing"] != "info" {
		t.Errorf("without --gtm: %v, want both softened to info", got)
	}
	out, _, _ = runCLI(t, "", append(base, "--gtm", filepath.Join(gtmSite, "gtm", "GTM-BLOG01.json"))...)
	if got := severities(out); got["snippet-missing"] != "error" || got["init-missing"] != "error" {
		t.Errorf("with --gtm: %v, want both errors", got)
	}
	_, errOut, code := runCLI(t, "", append(base, "--gtm", filepath.Join(gtmSite, "blog.html"))...)
	if code != ExitUsage || !strings.Contains(errOut, "not a Google Tag Manager container export") {
		t.Errorf("--gtm with a page: exit %d, stderr %q", code, errOut)
	}
}
