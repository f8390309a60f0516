package extract

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// consentGate names the consent manager that holds a <script> back until
// the visitor agrees, with what it waits for: "OneTrust (category C0004)".
// Consent managers write such scripts with a type browsers do not run
// (text/plain, or their own) and a marker of theirs, and turn them into
// JavaScript once the visitor agrees; the pixel's snippet is often held
// back this way. Only markers a named product writes count: a generic
// data-category or a "consent" attribute also marks templates and data
// blocks, which must not be read as code; it counts for CookieConsent
// only on a page that uses it (cookieConsent, see usesCookieConsent). ok
// is false for any other script.
func consentGate(el *htmlx.Element, cookieConsent bool) (gate string, ok bool) {
	typ := strings.ToLower(strings.TrimSpace(el.Value("type")))
	switch typ {
	case "didomi/javascript":
		return named("Didomi", "vendor", el.Value("data-vendor")), true
	case "text/template", "text/template-module":
		// Borlabs Cookie keeps what it blocks in text/template.
		if v, ok := el.Attr("data-borlabs-cookie-script-blocker-id"); ok {
			return named("Borlabs Cookie", "blocker", v.Value), true
		}
		return "", false
	case "text/plain":
	default:
		return "", false
	}
	class := strings.Fields(el.Value("class"))
	for _, c := range class {
		if cat, ok := strings.CutPrefix(strings.ToLower(c), "optanon-category-"); ok {
			return named("OneTrust", "category", strings.ToUpper(cat)), true
		}
	}
	if v, ok := el.Attr("data-cookieconsent"); ok {
		if strings.EqualFold(strings.TrimSpace(v.Value), "ignore") {
			return "", false // Cookiebot leaves it alone: a data block stays one
		}
		return named("Cookiebot", "category", v.Value), true
	}
	markers := []struct{ attr, cmp, what string }{
		{"data-usercentrics", "Usercentrics", "service"},
		{"data-cookieyes", "CookieYes", "category"},
		{"data-cookiefirst-category", "CookieFirst", "category"},
		{"data-cmp-vendor", "consentmanager.net", "vendor"},
	}
	for _, m := range markers {
		if v, ok := el.Attr(m.attr); ok {
			return named(m.cmp, m.what, v.Value), true
		}
	}
	if strings.EqualFold(strings.TrimSpace(el.Value("data-cli-class")), "cli-blocker-script") {
		return named("CookieLawInfo", "category", el.Value("data-cli-script-type")), true
	}
	for _, c := range class {
		switch {
		case strings.HasPrefix(c, "_iub_cs_activate"):
			return named("iubenda", "purposes", el.Value("data-iub-purposes")), true
		case c == "trustecm":
			return named("TrustArc", "category", el.Value("trackertype")), true
		case c == "cmplazyload":
			return named("consentmanager.net", "purpose", el.Value("data-cmp-purpose")), true
		case c == "cmplz-script", c == "cmplz-stats":
			return named("Complianz", "category", el.Value("data-category")), true
		}
	}
	// CookieConsent (orestbida): v2 writes data-cookiecategory, v3 the
	// generic data-category, which names it only on a page that uses it.
	if v, ok := el.Attr("data-cookiecategory"); ok {
		return named("CookieConsent", "category", v.Value), true
	}
	if v, ok := el.Attr("data-category"); ok && (cookieConsent || el.Has("data-service")) {
		return named("CookieConsent", "category", v.Value), true
	}
	// Klaro marks the type the script becomes and the service it belongs to.
	if el.Has("data-name") && el.Has("data-type") && isJavaScript(el.Value("data-type")) {
		return named("Klaro", "service", el.Value("data-name")), true
	}
	return "", false
}

// usesCookieConsent reports a page that uses CookieConsent (orestbida)
// v3, so that its data-category on a held-back script names it: the page
// loads the library (cookieconsent.umd.js, .js or .esm.js), starts it
// (CookieConsent.run), or holds a script with both data-category and
// data-service, the pair only CookieConsent writes. text is the masked
// page the elements' offsets point into.
func usesCookieConsent(els []htmlx.Element, text []byte) bool {
	for i := range els {
		el := &els[i]
		if el.Tag != "script" {
			continue
		}
		if src, ok := el.Attr("src"); ok {
			u := strings.ToLower(strings.TrimSpace(src.Value))
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				u = u[:i]
			}
			for _, name := range []string{"cookieconsent.umd.js", "cookieconsent.js", "cookieconsent.esm.js"} {
				if u == name || strings.HasSuffix(u, "/"+name) {
					return true
				}
			}
			continue
		}
		if el.Has("data-category") && el.Has("data-service") {
			return true
		}
		if isJavaScript(el.Value("type")) && el.TextEnd > el.TextStart &&
			bytes.Contains(text[el.TextStart:el.TextEnd], []byte("CookieConsent.run(")) {
			return true
		}
	}
	return false
}

// named is "OneTrust (category C0004)", or the manager alone when it does
// not say what it waits for.
func named(cmp, what, value string) string {
	value = strings.TrimSpace(value)
	if value == "" {
		return cmp
	}
	return cmp + " (" + what + " " + value + ")"
}

// gatedSrc is where a held-back external script is loaded from once the
// visitor agrees: its src, or the data-src (data-cmp-src for
// consentmanager.net, data-borlabs-cookie-script-blocker-src for Borlabs
// Cookie) some managers use so that the browser does not even fetch it
// before.
func gatedSrc(el *htmlx.Element) (htmlx.Attr, bool) {
	for _, name := range []string{"src", "data-src", "data-cmp-src", "data-borlabs-cookie-script-blocker-src"} {
		if a, ok := el.Attr(name); ok {
			return a, true
		}
	}
	return htmlx.Attr{}, false
}

// notCode reports a held-back script's content that is no JavaScript
// whatever releases it: a JSON data block, or markup for a template.
// Such content is not read, so it never makes a parse error.
func notCode(code []byte) bool {
	t := bytes.TrimSpace(code)
	if bytes.HasPrefix(t, []byte("<!--")) {
		return false // an old-style comment scripts may open with
	}
	return len(t) > 0 && (t[0] == '<' || (t[0] == '{' || t[0] == '[') && json.Valid(t))
}

// holdsSnippet reports a <script> that browsers do not run as written,
// and no known consent manager marks, holding the pixel's loader: the
// documented snippet (it names the SDK's address and oaiq) or a src
// pointing at the SDK. Something on the page may turn it into JavaScript.
func holdsSnippet(el *htmlx.Element, code []byte) bool {
	if src, ok := gatedSrc(el); ok {
		return pixel.IsSDKURL(src.Value)
	}
	if notCode(code) {
		return false
	}
	return bytes.Contains(code, []byte("oaiq")) &&
		(bytes.Contains(code, []byte(pixel.SDKHost)) || bytes.Contains(code, []byte("oaiq.min.js")))
}
