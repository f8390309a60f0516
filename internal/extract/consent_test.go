package extract

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
)

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
		{`<script type="text/plain" data-category="marketing">`, "a consent manager (category marketing)"},
		{`<script type="text/plain" data-consent-purpose="ads">`, "a consent manager (data-consent-purpose ads)"},
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
		got, ok := consentGate(&doc.Elements[0])
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: got %q, %v; want %q", tt.tag, got, ok, tt.want)
		}
	}
}
