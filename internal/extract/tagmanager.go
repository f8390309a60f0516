package extract

import (
	"bytes"
	"regexp"
)

// gtmID is a Google Tag Manager container id, as the loader snippet or
// the gtm.js URL writes it.
var gtmID = regexp.MustCompile(`\bGTM-[A-Z0-9]{4,10}\b`)

// containerID returns the container a tag manager loader names, "" when
// none is written.
func containerID(text []byte) string {
	return string(gtmID.Find(text))
}

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
