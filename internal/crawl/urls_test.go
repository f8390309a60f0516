package crawl

import (
	"net/url"
	"testing"
)

func TestNormalize(t *testing.T) {
	base, _ := url.Parse("https://Shop.Example/a/b?x=1")
	for ref, want := range map[string]string{
		"c":                                "https://shop.example/a/c",
		"/d#section":                       "https://shop.example/d",
		"HTTPS://SHOP.EXAMPLE:443":         "https://shop.example/",
		"http://shop.example:80/p?b=2&a=1": "http://shop.example/p?b=2&a=1",
		"http://user:pw@shop.example/":     "http://shop.example/",
		"//cdn.example/x":                  "https://cdn.example/x",
		"?q=1":                             "https://shop.example/a/b?q=1",
		"http://127.0.0.1:8080":            "http://127.0.0.1:8080/",
	} {
		u, err := Normalize(base, ref)
		if err != nil || u.String() != want {
			t.Errorf("%q: got %v, %v; want %s", ref, u, err, want)
		}
	}
	for _, ref := range []string{"mailto:a@b.example", "javascript:void(0)", "ftp://x.example/", "tel:123", "data:text/html,x"} {
		if u, err := Normalize(base, ref); err == nil {
			t.Errorf("%q: accepted as %v", ref, u)
		}
	}
}

func TestPageType(t *testing.T) {
	for in, want := range map[string]string{
		"https://s.example/":              "/",
		"https://s.example/about":         "/",
		"https://s.example/products/shoe": "/products/",
		"https://s.example/products/":     "/products/",
		"https://s.example/a/b/c?x":       "/a/",
	} {
		if got := PageType(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
