package cli

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Where a Conversions API request runs is told by the file's path too
// (Next.js route handlers, API routes, public folders): each file of a
// project tree gets exactly the server-api-in-browser error and the
// capi-key-in-code severity its place calls for.
func TestBrowserOrServerByPath(t *testing.T) {
	const key = "Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs"
	post := func(src string) string {
		return `await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST",
    headers: { Authorization: "Bearer ` + key + `" },
    body: JSON.stringify({ events: [{ id: "o1", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: ` + src + `, data: { type: "contents" } }] }) });
`
	}
	dir := t.TempDir()
	files := map[string]struct {
		code    string
		browser bool
	}{
		// A route handler naming its own location: server code.
		"app/api/track/route.ts": {"export async function POST(req) {\n  const location = req.nextUrl;\n  " + post("location.origin + location.pathname") + "  return new Response(null, { status: 204 });\n}\n", false},
		"pages/api/track.js":     {"export default async function handler(req, res) {\n  const u = location.href;\n  " + post("u") + "  res.status(204).end();\n}\n", false},
		// A Node script reading a page through JSDOM: server code.
		"scripts/backfill.mjs": {"import { JSDOM } from \"jsdom\";\nconst { window } = new JSDOM(await (await fetch(process.argv[2])).text());\nconst u = window.document.querySelector(\"link\").href;\n" + post("u"), false},
		// An isomorphic helper whose request runs only without a window.
		"lib/track.js": {"export async function track(ev) {\n  if (typeof window !== \"undefined\") { window.oaiq?.(\"measure\", \"order_created\", { type: \"contents\" }); return; }\n  " + post("ev.url") + "}\n", false},
		// Page scripts: served as they are, or using the browser's objects.
		"public/js/buy.js": {"document.querySelector(\"#buy\").addEventListener(\"click\", async () => {\n  " + post("location.href") + "});\n", true},
		"src/buy.js":       {"const location = window.location;\ndocument.querySelector(\"#buy\").addEventListener(\"click\", async () => {\n  " + post("location.href") + "});\n", true},
	}
	for name, f := range files {
		writeFile(t, dir, name, f.code)
	}
	empty := writeFile(t, t.TempDir(), "empty.yaml", "")
	out, stderr, _ := runCLI(t, "", "check", "--config", empty, "--format", "json", dir)
	if strings.Contains(out+stderr, key) {
		t.Errorf("the key is printed:\n%s\n%s", out, stderr)
	}
	var doc struct {
		Findings []struct{ Rule, Severity, File string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	got := map[string][]string{}
	for _, f := range doc.Findings {
		if f.Rule == "server-api-in-browser" || f.Rule == "capi-key-in-code" {
			rel, err := filepath.Rel(dir, f.File)
			if err != nil || strings.HasPrefix(rel, "..") {
				rel = f.File
			}
			got[filepath.ToSlash(rel)] = append(got[filepath.ToSlash(rel)], f.Rule+" "+f.Severity)
		}
	}
	for name, f := range files {
		want := []string{"capi-key-in-code warning"}
		if f.browser {
			want = []string{"capi-key-in-code error", "server-api-in-browser error"}
		}
		g := got[name]
		sort.Strings(g)
		if strings.Join(g, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: got %q, want %q", name, g, want)
		}
	}
}
