package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// serverFile reports files frameworks run on the server only:
// +page.server.ts, +server.ts, hooks.server.js, *.server.vue, api.server.tsx,
// Next.js route handlers (app/**/route.ts) and API routes (pages/api/**).
func serverFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	ext := filepath.Ext(base)
	base = strings.TrimSuffix(base, ext)
	if base == "+server" || strings.HasSuffix(base, ".server") {
		return true
	}
	dirs := strings.Split(strings.ToLower(filepath.ToSlash(filepath.Dir(name))), "/")
	for i, dir := range dirs {
		switch {
		case dir == "app" && base == "route" && (ext == ".js" || ext == ".ts" || ext == ".mjs" || ext == ".cjs"):
			return true
		case dir == "pages" && i+1 < len(dirs) && dirs[i+1] == "api":
			return true
		}
	}
	return false
}

// serverCode reports code only Node runs: it reads process.argv, or loads
// a Node module (http, fs, a node: import) or jsdom (a server's browser).
// Such a file is server code whatever browser names it uses.
func serverCode(code []byte) bool {
	return nodeMarkers.Match(code)
}

var nodeMarkers = regexp.MustCompile(`(?:^|[^.\w$])process\.argv\b|` +
	`(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*)["'](?:node:[\w/]+|jsdom|https?|fs|fs/promises|child_process|net|os|worker_threads)["']`)

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
	if isomorphic.Match(code) {
		// It tests where it runs (typeof window): which of its requests
		// run in the browser is not told by the names it uses.
		return false
	}
	seen := map[string]bool{}
	for _, m := range browserGlobals.FindAllSubmatchIndex(code, -1) {
		name := ""
		for g := 1; 2*g < len(m); g++ {
			if m[2*g] >= 0 {
				name = string(code[m[2*g]:m[2*g+1]])
			}
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		if !declares(code, name) || iifeGlobal(code, name) {
			return true
		}
	}
	return false
}

// isomorphic matches a test of where the code runs: typeof window or
// typeof document.
var isomorphic = regexp.MustCompile(`\btypeof\s*\(?\s*(?:window|document)\b`)

// declares reports a file that binds name itself (const/let/var, a
// function's parameter, destructuring, an import): that name is the
// file's own value (JSDOM's window, a request's location), not the
// browser's object. Text-level and per file: a file that declares the
// name anywhere is trusted for all its uses (unknown is not wrong).
func declares(code []byte, name string) bool {
	re, ok := declRes[name]
	if !ok {
		return false
	}
	for _, m := range re.FindAllSubmatchIndex(code, -1) {
		for g := 1; 2*g < len(m); g++ {
			if m[2*g] >= 0 && bindsIn(string(code[m[2*g]:m[2*g+1]]), name) {
				return true
			}
		}
	}
	return false
}

// bindsIn reports a parameter list, destructuring pattern or import list
// holding name as a bound word (not as a property key before ":").
func bindsIn(list, name string) bool {
	for _, m := range boundRes[name].FindAllStringSubmatchIndex(list, -1) {
		// { window: w } binds w; (window: Window) is a typed parameter.
		if m[2] == m[3] || !strings.Contains(list[:m[0]+1], "{") {
			return true
		}
	}
	return false
}

// iifeGlobal reports an immediately invoked function handed the
// browser's object, (function (window) {…})(window) or …}(window)): its
// parameter is the global.
func iifeGlobal(code []byte, name string) bool {
	return iifeRes[name].Match(code)
}

// browserNames are the names browserGlobals captures.
var browserNames = []string{"window", "document", "location", "navigator", "localStorage", "sessionStorage"}

// boundRes and iifeRes hold, per browser name, bindsIn's and iifeGlobal's
// patterns.
var boundRes, iifeRes = func() (b, i map[string]*regexp.Regexp) {
	b, i = map[string]*regexp.Regexp{}, map[string]*regexp.Regexp{}
	for _, n := range browserNames {
		b[n] = regexp.MustCompile(`(?:^|[^.\w$])` + n + `\b\s*(:?)`)
		i[n] = regexp.MustCompile(`[)}]\s*\(\s*(?:[\w$]+\s*,\s*)*` + n + `\s*[,)]`)
	}
	return b, i
}()

// declRes find, per browser name, the text that may bind it: the name
// declared alone, a destructuring pattern, a parameter list, an import
// list.
var declRes = func() map[string]*regexp.Regexp {
	res := map[string]*regexp.Regexp{}
	for _, n := range browserNames {
		res[n] = regexp.MustCompile(`\b(?:const|let|var)\s+(` + n + `)\b|` +
			`\b(?:const|let|var)\s*([{\[][^=;]*)=|` +
			`\bfunction\b[\s\w$*]*\(([^)]*)\)|` +
			`\(([^()]*)\)\s*(?::[^=;{]*)?=>|` +
			`(?:^|[^.\w$])(` + n + `)\s*=>|` +
			`\bimport\s+([^;'"]*)\bfrom\b`)
	}
	return res
}()

// browserGlobals are the browser's own objects, used through members only
// they have (server code may name a variable document or location, and
// tests typeof window), not named in a typeof test.
var browserGlobals = regexp.MustCompile(`(?:^|[^.\w$])(?:` +
	`(window)\s*(?:\.|\[)|` +
	`(document)\.(?:querySelector|querySelectorAll|getElementById|getElementsBy\w+|createElement|addEventListener|cookie|body|head|title|referrer|location|readyState|currentScript)\b|` +
	`(location)\.(?:href|search|pathname|hash|origin|hostname|reload|assign|replace)\b|` +
	`(navigator|localStorage|sessionStorage)\.\w)`)

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
	return !serverFile(name) && !serverCode(code) && (usesClient(code) || browserScript(name, code))
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
