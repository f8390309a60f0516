package rules_test

// lintInput is how every fixture and every documentation example is linted
// in tests: the input's reader (a page, script, module, component, event
// log, tag-manager container export or custom template file), then the lint pipeline itself (rules, suppressions and the engine's
// policy in lint's judge), as a check run does. Examples that need a file
// on disk, a crawled site or an HTTP answer get one: a temporary file, or a
// loopback server crawled by internal/crawl.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/expect"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/gtm"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// lintOptions are a test run's options; site, when set, makes a page one
// of a crawled site's, as a crawl does.
type lintOptions struct {
	extract extract.Options
	// pixelID is the configured Pixel ID.
	pixelID string
	site    *model.SiteFacts
	// rules are the configuration's rules section: severities, 0 for off.
	rules map[string]model.Severity
	// maxFileSize, when set, lints the input as a file on disk read with
	// that --max-file-size.
	maxFileSize int64
}

func (o lintOptions) linter(sortByName bool) *lint.Linter {
	return lint.New(lint.Options{Config: &config.Config{PixelID: o.pixelID, Rules: o.rules}, Workers: 2, SortByName: sortByName})
}

// run lints inputs through the pipeline and returns every finding reported.
func (o lintOptions) run(inputs []lint.Input, sortByName bool) ([]model.Finding, error) {
	var out []model.Finding
	_, err := o.linter(sortByName).Run(context.Background(), slices.Values(inputs), func(r *lint.Result) error {
		if r.Err != nil {
			return fmt.Errorf("%s: %w", r.Name, r.Err)
		}
		out = append(out, r.Report.Findings...)
		return nil
	})
	return out, err
}

func lintInput(path string, data []byte, o lintOptions) []model.Finding {
	if o.maxFileSize > 0 {
		return lintFile(path, data, o)
	}
	load := func(context.Context) (*lint.Loaded, error) {
		var doc *model.Document
		var files []*source.File
		switch {
		case gtm.Is(path, data):
			doc, files = gtm.Read(path, data)
		case expect.NeedsSibling(path):
			d, f := eventlog.Parse(filepath.Base(path), data)
			doc, files = d, []*source.File{f}
		default:
			doc, files = extract.File(path, data, o.extract)
		}
		return &lint.Loaded{Doc: doc, Files: files}, nil
	}
	inputs := []lint.Input{{Name: path, Load: load, SitePage: o.site != nil}}
	if o.site != nil {
		inputs = append(inputs, siblingPages(path, data, o)...)
	}
	fs, err := o.run(inputs, o.site != nil)
	if err != nil {
		panic(err) // a test input that cannot be read is a broken test
	}
	if o.site != nil {
		// Only the input's own findings: the sibling pages of a site are
		// scaffolding.
		fs = slices.DeleteFunc(fs, func(f model.Finding) bool { return f.Span.File != path })
	}
	return fs
}

// siblingPages are the other pages of a crawled site, so that the site has
// o.site's pages and pages with the SDK once path's page is counted.
func siblingPages(path string, data []byte, o lintOptions) []lint.Input {
	doc, _ := extract.File(path, data, o.extract)
	withSDK := o.site.PagesWithSDK
	if doc.Page != nil && len(doc.Page.Loaders) > 0 {
		withSDK--
	}
	var out []lint.Input
	for i := range o.site.Pages - 1 {
		page := "<!doctype html><html><head><title>other</title></head><body></body></html>"
		if i < withSDK {
			page = `<!doctype html><html><head><script async src="` + pixel.SDKURL + `"></script><title>other</title></head><body></body></html>`
		}
		name := fmt.Sprintf("site/other-%d.html", i)
		body := []byte(page)
		out = append(out, lint.Input{Name: name, SitePage: true, Load: func(context.Context) (*lint.Loaded, error) {
			d, f := extract.File(name, body, extract.Options{})
			return &lint.Loaded{Doc: d, Files: f}, nil
		}})
	}
	return out
}

