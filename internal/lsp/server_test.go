package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// client drives a server in-process over pipes, as an editor would.
type client struct {
	t    *testing.T
	w    io.Writer
	msgs chan map[string]any
	next int
	done chan error
}

func startServer(t *testing.T, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, w: inW, msgs: make(chan map[string]any, 100), done: make(chan error, 1)}
	go func() {
		c.done <- New(opts).Serve(context.Background(), inR, outW)
		outW.Close()
	}()
	go func() {
		r := bufio.NewReader(outR)
		for {
			b, err := readMessage(r)
			if err != nil {
				close(c.msgs)
				return
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Errorf("server sent invalid JSON: %v: %s", err, b)
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

func (c *client) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	b, _ := json.Marshal(m)
	fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(b), b)
}

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// request sends a request and returns its response, skipping (and keeping
// no) notifications in between except diagnostics, which it hands to keep.
func (c *client) request(method string, params any) map[string]any {
	c.next++
	id := c.next
	c.send(map[string]any{"id": id, "method": method, "params": params})
	for m := range c.wait() {
		if m["id"] != nil && int(m["id"].(float64)) == id {
			return m
		}
	}
	c.t.Fatalf("no response to %s", method)
	return nil
}

// wait yields messages until the server closes; a test that waits for a
// message the server never sends fails when the test binary times out,
// not after a guessed delay.
func (c *client) wait() <-chan map[string]any { return c.msgs }

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) []map[string]any {
	for m := range c.wait() {
		if m["method"] != "textDocument/publishDiagnostics" {
			continue
		}
		p := m["params"].(map[string]any)
		v, _ := p["version"].(float64)
		if p["uri"] == uri && int(v) == version {
			var out []map[string]any
			for _, d := range p["diagnostics"].([]any) {
				out = append(out, d.(map[string]any))
			}
			return out
		}
	}
	c.t.Fatalf("no diagnostics for %s version %d", uri, version)
	return nil
}

func codes(ds []map[string]any) []string {
	var out []string
	for _, d := range ds {
		code, _ := d["code"].(string)
		out = append(out, code)
	}
	return out
}

func has(ds []map[string]any, code string) map[string]any {
	for _, d := range ds {
		if d["code"] == code {
			return d
		}
	}
	return nil
}

const page = `<!doctype html>
<html><head><script>
oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });
</script></head><body></body></html>
`

func TestServerLifecycle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "thanks.html")
	// The file on disk is clean: what is linted is the buffer.
	os.WriteFile(path, []byte("<!doctype html><html><head></head><body></body></html>\n"), 0o644)
	uri := "file://" + filepath.ToSlash(path)
	c := startServer(t, Options{Debounce: time.Millisecond})

	init := c.request("initialize", map[string]any{"processId": nil, "rootUri": "file://" + dir, "capabilities": map[string]any{}})
	caps := init["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["hoverProvider"] != true || caps["codeActionProvider"] == nil {
		t.Fatalf("capabilities: %v", caps)
	}
	c.notify("initialized", map[string]any{})

	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "html", "version": 1, "text": page}})
	ds := c.diagnostics(uri, 1)
	d := has(ds, "currency-code")
	if d == nil {
		t.Fatalf("no currency-code diagnostic: %v", codes(ds))
	}
	r := d["range"].(map[string]any)["start"].(map[string]any)
	if r["line"].(float64) != 3 || r["character"].(float64) != 77 {
		t.Errorf("currency-code at %v, want line 3 character 77", r)
	}
	if href := d["codeDescription"].(map[string]any)["href"].(string); !strings.Contains(href, "currency-code") {
		t.Errorf("codeDescription %q does not link the rule", href)
	}

	// A fix as a code action, and all safe fixes at once.
	resp := c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": d["range"], "context": map[string]any{"diagnostics": []any{d}}})
	actions := resp["result"].([]any)
	var titles []string
	var quick map[string]any
	for _, a := range actions {
		am := a.(map[string]any)
		titles = append(titles, am["title"].(string))
		if am["kind"] == "quickfix" && strings.Contains(am["title"].(string), "USD") {
			quick = am
		}
	}
	if quick == nil || !strings.Contains(strings.Join(titles, "|"), "Fix all safe") {
		t.Fatalf("code actions: %v", titles)
	}
	edits := quick["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	e := edits[0].(map[string]any)
	if e["newText"] != "USD" || e["range"].(map[string]any)["start"].(map[string]any)["character"].(float64) != 78 {
		t.Errorf("edit %v", e)
	}

	// Hover on the finding explains the rule.
	hov := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 3, "character": 80}})
	if v := fmt.Sprint(hov["result"]); !strings.Contains(v, "currency-code") || !strings.Contains(v, "ISO 4217") {
		t.Errorf("hover: %v", v)
	}

	// An incremental change: the unsaved buffer is linted again.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 3, "character": 78}, "end": map[string]any{"line": 3, "character": 81}}, "text": "USD"}}})
	if ds := c.diagnostics(uri, 2); has(ds, "currency-code") != nil {
		t.Errorf("still reported after the change: %v", codes(ds))
	}

	// A configuration written next to the file is picked up on the next lint.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"text": page}}})
	if ds := c.diagnostics(uri, 3); has(ds, "currency-code") == nil {
		t.Fatalf("full change not linted: %v", codes(ds))
	}
	os.WriteFile(filepath.Join(dir, ".oaiq-lint.yaml"), []byte("rules:\n  currency-code: off\n"), 0o644)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file://" + dir + "/.oaiq-lint.yaml", "type": 1}}})
	if ds := c.diagnostics(uri, 3); has(ds, "currency-code") != nil {
		t.Errorf("configuration not applied: %v", codes(ds))
	}

	// Saving lints again (and removing the configuration brings the rule back).
	os.Remove(filepath.Join(dir, ".oaiq-lint.yaml"))
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if ds := c.diagnostics(uri, 3); has(ds, "currency-code") == nil {
		t.Errorf("save did not lint under the current configuration: %v", codes(ds))
	}

	// A file that is not even text neither crashes the server nor stops it.
	bad := "file://" + dir + "/bad.js"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": bad, "languageId": "javascript", "version": 1, "text": "oaiq(\"init\", {\x00\xff" + strings.Repeat("(", 5000)}})
	c.diagnostics(bad, 1)
	// Unknown requests get an error, not silence.
	if m := c.request("textDocument/definition", map[string]any{}); m["error"] == nil {
		t.Errorf("unknown method answered without error: %v", m)
	}

	if m := c.request("shutdown", nil); m["error"] != nil {
		t.Fatalf("shutdown: %v", m)
	}
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("serve ended with %v", err)
	}
}

