package extract

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
)

// consentGate names the consent manager that holds a <script> back until
// the visitor agrees, with what it waits for: "OneTrust (category C0004)".
// Consent managers write such scripts with a type browsers do not run
// (text/plain, or their own) and a marker of theirs, and turn them into
// JavaScript once the visitor agrees; the pixel's snippet is often held
// back this way. ok is false for any other script.
func consentGate(el *htmlx.Element) (gate string, ok bool) {
	typ := strings.ToLower(strings.TrimSpace(el.Value("type")))
	if typ == "didomi/javascript" {
		return named("Didomi", "vendor", el.Value("data-vendor")), true
	}
	if typ != "text/plain" {
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
	}
	for _, m := range markers {
		if v, ok := el.Attr(m.attr); ok {
			return named(m.cmp, m.what, v.Value), true
		}
	}
	for _, c := range class {
		switch {
		case strings.HasPrefix(c, "_iub_cs_activate"):
			return named("iubenda", "purposes", el.Value("data-iub-purposes")), true
		case c == "trustecm":
			return named("TrustArc", "category", el.Value("trackertype")), true
		}
	}
	if el.Has("data-name") && isJavaScript(el.Value("data-type")) && el.Has("data-type") {
		return named("Klaro", "service", el.Value("data-name")), true
	}
	// Consent managers of their own, and plug-ins, mark the category or
	// the consent they wait for.
	for _, a := range el.Attrs {
		switch {
		case a.Name == "data-category" || a.Name == "data-categories" || a.Name == "data-service":
			return named("a consent manager", strings.TrimPrefix(a.Name, "data-"), a.Value), true
		case strings.Contains(a.Name, "consent"):
			return named("a consent manager", a.Name, a.Value), true
		}
	}
	return "", false
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
// visitor agrees: its src, or the data-src some managers use so that the
// browser does not even fetch it before.
func gatedSrc(el *htmlx.Element) (htmlx.Attr, bool) {
	if a, ok := el.Attr("src"); ok {
		return a, true
	}
	return el.Attr("data-src")
}
