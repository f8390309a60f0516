// Package pixel is the OpenAI Ads Measurement Pixel's vocabulary, written
// once: its hosts and URLs, how to tell its SDK's address, its commands,
// standard events and the data shape each uses, the fields of every shape
// and object, and the documentation revision all of it follows.
//
// The JSON Schemas in schema/ validate call arguments; a test there fails
// when a schema and this package disagree. pixel imports nothing of ours.
package pixel

import "strings"

// Revision names the revision of the pixel's documentation the rules
// follow: "P6", the newest official text read (2026-08-11): several pixels
// and measureSingle (P5), the CSP table's four rows, a user object of five
// fields that forbids phone hashes. Newer material that only third parties
// attest ("P7": nine user fields) softens verdicts and never raises one.
const Revision = "P6 (2026-08-11)"

// The pixel's hosts and addresses (facts beyond the spec: the CSP table
// and the SDK's own requests).
const (
	// SDKHost serves the SDK.
	SDKHost = "bzrcdn.openai.com"
	// EventsHost receives the SDK's events and the Conversions API.
	EventsHost = "bzr.openai.com"

	SDKOrigin    = "https://" + SDKHost
	EventsOrigin = "https://" + EventsHost

	// SDKURL is the address the documented snippet loads.
	SDKURL = SDKOrigin + "/sdk/oaiq.min.js"
	// EventsPath is the SDK's events endpoint (fetch, sendBeacon and the
	// image fallback).
	EventsPath = "/v1/sdk/events"
	EventsURL  = EventsOrigin + EventsPath
	// ConfigURL stands for the per-pixel configuration the SDK fetches from
	// its own host (revision P5, the CSP table's fourth row); the path is not
	// documented, so only the origin is meant.
	ConfigURL = SDKOrigin + "/"
	// ConversionsAPIURL is the server-side Conversions API endpoint
	// (POST, ?pid=<PIXEL-ID>); page code must never call it.
	ConversionsAPIURL = EventsOrigin + "/v1/events"

	// GTMTemplateRepository is the official Google Tag Manager tag
	// template's public repository (owner/name), as a container export's
	// galleryReference names it.
	GTMTemplateRepository = "openai/ads-measurement-pixel-gtm-template"
)

// sdkFileNames are the file names of the SDK, minified or not, which a
// self-hosted copy keeps.
var sdkFileNames = []string{"oaiq.min.js", "oaiq.js"}

// IsSDKURL reports a script address that loads the SDK: any URL on
// SDKHost, or a self-hosted copy named like the SDK (…/oaiq.min.js,
// …/oaiq.js). It is strict on purpose: a site's own /js/oaiq-events.js is
// not the SDK, and is read like any script so its calls are checked.
func IsSDKURL(src string) bool {
	l := strings.ToLower(src)
	if strings.Contains(l, SDKHost) {
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
	for _, n := range sdkFileNames {
		if base == n {
			return true
		}
	}
	return false
}

// MentionsSDK reports an address that names the SDK's host or the pixel
// at all ("bzrcdn", "oaiq"). It is loose on purpose: it decides whether a
// script that creates a <script> element is the pixel's loader, where the
// code's behaviour already says "loader" and the address only has to point
// at the pixel, the SDK, a renamed copy or a proxy of it.
func MentionsSDK(u string) bool {
	l := strings.ToLower(u)
	return strings.Contains(l, "bzrcdn") || strings.Contains(l, "oaiq")
}

// IsServerURL reports addresses of the pixel's event server (EventsHost)
// or any openai.com address whose path is about conversions or events:
// page code that requests one sends conversions past the pixel.
func IsServerURL(u string) bool {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(u, "http://"); !ok {
			rest, ok = strings.CutPrefix(u, "//")
		}
	}
	if !ok {
		return false
	}
	host, path, _ := strings.Cut(rest, "/")
	host = strings.ToLower(host)
	if h, _, found := strings.Cut(host, ":"); found {
		host = h
	}
	if host == EventsHost {
		return true
	}
	if host != "openai.com" && !strings.HasSuffix(host, ".openai.com") {
		return false
	}
	path = strings.ToLower(path)
	return strings.Contains(path, "conversion") || strings.Contains(path, "event")
}

// IsImageTagURL reports the image tag's address: GET EventsPath on
// EventsHost by https, http or a protocol-relative URL, whatever its query
// (developers.openai.com/ads/image-tag).
func IsImageTagURL(u string) bool {
	rest := u
	for _, p := range []string{"https://", "http://", "//"} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			rest = rest[len(p):]
			break
		}
	}
	if len(rest) == len(u) {
		return false
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	host, path, _ := strings.Cut(rest, "/")
	host = strings.TrimSuffix(strings.ToLower(host), ":443")
	return host == EventsHost && strings.TrimSuffix("/"+path, "/") == EventsPath
}
