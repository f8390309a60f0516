package csp

import "testing"

const (
	sdkURL    = "https://bzrcdn.openai.com/sdk/oaiq.min.js"
	eventsURL = "https://bzr.openai.com/v1/sdk/events"
	shop      = "https://shop.example.com/checkout"
)

func TestAllowsURL(t *testing.T) {
	tests := []struct {
		name, policy, directive, url, page string
		want                               Result
		wantDir                            string
	}{
		{"no directive restricts", "frame-ancestors 'none'", Connect, eventsURL, "", Allowed, ""},
		{"default-src self only blocks connect", "default-src 'self'", Connect, eventsURL, shop, Blocked, "default-src"},
		{"default-src self only, unknown origin", "default-src 'self'", Connect, eventsURL, "", Unknown, "default-src"},
		{"self matches own origin", "default-src 'self'", Connect, "https://shop.example.com/api", shop, Allowed, "default-src"},
		{"self relative URL", "default-src 'self'", Img, "/pixel.gif", shop, Allowed, "default-src"},
		{"relative URL unknown page", "default-src 'self'", Img, "/pixel.gif", "", Unknown, "default-src"},
		{"self upgrade http page to https", "default-src 'self'", Connect, "https://shop.example.com/api", "http://shop.example.com/", Allowed, "default-src"},
		{"self other port", "default-src 'self'", Connect, "https://shop.example.com:8443/api", shop, Blocked, "default-src"},
		{"connect-src overrides default-src", "default-src 'none'; connect-src https://bzr.openai.com", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"img-src falls back", "default-src https://bzr.openai.com; img-src data:", Img, eventsURL, shop, Blocked, "img-src"},
		{"none", "connect-src 'none'", Connect, eventsURL, shop, Blocked, "connect-src"},
		{"none ignored beside sources", "connect-src 'none' https://bzr.openai.com", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"star matches https", "img-src *", Img, eventsURL, shop, Allowed, "img-src"},
		{"star does not match data", "img-src *", Img, "data:image/gif;base64,R0lGOD", shop, Blocked, "img-src"},
		{"star does not match blob", "img-src *", Img, "blob:https://shop.example.com/1234", shop, Blocked, "img-src"},
		{"data scheme source", "img-src data:", Img, "data:image/gif;base64,R0lGOD", shop, Allowed, "img-src"},
		{"https scheme source", "connect-src https:", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"http scheme source upgrades", "connect-src http:", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"https scheme source not http", "connect-src https:", Connect, "http://bzr.openai.com/", shop, Blocked, "connect-src"},
		{"wildcard subdomain", "connect-src https://*.openai.com", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"wildcard any case", "connect-src HTTPS://*.OpenAI.COM", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"wildcard excludes apex", "connect-src https://*.openai.com", Connect, "https://openai.com/", shop, Blocked, "connect-src"},
		{"wildcard is a suffix on labels", "connect-src *.openai.com", Connect, "https://bzr.notopenai.com/", shop, Blocked, "connect-src"},
		{"scheme-less host on https page", "connect-src bzr.openai.com", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"scheme-less host unknown page, https URL", "connect-src bzr.openai.com", Connect, eventsURL, "", Allowed, "connect-src"},
		{"scheme-less host unknown page, http URL", "connect-src bzr.openai.com", Connect, "http://bzr.openai.com/", "", Unknown, "connect-src"},
		{"scheme-less host on https page, http URL", "connect-src bzr.openai.com", Connect, "http://bzr.openai.com/", shop, Blocked, "connect-src"},
		{"http host source upgrades to https", "connect-src http://bzr.openai.com", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"other host", "connect-src https://bzrcdn.openai.com", Connect, eventsURL, shop, Blocked, "connect-src"},
		{"explicit default port", "connect-src https://bzr.openai.com:443", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"other port", "connect-src https://bzr.openai.com:8443", Connect, eventsURL, shop, Blocked, "connect-src"},
		{"any port", "connect-src https://bzr.openai.com:*", Connect, "https://bzr.openai.com:8443/x", shop, Allowed, "connect-src"},
		{"no port, URL on other port", "connect-src https://bzr.openai.com", Connect, "https://bzr.openai.com:8443/x", shop, Blocked, "connect-src"},
		{"URL with explicit default port", "connect-src https://bzr.openai.com", Connect, "https://bzr.openai.com:443/v1", shop, Allowed, "connect-src"},
		{"path prefix", "script-src https://bzrcdn.openai.com/sdk/", ScriptElem, sdkURL, shop, Allowed, "script-src"},
		{"exact path", "script-src https://bzrcdn.openai.com/sdk/oaiq.min.js", ScriptElem, sdkURL, shop, Allowed, "script-src"},
		{"exact path differs", "script-src https://bzrcdn.openai.com/sdk/oaiq.js", ScriptElem, sdkURL, shop, Blocked, "script-src"},
		{"path without slash is exact", "script-src https://bzrcdn.openai.com/sdk", ScriptElem, sdkURL, shop, Blocked, "script-src"},
		{"percent-encoded path", "script-src https://bzrcdn.openai.com/%73dk/", ScriptElem, sdkURL, shop, Allowed, "script-src"},
		{"root path", "connect-src https://bzr.openai.com/", Connect, eventsURL, shop, Allowed, "connect-src"},
		{"templated source", "connect-src 'self' {{ extra_hosts }}", Connect, eventsURL, shop, Unknown, "connect-src"},
		{"script-src-elem wins", "script-src https://bzrcdn.openai.com; script-src-elem 'self'", ScriptElem, sdkURL, shop, Blocked, "script-src-elem"},
		{"mixed-case url host", "connect-src https://bzr.openai.com", Connect, "https://BZR.OpenAI.com/v1", shop, Allowed, "connect-src"},
		{"garbage URL", "connect-src *", Connect, "ht tp://%zz", shop, Unknown, "connect-src"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Parse(tt.policy).AllowsURL(tt.directive, tt.url, ParseOrigin(tt.page))
			if v.Result != tt.want || v.Directive != tt.wantDir {
				t.Errorf("AllowsURL(%s, %s) under %q = %s by %q (%s), want %s by %q",
					tt.directive, tt.url, tt.policy, v.Result, v.Directive, v.Reason, tt.want, tt.wantDir)
			}
			if v.Result != Allowed && v.Reason == "" {
				t.Errorf("verdict %s has no reason", v.Result)
			}
		})
	}
}

func TestUnknownSelfNamesUndecidedSource(t *testing.T) {
	v := Parse("default-src 'self'").AllowsURL(Connect, eventsURL, Origin{})
	if v.Result != Unknown || len(v.Undecided) != 1 || v.Undecided[0].Kind != Self {
		t.Fatalf("got %+v, want Unknown with 'self' undecided", v)
	}
	if want := "whether 'self' matches depends on the page's origin, which is not known"; v.Reason != want {
		t.Errorf("reason = %q, want %q", v.Reason, want)
	}
}

func TestParseOrigin(t *testing.T) {
	tests := []struct {
		in   string
		want Origin
	}{
		{"https://Shop.Example.com/a?b", Origin{"https", "shop.example.com", "443"}},
		{"http://localhost:8080/", Origin{"http", "localhost", "8080"}},
		{"file:///srv/index.html", Origin{}},
		{"site/index.html", Origin{}},
		{"", Origin{}},
	}
	for _, tt := range tests {
		if got := ParseOrigin(tt.in); got != tt.want {
			t.Errorf("ParseOrigin(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