// lintFile writes the input to a temporary folder and lints it from there,
// as check does with a file argument.
func lintFile(path string, data []byte, o lintOptions) []model.Finding {
	dir, err := os.MkdirTemp("", "oaiq-lint-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(file, data, 0o644); err != nil {
		panic(err)
	}
	var inputs []lint.Input
	for in := range lint.Targets([]string{file}, nil, lint.SourceOptions{MaxFileSize: o.maxFileSize}) {
		inputs = append(inputs, in)
	}
	fs, err := o.run(inputs, false)
	if err != nil {
		panic(err)
	}
	return fs
}

// lintCrawled serves a site on loopback according to an example in a
// language only a crawl reads, crawls it from its landing page and lints
// every page as the crawl command does:
//
//   - robots.txt: the site's robots.txt; the landing page is a plain page.
//   - http: the landing page's raw HTTP answer (status line, headers, body).
//   - nginx: a `return CODE URL;` line the http site answers the landing
//     page with ($uri, $request_uri and $host understood); the URL's
//     host is a second loopback server, the https site, serving the page.
func lintCrawled(lang, code string, o lintOptions) ([]model.Finding, error) {
	const page = "<!doctype html><html><head><title>Landing</title></head><body><p>Welcome.</p></body></html>"
	servePage := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}
	site := http.NewServeMux()
	switch lang {
	case "robots.txt":
		site.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, code) })
		site.HandleFunc("/landing", func(w http.ResponseWriter, _ *http.Request) { servePage(w) })
	case "http":
		resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(strings.ReplaceAll(code, "\n", "\r\n"))), nil)
		if err != nil {
			return nil, fmt.Errorf("the http example is not an HTTP answer: %w", err)
		}
		body, _ := io.ReadAll(resp.Body)
		site.HandleFunc("/landing", func(w http.ResponseWriter, _ *http.Request) {
			for k, vs := range resp.Header {
				w.Header()[k] = vs
			}
			w.WriteHeader(resp.StatusCode)
			w.Write(body)
		})
	case "nginx":
		secure := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { servePage(w) }))
		defer secure.Close()
		fields := strings.Fields(strings.TrimSuffix(strings.TrimSpace(code), ";"))
		if len(fields) != 3 || fields[0] != "return" {
			return nil, fmt.Errorf("the nginx example is not one `return CODE URL;` line: %q", code)
		}
		var status int
		if _, err := fmt.Sscan(fields[1], &status); err != nil {
			return nil, err
		}
		target := strings.Replace(fields[2], "https://shop.example.com", secure.URL, 1)
		site.HandleFunc("/landing", func(w http.ResponseWriter, r *http.Request) {
			to := strings.NewReplacer("$request_uri", r.URL.RequestURI(), "$uri", r.URL.Path, "$host", r.Host).Replace(target)
			http.Redirect(w, r, to, status)
		})
	default:
		return nil, fmt.Errorf("no crawl reads a %q example", lang)
	}
	srv := httptest.NewServer(site)
	defer srv.Close()

	res, err := crawl.Run(context.Background(), []string{srv.URL + "/landing"}, nil, crawl.Options{UserAgent: "oaiq-lint/test",
		Concurrency: 2, Timeout: 10 * time.Second, MaxRedirects: 5, MaxDepth: -1})
	if err != nil {
		return nil, err
	}
	var inputs []lint.Input
	for _, p := range res.Pages {
		inputs = append(inputs, lint.Document(p.URL, p.Doc, p.Files))
		inputs[len(inputs)-1].SitePage = p.HTML
	}
	return o.run(inputs, true)
}

// asExpected turns findings into what the matcher compares.
func asExpected(fs []model.Finding) []expect.Finding {
	out := make([]expect.Finding, len(fs))
	for i, f := range fs {
		out[i] = expect.Finding{Line: f.Span.Start.Line, Col: f.Span.Start.Col, Rule: f.Rule,
			Severity: f.Severity.String(), Message: f.Message, Hint: f.Hint, Pointer: f.Span.Pointer}
	}
	return out
}

func describeFindings(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n\t" + asExpected([]model.Finding{f})[0].String())
	}
	return b.String()
}
