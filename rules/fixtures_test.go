package rules_test

// One harness for every fixture: testdata/page (HTML pages, their external
// scripts read from the page's folder), testdata/source (application
// source: TS, JSX, Vue, Svelte, Astro, modules), testdata/log (event
// logs) and testdata/gtm (tag-manager container exports and templates) are
// linted like a check run lints them, by every rule, and every finding
// must be announced by an expectation (see internal/expect): inline in
// files that hold comments, in a sibling .want file for JSON inputs. A
// missing and an unexpected finding both fail, whatever the rule. A
// fixture-config line configures the run (pixel_id=…).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/expect"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// fixtureDirs are the fixture folders; resolve reads a page's external
// scripts from its folder.
var fixtureDirs = []struct {
	dir     string
	resolve bool
}{
	{filepath.Join("..", "testdata", "page"), true},
	{filepath.Join("..", "testdata", "source"), false},
	{filepath.Join("..", "testdata", "log"), false},
	{filepath.Join("..", "testdata", "gtm"), false},
}

// fixtures lists the fixture files of dir (not the .want files, nor the
// folders of scripts pages load).
func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".want") {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	if len(out) == 0 {
		t.Fatalf("%s: no fixtures", dir)
	}
	return out
}

// fixtureExpectations reads a fixture's expectations and configuration,
// inline or from its .want file.
func fixtureExpectations(t *testing.T, path string, data []byte) ([]expect.Expectation, lintOptions) {
	t.Helper()
	var wants []expect.Expectation
	var err error
	text := string(data)
	if expect.NeedsSibling(path) {
		b, rerr := os.ReadFile(expect.SiblingPath(path))
		if rerr != nil {
			t.Fatalf("%s: a JSON fixture needs a .want file beside it (empty when clean): %v", path, rerr)
		}
		text = string(b)
		wants, err = expect.Sibling(text)
	} else {
		wants, err = expect.Inline(text)
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var opts lintOptions
	for k, v := range expect.Config(text) {
		switch k {
		case "pixel_id":
			opts.pixelID = v
		default:
			t.Fatalf("%s: unknown fixture-config setting %q", path, k)
		}
	}
	return wants, opts
}

func TestFixtures(t *testing.T) {
	for _, fd := range fixtureDirs {
		for _, path := range fixtures(t, fd.dir) {
			t.Run(filepath.Base(fd.dir)+"/"+filepath.Base(path), func(t *testing.T) {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				wants, o := fixtureExpectations(t, path, data)
				if fd.resolve {
					o.extract.Resolver = extract.DirResolver{PageDir: fd.dir}
				}
				missing, unexpected := expect.Match(wants, asExpected(lintInput(path, data, o)))
				for _, f := range unexpected {
					t.Errorf("unexpected: %s", f)
				}
				for _, w := range missing {
					t.Errorf("missing: %s", w)
				}
			})
		}
	}
}

// TestFixturesAcrossFiles lints the pages of testdata/page/external, whose
// findings may land in the scripts they load: each file's findings are
// matched against that file's own inline expectations.
func TestFixturesAcrossFiles(t *testing.T) {
	dir := filepath.Join("..", "testdata", "page", "external")
	for _, path := range fixtures(t, dir) {
		if filepath.Ext(path) != ".html" {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var o lintOptions
			o.extract.Resolver = extract.DirResolver{PageDir: dir}
			byFile := map[string][]model.Finding{}
			for _, f := range lintInput(path, data, o) {
				byFile[filepath.Clean(f.Span.File)] = append(byFile[filepath.Clean(f.Span.File)], f)
			}
			for _, file := range fixtures(t, dir) {
				text, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				wants, err := expect.Inline(string(text))
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if file != path && !strings.Contains(string(data), filepath.Base(file)) {
					continue // a script another page loads
				}
				missing, unexpected := expect.Match(wants, asExpected(byFile[filepath.Clean(file)]))
				for _, f := range unexpected {
					t.Errorf("%s: unexpected: %s", file, f)
				}
				for _, w := range missing {
					t.Errorf("%s: missing: %s", file, w)
				}
				delete(byFile, filepath.Clean(file))
			}
			for file, fs := range byFile {
				t.Errorf("findings in %s, which is no fixture file: %s", file, describeFindings(fs))
			}
		})
	}
}