func TestEventLogsAndSuppressions(t *testing.T) {
	dir := t.TempDir()
	c := startServer(t, Options{Debounce: time.Millisecond})
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	logURI := "file://" + dir + "/events.jsonl"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": logURI, "version": 1,
		"text": `["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}]` + "\n"}})
	if ds := c.diagnostics(logURI, 1); has(ds, "amount-not-integer") == nil {
		t.Errorf("event log not linted: %v", codes(ds))
	}
	jsURI := "file://" + dir + "/a.js"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": jsURI, "version": 1,
		"text": "oaiq(\"init\", { pixelId: \"px_1\" });\n// oaiq-lint-disable-next-line currency-code\noaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"usd\" });\n"}})
	if ds := c.diagnostics(jsURI, 1); has(ds, "currency-code") != nil || has(ds, "suppression-malformed") == nil {
		t.Errorf("suppression not applied (or not read as one): %v", codes(ds))
	}
}

// "Fix all" fixes as check --fix does: fixes that overlap (two options
// moved into an options object the first move creates) are applied in
// further rounds of the same request, and one set of edits comes back.
func TestFixAllRunsRoundsUntilStable(t *testing.T) {
	dir := t.TempDir()
	uri := "file://" + dir + "/a.js"
	text := "oaiq(\"init\", { pixel_id: \"px_1\" });\n" +
		"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"usd\", event_id: \"e-1\", opt_out: true });\n" +
		"// unchanged\n"
	want := "oaiq(\"init\", { pixelId: \"px_1\" });\n" +
		"oaiq(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"USD\" }, { opt_out: true, event_id: \"e-1\" });\n" +
		"// unchanged\n"
	c := startServer(t, Options{Debounce: time.Millisecond})
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": text}})
	c.diagnostics(uri, 1)
	resp := c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range":   map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}},
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}}})
	actions := resp["result"].([]any)
	if len(actions) != 1 {
		t.Fatalf("actions %v", actions)
	}
	a := actions[0].(map[string]any)
	if a["title"] != "Fix all safe oaiq-lint problems (4)" || a["kind"] != fixAllKind {
		t.Errorf("action %v", a)
	}
	edits := a["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	// Apply as an editor does: every range is in the text as it was.
	got := text
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i].(map[string]any)
		var r lspRange
		b, _ := json.Marshal(e["range"])
		json.Unmarshal(b, &r)
		got = applyChange(got, r, e["newText"].(string))
	}
	if got != want {
		t.Errorf("fix all gave\n%s\nwant\n%s", got, want)
	}
	for _, e := range edits {
		if strings.Contains(e.(map[string]any)["newText"].(string), "unchanged") {
			t.Errorf("an unchanged line was sent back: %v", e)
		}
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": got}}})
	for _, d := range c.diagnostics(uri, 2) {
		if strings.Contains(d["message"].(string), "Fix: ") && !strings.Contains(d["message"].(string), "unsafe") {
			t.Errorf("a safe fix is left after fix all: %v", d)
		}
	}
}
