package discover

import (
	"path/filepath"
	"reflect"
	"testing"
)

func TestApplicationSourceIsFoundButNotDeclarations(t *testing.T) {
	root := tree(t,
		"app/layout.tsx", "", "app/page.jsx", "", "lib/pixel.ts", "", "lib/a.mts", "", "lib/b.cts", "",
		"src/App.vue", "", "src/Page.svelte", "", "src/Layout.astro", "",
		"types/env.d.ts", "", "types/x.d.mts", "", "types/y.D.CTS", "",
	)
	ts, errs := Expand([]string{root}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"app/layout.tsx", "app/page.jsx", "lib/a.mts", "lib/b.cts", "lib/pixel.ts", "src/App.vue", "src/Layout.astro", "src/Page.svelte"}
	if got := paths(root, ts); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	ts, _ = Expand([]string{filepath.Join(root, "types", "*")}, Options{})
	if len(ts) != 0 {
		t.Errorf("a glob without an extension must skip declarations, got %v", paths(root, ts))
	}
}

func TestMarkdownDocumentsAreFound(t *testing.T) {
	root := tree(t, "docs/install.md", "", "pages/blog/post.mdx", "", "notes.txt", "", "README.markdown", "")
	ts, errs := Expand([]string{root}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"README.markdown", "docs/install.md", "pages/blog/post.mdx"}
	if got := paths(root, ts); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// Every server template language's extension is walked (review F2, B3):
// .jinja2 as .jinja and .j2 are, JSP documents, Razor and Blazor views.
func TestTemplateLanguagesAreFound(t *testing.T) {
	root := tree(t, "t/a.jinja", "", "t/b.jinja2", "", "t/c.j2", "", "v/d.jsp", "", "v/e.jspx", "",
		"v/f.cshtml", "", "v/g.razor", "", "v/h.vbhtml", "", "v/i.cs", "", "v/j.java", "")
	ts, errs := Expand([]string{root}, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"t/a.jinja", "t/b.jinja2", "t/c.j2", "v/d.jsp", "v/e.jspx", "v/f.cshtml", "v/g.razor", "v/h.vbhtml"}
	if got := paths(root, ts); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
