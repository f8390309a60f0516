package glob

import "testing"

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"*.html", "a.html", true},
		{"*.html", "d/a.html", false},
		{"site/**/*.html", "site/a.html", true},
		{"site/**/*.html", "site/x/y/a.html", true},
		{"site/**/*.html", "other/a.html", false},
		{"**", "a/b/c", true},
		{"legacy/**", "legacy/x.js", true},
		{"a/?.js", "a/b.js", true},
		// Alternatives, as shells and CI configurations write them.
		{"src/*.{js,ts}", "src/a.ts", true},
		{"src/*.{js,ts}", "src/a.js", true},
		{"src/*.{js,ts}", "src/a.vue", false},
		{"{site,docs}/**/*.html", "docs/x/a.html", true},
		// Negated classes: [!x] and [^x] mean "not x", not "! or x".
		{"[!_]*.html", "index.html", true},
		{"[!_]*.html", "_partial.html", false},
		{"[!_]*.html", "!x.html", true},
		{"[^_]*.html", "_partial.html", false},
		{"a[0-9].js", "a7.js", true},
		{"a\\*.js", "a*.js", true},
		{"a\\*.js", "ab.js", false},
	}
	for _, c := range cases {
		if got := Match(c.pattern, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

func TestMatchGitignore(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"{a,b}.js", "{a,b}.js", true},
		{"{a,b}.js", "a.js", false},
		{"\\{a.js", "{a.js", true},
		{"[!_]*.html", "_partial.html", false},
		{"[!_]*.html", "page.html", true},
		{"dist/**", "dist/x/y.js", true},
		{"**/build", "a/b/build", true},
	}
	for _, c := range cases {
		if got := MatchGitignore(c.pattern, c.name); got != c.want {
			t.Errorf("MatchGitignore(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, p := range []string{"**/*.js", "*.{js,ts}", "[!x]*", "a/?.js"} {
		if !Valid(p) {
			t.Errorf("Valid(%q) = false", p)
		}
	}
	for _, p := range []string{"[", "*.{js", "a[b"} {
		if Valid(p) {
			t.Errorf("Valid(%q) = true", p)
		}
	}
}
