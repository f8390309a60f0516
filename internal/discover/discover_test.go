package discover

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for i := 0; i < len(files); i += 2 {
		p := filepath.Join(root, filepath.FromSlash(files[i]))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func paths(root string, ts []Target) []string {
	var out []string
	for _, t := range ts {
		rel, _ := filepath.Rel(root, t.Path)
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func TestWalkSkipsVCSDependenciesAndIgnoredFiles(t *testing.T) {
	root := tree(t,
		"index.html", "", "b/page.njk", "", "a.js", "", "notes.txt", "",
		".git/x.html", "", "node_modules/p/i.html", "", "vendor/v.html", "",
		".gitignore", "dist/\n*.min.js\n!keep.min.js\n/top.html\n",
		"dist/out.html", "", "lib/x.min.js", "", "lib/keep.min.js", "", "top.html", "", "sub/top.html", "",
		"sub/.gitignore", "local.html\n", "sub/local.html", "", "local.html", "",
	)
	// A symlink loop must not trap the walk.
	os.Symlink(root, filepath.Join(root, "sub", "loop"))
	ts, errs := Expand([]string{root}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"a.js", "b/page.njk", "index.html", "lib/keep.min.js", "local.html", "sub/top.html"}
	if got := paths(root, ts); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestExplicitFilesGlobsAndErrors(t *testing.T) {
	root := tree(t, "x/page.tpl", "", "x/y/z.html", "", "x/y/w.png", "")
	ts, errs := Expand([]string{
		filepath.Join(root, "x/page.tpl"), filepath.Join(root, "x/**/*.html"), filepath.Join(root, "missing.html"),
		filepath.Join(root, "x/**"), "-", "https://example.com/",
	}, Options{})
	if len(errs) != 1 {
		t.Fatalf("errors = %v, want one for missing.html", errs)
	}
	got := []string{}
	for _, tg := range ts {
		name := tg.Path
		if tg.Kind == File {
			name = filepath.Base(tg.Path)
		}
		got = append(got, name)
		if !tg.Explicit {
			t.Errorf("%s not explicit", tg.Path)
		}
	}
	want := []string{"page.tpl", "z.html", "-", "https://example.com/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Patterns people type: alternatives and negated classes, in arguments and
// in .gitignore (where braces are literal, as in git).
func TestGlobAlternativesAndNegatedClasses(t *testing.T) {
	root := tree(t, "site/a.html", "", "site/_partial.html", "", "docs/b.html", "", "src/c.ts", "", "src/d.vue", "",
		"pub/.gitignore", "{a,b}.html\n[!i]*.html\n", "pub/index.html", "", "pub/a.html", "", "pub/{a,b}.html", "")
	ts, errs := Expand([]string{filepath.Join(root, "{site,docs}/[!_]*.html"), filepath.Join(root, "src/*.{ts,js}")}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got, want := paths(root, ts), []string{"docs/b.html", "site/a.html", "src/c.ts"}; !reflect.DeepEqual(got, want) {
		t.Errorf("arguments: got %v, want %v", got, want)
	}
	ts, errs = Expand([]string{filepath.Join(root, "pub")}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// [!i]*.html ignores a.html and {a,b}.html but not index.html.
	if got, want := paths(root, ts), []string{"pub/index.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf(".gitignore: got %v, want %v", got, want)
	}
}

// Extensions listed in ByContent are picked in folders (and by globs that
// do not name the extension) only when their content is accepted; a file
// named on the command line is kept whatever it holds.
func TestByContent(t *testing.T) {
	root := tree(t,
		"index.html", "",
		"package.json", `{"name": "shop"}`,
		"gtm/GTM-1.json", `{"exportFormatVersion": 2}`,
		"templates/page.tpl", "{$smarty.now}",
	)
	opts := Options{ByContent: map[string]func(string, []byte) bool{
		".json": func(_ string, head []byte) bool { return string(head) == `{"exportFormatVersion": 2}` },
	}}
	got, errs := Expand([]string{root}, opts)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if want := []string{"gtm/GTM-1.json", "index.html"}; !reflect.DeepEqual(paths(root, got), want) {
		t.Errorf("walk: %v, want %v", paths(root, got), want)
	}
	got, _ = Expand([]string{filepath.Join(root, "**", "*")}, opts)
	if want := []string{"gtm/GTM-1.json", "index.html"}; !reflect.DeepEqual(paths(root, got), want) {
		t.Errorf("glob: %v, want %v", paths(root, got), want)
	}
	got, _ = Expand([]string{filepath.Join(root, "package.json")}, opts)
	if want := []string{"package.json"}; !reflect.DeepEqual(paths(root, got), want) {
		t.Errorf("named: %v, want %v", paths(root, got), want)
	}
}
