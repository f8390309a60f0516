package crawl

import "testing"

func TestRobotsGroupsAndPrecedence(t *testing.T) {
	robots := ParseRobots([]byte(`# shop
User-agent: *
Disallow: /checkout
Allow: /checkout/thanks$
Disallow: /*.pdf$
Disallow: /search?*q=

User-agent: OAI-AdsBot
User-agent: other-bot
Disallow: /private
Allow: /private/landing
Disallow: /x/
Allow: /x/

User-agent: oaiq-lint
Disallow: /tools*/debug
Crawl-delay: 2.5

Sitemap: https://shop.example/sitemap.xml
`))
	cases := []struct {
		ua, path string
		allowed  bool
		line     int // deciding line, 0 for none
	}{
		{"Mozilla/5.0", "/", true, 0},
		{"Mozilla/5.0", "/checkout/pay", false, 3},
		{"Mozilla/5.0", "/checkout/thanks", true, 4},      // longer Allow wins
		{"Mozilla/5.0", "/checkout/thanks?x=1", false, 3}, // "$" anchors the end
		{"Mozilla/5.0", "/docs/a.pdf", false, 5},
		{"Mozilla/5.0", "/docs/a.pdf?v=2", true, 0},
		{"Mozilla/5.0", "/search?lang=en&q=shoes", false, 6},
		{"Mozilla/5.0", "/search?lang=en", true, 0},
		// OAI-AdsBot has its own group: the * group does not apply to it.
		{"OAI-AdsBot/1.0", "/checkout/pay", true, 0},
		{"oai-adsbot", "/private/page", false, 10},
		{"OAI-AdsBot", "/private/landing/a", true, 11},
		{"OAI-AdsBot", "/x/y", true, 13}, // equal length: Allow wins
		{"other-bot", "/private", false, 10},
		{"oaiq-lint/1.0 (+https://example)", "/tools/v2/debug", false, 16},
		{"oaiq-lint/1.0", "/checkout", true, 0},
		{"OAI-AdsBot", "/%70rivate", false, 10},  // %70 is "p"
		{"Mozilla/5.0", "/check%6Fut", false, 3}, // unreserved escapes decoded
		{"Mozilla/5.0", "/caf%C3%A9", true, 0},   // other escapes kept
	}
	for _, c := range cases {
		v := robots.Check(c.ua, c.path)
		line := 0
		if v.Rule != nil {
			line = v.Rule.Line
		}
		if v.Allowed != c.allowed || line != c.line {
			t.Errorf("%s %s: allowed %v by line %d, want %v by line %d", c.ua, c.path, v.Allowed, line, c.allowed, c.line)
		}
	}
	if d := robots.CrawlDelay("oaiq-lint/1"); d.Seconds() != 2.5 {
		t.Errorf("crawl delay %v", d)
	}
	if len(robots.Sitemaps) != 1 {
		t.Errorf("sitemaps %v", robots.Sitemaps)
	}
}

func TestRobotsStarWithoutAdsBotGroup(t *testing.T) {
	r := ParseRobots([]byte("User-agent: *\nDisallow: /\n"))
	v := r.Check(AdsBot, "/landing")
	if v.Allowed || v.Group != "*" || v.Rule.Text != "Disallow: /" {
		t.Errorf("got %+v", v)
	}
	// An empty Disallow allows everything; a group without rules too.
	for _, txt := range []string{"User-agent: *\nDisallow:\n", "User-agent: OAI-AdsBot\nCrawl-delay: 1\n\nUser-agent: *\nDisallow: /\n", ""} {
		if v := ParseRobots([]byte(txt)).Check(AdsBot, "/landing"); !v.Allowed {
			t.Errorf("%q: disallowed by %+v", txt, v.Rule)
		}
	}
	// Consecutive user-agent lines share one group, blank lines or not.
	if v := ParseRobots([]byte("User-agent: OAI-AdsBot\n\nUser-agent: *\nDisallow: /\n")).Check(AdsBot, "/"); v.Allowed || v.Group != AdsBot {
		t.Errorf("shared group: %+v", v)
	}
	var none *Robots
	if !none.Check(AdsBot, "/").Allowed {
		t.Error("no robots.txt must allow everything")
	}
}

func TestRobotsPatterns(t *testing.T) {
	for _, c := range []struct {
		pat, path string
		ok        bool
	}{
		{"/", "/anything", true},
		{"/a*b", "/axxb", true},
		{"/a*b", "/axx", false},
		{"/a*b$", "/axxbyb", true},
		{"/a*b$", "/axxbx", false},
		{"*.php", "/x/y.php?z", true},
		{"/fish$", "/fish", true},
		{"/fish$", "/fishes", false},
		{"/*/*/c", "/a/b/c", true},
		{"/*/*/c", "/a/c", false},
		{"$", "", true},
	} {
		if got := matchRobotsPattern(c.pat, c.path); got != c.ok {
			t.Errorf("%q ~ %q = %v, want %v", c.pat, c.path, got, c.ok)
		}
	}
}

// RFC 9309 allows LF, CR LF and a lone CR as line ends; all three in one
// file must give the same groups.
func TestRobotsLineEndings(t *testing.T) {
	for name, eol := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		text := "User-agent: *" + eol + "Disallow: /private" + eol + eol + "User-agent: OAI-AdsBot" + eol + "Disallow: /ads" + eol + "Sitemap: https://shop.example/s.xml"
		r := ParseRobots([]byte(text))
		if r.Check(AdsBot, "/ads/x").Allowed {
			t.Errorf("%s: /ads must be disallowed for the ads bot", name)
		}
		if !r.Check(AdsBot, "/private").Allowed {
			t.Errorf("%s: the ads bot has its own group; /private is allowed to it", name)
		}
		if len(r.Sitemaps) != 1 || r.Sitemaps[0] != "https://shop.example/s.xml" {
			t.Errorf("%s: sitemaps = %q", name, r.Sitemaps)
		}
	}
	// Mixed ends, and a CR at the very end of the data.
	r := ParseRobots([]byte("User-agent: *\rDisallow: /a\r\nDisallow: /b\nDisallow: /c\r"))
	for _, p := range []string{"/a", "/b", "/c"} {
		if r.Check(AdsBot, p).Allowed {
			t.Errorf("mixed: %s must be disallowed", p)
		}
	}
}
