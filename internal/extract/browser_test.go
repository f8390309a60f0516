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
