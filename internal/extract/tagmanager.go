package extract

import (
	"bytes"
	"strings"
)

// tagManagers are markers of tag managers in a script URL or an inline
// loader snippet. A page that loads one may get the pixel at run time.
var tagManagers = []struct{ name, marker string }{
	{"Google Tag Manager", "googletagmanager.com/gtm.js"},
	{"Google tag (gtag.js)", "googletagmanager.com/gtag/js"},
	{"Tealium iQ", "tags.tiqcdn.com/utag"},
	{"Adobe Experience Platform Tags", "assets.adobedtm.com"},
	{"Segment", "cdn.segment.com/analytics.js"},
	{"Matomo Tag Manager", "/container_"},
	{"Piwik PRO Tag Manager", "containers.piwik.pro"},
	{"Ensighten", "nexus.ensighten.com"},
	{"Commanders Act", "cdn.tagcommander.com"},
}

// tagManagerIn returns the tag manager a script URL or inline text loads.
func tagManagerIn(text []byte) (string, bool) {
	for _, tm := range tagManagers {
		if bytes.Contains(text, []byte(tm.marker)) {
			if tm.name == "Matomo Tag Manager" && !bytes.Contains(bytes.ToLower(text), []byte("matomo")) {
				continue
			}
			return tm.name, true
		}
	}
	return "", false
}

// isSDKURL reports script URLs that load the pixel SDK (or a self-hosted
// copy of it, named like it). A site's own /js/oaiq-events.js is not the SDK:
// it is read like any script, so its calls are checked.
func isSDKURL(src string) bool {
	l := strings.ToLower(src)
	if strings.Contains(l, "bzrcdn.openai.com") {
		return true
	}
	path := l
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
	}
	// A script from an OpenAI host named for the pixel is the pixel at a
	// wrong URL (https://oaiq.openai.com/pixel.js): snippet-src's to judge.
	host := strings.TrimPrefix(path, "//")
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if (host == "openai.com" || strings.HasSuffix(host, ".openai.com")) && (strings.Contains(l, "oaiq") || strings.Contains(l, "pixel")) {
		return true
	}
	if i := strings.IndexByte(path, '/'); i >= 0 && !strings.HasPrefix(l, "/") {
		path = path[i:]
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	base := path[strings.LastIndexByte(path, '/')+1:]
	return base == "oaiq.min.js" || base == "oaiq.js"
}
