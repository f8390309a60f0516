package extract

import "testing"

func TestBrowserRequests(t *testing.T) {
	const req = `fetch("https://bzr.openai.com/v1/events", { method: "POST", body: "oaiq" });`
	tests := []struct {
		name, code string
		browser    bool
	}{
		{"Buy.tsx", "\"use client\";\n" + req, true},
		{"Buy.tsx", "// Cart button\n/* client */ 'use strict'; 'use client'\n" + req, true},
		{"buy.js", "'use client';\n" + req, true},
		{"Buy.tsx", req, false},
		{"Buy.tsx", "const a = 1;\n'use client';\n" + req, false},
		{"route.server.ts", "'use client';\n" + req, false},
		{"Buy.vue", "<template><p>x</p></template>\n<script setup lang=\"ts\">\n" + req + "\n</script>\n", true},
		{"Buy.svelte", "<script>\n" + req + "\n</script>\n<button>x</button>\n", true},
		{"Buy.svelte", "<script context=\"module\">\n" + req + "\n</script>\n", false},
		{"Buy.svelte", "<script module>\n" + req + "\n</script>\n", false},
		{"Buy.server.vue", "<script setup>\n" + req + "\n</script>\n", false},
		// Served as it is from a public folder, or using the browser's objects.
		{"web/public/js/track.js", req, true},
		{"site/static/track.js", req, true},
		{"wwwroot/js/track.js", req, true},
		{"src/track.js", "document.querySelector('#buy').onclick = () => " + req, true},
		{"src/track.ts", "const u = location.href;\n" + req, true},
		{"src/track.js", "window['x'] = 1;\n" + req, true},
		// Server code that tests for the browser, or names it in a word.
		{"src/send.js", "if (typeof window === 'undefined') " + req, false},
		{"src/send.js", "const doc = mydocument.id;\n" + req, false},
		{"src/public-api/send.js", req, false},
		{"src/save.js", "const document = await Orders.findOne(id);\nawait document.save();\n" + req, false},
		{"src/geo.js", "const location = await geo(ip);\nconst city = location.city;\n" + req, false},
		{"public/route.server.ts", req, false},
		// A browser name the file declares itself is its own value.
		{"src/send.ts", "export async function POST(req) {\n  const location = req.nextUrl;\n  const u = location.origin + location.pathname;\n" + req + "\n}", false},
		{"src/send.mjs", "import { JSDOM } from 'lib';\nconst { window } = new JSDOM(html);\nconst n = window.document.querySelector('[data-cents]');\n" + req, false},
		{"src/send.js", "function send(req, location) { return location.href; }\n" + req, false},
		{"src/send.js", "const go = (document) => document.querySelector('x');\n" + req, false},
		{"src/send.js", "import { window } from './env.js';\nwindow.x = 1;\n" + req, false},
		{"src/send.js", "const { a: window } = env;\nwindow.x = 1;\n" + req, false},
		// Named as a key only, or handed the global: still the browser's.
		{"src/track.js", "const { window: w } = env;\nwindow.x = 1;\n" + req, true},
		{"src/track.js", "(function (window) { window.x = 1; " + req + " })(window);", true},
		{"src/track.js", "(function (w, document) { document.querySelector('#buy').onclick = () => " + req + " }(window, document));", true},
		{"src/track.js", "function f(a, b) { return a; }\ndocument.querySelector('#buy').onclick = () => " + req, true},
		{"src/track.js", "const location = 1;\ndocument.querySelector('#buy').onclick = () => " + req, true},
		// Server markers win: route handlers, API routes, Node's own modules.
		{"app/api/track/route.ts", "const u = location.href;\n" + req, false},
		{"src/app/orders/route.mjs", "window.x = 1;\n" + req, false},
		{"pages/api/track.js", "const u = location.href;\n" + req, false},
		{"src/send.mjs", "const u = new URL(process.argv[2]);\nconst h = location.href;\n" + req, false},
		{"src/send.js", "const http = require('http');\nwindow.x = 1;\n" + req, false},
		{"src/send.js", "import fs from 'node:fs';\nwindow.x = 1;\n" + req, false},
		{"src/send.js", "import { JSDOM } from \"jsdom\";\nwindow.x = 1;\n" + req, false},
		{"src/app/route/track.js", "window.x = 1;\n" + req, true},
		{"src/route.ts", "window.x = 1;\n" + req, true},
		// An isomorphic file (typeof window) is not judged by its names.
		{"lib/track.js", "export async function track() {\n  if (typeof window !== 'undefined') { window.oaiq?.('measure', 'order_created', {}); return; }\n  " + req + "\n}", false},
		{"public/track.js", "if (typeof window !== 'undefined') { window.x = 1; }\n" + req, true},
		{"Buy.tsx", "'use client';\nif (typeof window === 'undefined') throw 1;\n" + req, true},
	}
	for _, tt := range tests {
		doc, _ := File(tt.name, []byte(tt.code), Options{})
		if len(doc.Page.ServerRequests) != 1 {
			t.Errorf("%s %q: %d requests, want 1", tt.name, tt.code, len(doc.Page.ServerRequests))
			continue
		}
		if got := doc.Page.ServerRequests[0].Browser; got != tt.browser {
			t.Errorf("%s %q: Browser = %v, want %v", tt.name, tt.code, got, tt.browser)
		}
	}
}
