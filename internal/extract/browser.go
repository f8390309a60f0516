package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// serverFile reports files frameworks run on the server only:
// +page.server.ts, +server.ts, hooks.server.js, *.server.vue, api.server.tsx.
func serverFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return base == "+server" || strings.HasSuffix(base, ".server")
}

// browserScript reports a script that runs in the browser by where it is
// served from (a public/, static/ or wwwroot/ folder: files a web server
// hands out as they are) or by what it uses (document, window, location,
// navigator, the browser's storage): server code has none of them.
func browserScript(name string, code []byte) bool {
	for _, dir := range strings.Split(filepath.ToSlash(filepath.Dir(name)), "/") {
		switch strings.ToLower(dir) {
		case "public", "static", "wwwroot":
			return true
		}
	}
	return browserGlobals.Match(code)
}

// browserGlobals are the browser's own objects, used through members only
// they have (server code may name a variable document or location, and
// tests typeof window), not named in a typeof test.
var browserGlobals = regexp.MustCompile(`(?:^|[^.\w$])(?:` +
	`window\s*(?:\.|\[)|` +
	`document\.(?:querySelector|querySelectorAll|getElementById|getElementsBy\w+|createElement|addEventListener|cookie|body|head|title|referrer|location|readyState|currentScript)\b|` +
	`location\.(?:href|search|pathname|hash|origin|hostname|reload|assign|replace)\b|` +
	`(?:navigator|localStorage|sessionStorage)\.\w)`)

// usesClient reports a module whose directive prologue holds "use client"
// (React Server Components): it runs in the browser.
func usesClient(code []byte) bool {
	for i := 0; i < len(code); {
		switch c := code[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == 0xef || c == 0xbb || c == 0xbf:
			i++
		case bytes.HasPrefix(code[i:], []byte("//")):
			k := bytes.IndexByte(code[i:], '\n')
			if k < 0 {
				return false
			}
			i += k + 1
		case bytes.HasPrefix(code[i:], []byte("/*")):
			k := bytes.Index(code[i+2:], []byte("*/"))
			if k < 0 {
				return false
			}
			i += k + 4
		case c == '"' || c == '\'':
			k := bytes.IndexByte(code[i+1:], c)
			if k < 0 {
				return false
			}
			if string(code[i+1:i+1+k]) == "use client" {
				return true
			}
			i += k + 2 // another directive ("use strict")
		default:
			return false
		}
	}
	return false
}

// runsInBrowser reports a script or module that runs in the browser:
// "use client", served from a public folder or using the browser's
// objects; a framework's server file never does.
func runsInBrowser(name string, code []byte) bool {
	return !serverFile(name) && (usesClient(code) || browserScript(name, code))
}

// markBrowser flags the server requests from index from on, and the
// Conversions API requests from index fromCAPI on, as made in browser code.
func markBrowser(doc *model.Document, from, fromCAPI int) {
	for i := from; i < len(doc.Page.ServerRequests); i++ {
		doc.Page.ServerRequests[i].Browser = true
	}
	for i := fromCAPI; i < len(doc.Requests); i++ {
		doc.Requests[i].Browser = true
	}
}
