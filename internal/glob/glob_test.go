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
	}
	for _, c := range cases {
		if got := Match(c.pattern, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
	if Valid("[") || !Valid("**/*.js") {
		t.Error("Valid")
	}
}
