package extract

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
)

func TestNotCode(t *testing.T) {
	for code, want := range map[string]bool{
		`{"vendors": [{"id": "oaiq"}]}`:          true,
		` [1, 2] `:                               true,
		`<tr><td>{{ name }}</td></tr>`:           true,
		`oaiq("init", { pixelId: "px_1" });`:     false,
		`{ oaiq("init", { pixelId: "px_1" }); }`: false, // a block statement, not JSON
		"<!--\noaiq(\"init\", {});\n//-->":       false,
		``:                                       false,
	} {
		if got := notCode([]byte(code)); got != want {
			t.Errorf("notCode(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestConsentGate(t *testing.T) {
	tests := []struct {
		tag  string
		want string // "" for a script no consent manager holds back
	}{
		{`<script type="text/plain" class="optanon-category-C0004">`, "OneTrust (category C0004)"},
		{`<script type="text/plain" class="x optanon-category-c0002 y">`, "OneTrust (category C0002)"},
		{`<script type="text/plain" data-cookieconsent="marketing">`, "Cookiebot (category marketing)"},
		{`<script type="text/plain" data-cookieconsent="ignore">`, ""},
		{`<script type="text/plain" data-usercentrics="OpenAI Ads">`, "Usercentrics (service OpenAI Ads)"},
		{`<script type="didomi/javascript" data-vendor="c:openai">`, "Didomi (vendor c:openai)"},
		{`<script type="text/plain" class="_iub_cs_activate" data-iub-purposes="5">`, "iubenda (purposes 5)"},
		{`<script type="text/plain" data-cookieyes="cookieyes-advertisement">`, "CookieYes (category cookieyes-advertisement)"},
		{`<script type="text/plain" data-cookiefirst-category="advertising">`, "CookieFirst (category advertising)"},
		{`<script type="text/plain" class="trustecm" trackertype="advertising">`, "TrustArc (category advertising)"},
		{`<script type="text/plain" data-type="text/javascript" data-name="openai">`, "Klaro (service openai)"},
		{`<script type="text/template" data-borlabs-cookie-script-blocker-id="oaiq">`, "Borlabs Cookie (blocker oaiq)"},
		{`<script type="text/plain" class="cmplazyload" data-cmp-vendor="s1234">`, "consentmanager.net (vendor s1234)"},
		{`<script type="text/plain" class="cmplazyload">`, "consentmanager.net"},
		{`<script type="text/plain" class="cmplazyload" data-cmp-purpose="c53">`, "consentmanager.net (purpose c53)"},
		{`<script type="text/template-module" data-borlabs-cookie-script-blocker-id="x">`, "Borlabs Cookie (blocker x)"},
		{`<script type="text/plain" class="cmplz-stats">`, "Complianz"},
		{`<script type="text/plain" data-cli-class="cli-blocker-script" data-cli-script-type="advertisement">`, "CookieLawInfo (category advertisement)"},
		{`<script type="text/plain" class="cmplz-script" data-category="marketing">`, "Complianz (category marketing)"},
		{`<script type="text/plain" data-cookiecategory="marketing">`, "CookieConsent (category marketing)"},
		{`<script type="text/plain" data-category="analytics" data-service="OpenAI Ads">`, "CookieConsent (category analytics)"},
		// Generic markers are templates' and data blocks' too: no manager
		// is named by them, so they are not read as code.
		{`<script type="text/plain" data-category="marketing">`, ""},
		{`<script type="text/plain" data-category="row" id="tpl-row">`, ""},
		{`<script type="text/plain" data-categories="analytics">`, ""},
		{`<script type="text/plain" data-service="maps">`, ""},
		{`<script type="text/plain" data-consent-purpose="ads">`, ""},
		{`<script type="text/plain" data-consent-config="v3">`, ""},
		{`<script type="text/template" data-category="marketing">`, ""},
		{`<script type="text/template" class="cmplazyload">`, ""},
		{`<script type="TEXT/PLAIN" class="optanon-category-C0004">`, "OneTrust (category C0004)"},
		// Data blocks and templates that no manager releases.
		{`<script type="text/plain">`, ""},
		{`<script type="text/plain" id="install-instructions">`, ""},
		{`<script type="application/ld+json" data-cookieconsent="marketing">`, ""},
		{`<script type="text/x-template" class="optanon-category-C0004">`, ""},
	}
	for _, tt := range tests {
		page := []byte(tt.tag + "</script>")
		doc := htmlx.Scan(page, page)
		if len(doc.Elements) != 1 {
			t.Fatalf("%s: %d elements", tt.tag, len(doc.Elements))
		}
		got, ok := consentGate(&doc.Elements[0], false)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: got %q, %v; want %q", tt.tag, got, ok, tt.want)
		}
	}
}

func TestGatedSrc(t *testing.T) {
	for tag, want := range map[string]string{
		`<script type="text/plain" data-usercentrics="x" src="a.js">`:                                                           "a.js",
		`<script type="text/plain" data-cookieconsent="x" data-src="b.js">`:                                                     "b.js",
		`<script type="text/plain" class="cmplazyload" data-cmp-src="c.js">`:                                                    "c.js",
		`<script type="text/template" data-borlabs-cookie-script-blocker-id="x" data-borlabs-cookie-script-blocker-src="d.js">`: "d.js",
		`<script type="text/plain" class="cmplazyload">`:                                                                        "",
	} {
		page := []byte(tag + "</script>")
		doc := htmlx.Scan(page, page)
		a, ok := gatedSrc(&doc.Elements[0])
		if a.Value != want || ok != (want != "") {
			t.Errorf("%s: got %q, %v; want %q", tag, a.Value, ok, want)
		}
	}
}

// CookieConsent v3's data-category names it only on a page that uses it.
func TestConsentGateCookieConsent(t *testing.T) {
	for tag, want := range map[string]string{
		`<script type="text/plain" data-category="analytics">`:                         "CookieConsent (category analytics)",
		`<script type="text/plain" class="cmplz-script" data-category="marketing">`:    "Complianz (category marketing)",
		`<script type="text/template" data-category="analytics">`:                      "",
		`<script type="text/plain" data-category="analytics">{"rows": [1]}`:            "CookieConsent (category analytics)", // notCode keeps it unread
		`<script type="text/plain" data-service="grid">`:                               "",
		`<script type="text/plain" data-cookieconsent="statistics" data-category="x">`: "Cookiebot (category statistics)",
	} {
		page := []byte(tag + "</script>")
		doc := htmlx.Scan(page, page)
		got, ok := consentGate(&doc.Elements[0], true)
		if got != want || ok != (want != "") {
			t.Errorf("%s: got %q, %v; want %q", tag, got, ok, want)
		}
	}
}

func TestUsesCookieConsent(t *testing.T) {
	for page, want := range map[string]bool{
		`<script src="https://cdn.example/npm/vanilla-cookieconsent@3/dist/cookieconsent.umd.js"></script>`:              true,
		`<script defer src="/js/CookieConsent.js?v=3"></script>`:                                                         true,
		`<script type="module" src="./cookieconsent.esm.js"></script>`:                                                   true,
		`<script type="module">import "./lib.js"; CookieConsent.run({ categories: {} });</script>`:                       true,
		`<script type="text/plain" data-category="analytics" data-service="Ads">x()</script>`:                            true,
		`<script src="/js/mycookieconsent.js"></script>`:                                                                 false,
		`<script src="/js/cookieconsent.css.js.map"></script>`:                                                           false,
		`<script type="text/plain">CookieConsent.run({})</script>`:                                                       false,
		`<script type="text/plain" id="tpl-row" data-category="row">oaiq()</script>`:                                     false,
		`<script type="text/plain" data-service="grid"></script><script type="text/plain" data-category="row"></script>`: false,
	} {
		doc := htmlx.Scan([]byte(page), []byte(page))
		if got := usesCookieConsent(doc.Elements, []byte(page)); got != want {
			t.Errorf("%s: got %v, want %v", page, got, want)
		}
	}
}
