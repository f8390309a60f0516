package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

const capiBodyLine = `{"events": [{"id": "o_1", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}` + "\n"

// --now is the request time of bodies that do not carry one: without it
// the window is not checked (one info), with it an old event is an error.
func TestLogNowJudgesTheTimestampWindow(t *testing.T) {
	out, _, code := runCLI(t, capiBodyLine, "log", "--format", "json", "-")
	if code != 0 || !strings.Contains(out, `"rule":"capi-timestamp-window","severity":"info"`) {
		t.Errorf("without --now: code %d\n%s", code, out)
	}
	out, _, code = runCLI(t, capiBodyLine, "log", "--format", "json", "--now", "2026-12-01T10:05:00Z", "-")
	if code != 0 || strings.Contains(out, "capi-timestamp-window") {
		t.Errorf("--now within the window: code %d\n%s", code, out)
	}
	out, _, code = runCLI(t, capiBodyLine, "log", "--format", "json", "--now", "2026-12-20T00:00:00Z", "-")
	if code != 1 || !strings.Contains(out, `"rule":"capi-timestamp-window","severity":"error"`) {
		t.Errorf("--now 19 days later: code %d\n%s", code, out)
	}
	if _, stderr, code := runCLI(t, capiBodyLine, "log", "--now", "yesterday", "-"); code != 2 || !strings.Contains(stderr, "--now") {
		t.Errorf("bad --now: code %d, stderr %s", code, stderr)
	}
}

// --format json says per file what its records were recognised as.
func TestLogJSONSaysWhatEachFileHolds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bodies.jsonl", capiBodyLine+capiBodyLine)
	writeFile(t, dir, "calls.jsonl", `["init", {"pixelId": "px_1"}]`+"\n")
	writeFile(t, dir, "requests.jsonl", `{"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_1", "time": "2026-12-01T10:00:00Z", "body": `+strings.TrimSpace(capiBodyLine)+"}\n")
	out, _, _ := runCLI(t, "", "log", "--format", "json", dir+"/bodies.jsonl", dir+"/calls.jsonl", dir+"/requests.jsonl")
	var doc struct {
		Inputs []struct{ File, Input string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := []string{"capi-request-bodies", "calls", "http-requests"}
	if len(doc.Inputs) != len(want) {
		t.Fatalf("inputs = %+v", doc.Inputs)
	}
	for i, w := range want {
		if doc.Inputs[i].Input != w {
			t.Errorf("input %d = %+v, want %s", i, doc.Inputs[i], w)
		}
	}
}

// The API key in the example's request headers is printed by no format.
func TestCAPIExampleLeaksNoSecret(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github", "junit", "checkstyle"} {
		out, stderr, code := runCLI(t, "", "log", "--format", format, "../../examples/capi-requests.jsonl")
		if code != ExitFindings {
			t.Errorf("%s: code %d, stderr %s", format, code, stderr)
		}
		if strings.Contains(out+stderr, "capi_sk_live") || strings.Contains(out+stderr, "jane.doe@example.org") {
			t.Errorf("%s: a secret or raw e-mail is printed:\n%s", format, out)
		}
	}
}

// check on a .json file named explicitly reads a request body in it.
func TestCheckReadsANamedRequestBody(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "body.json", "{\n  \"events\": [{\"id\": \"o_1\", \"type\": \"order_created\", \"timestamp_ms\": 1796115600, \"data\": {\"type\": \"contents\"}}]\n}\n")
	out, _, code := runCLI(t, "", "check", "--format", "json", dir+"/body.json")
	if code != ExitFindings || !strings.Contains(out, `"rule":"capi-timestamp"`) || !strings.Contains(out, `"line":2`) {
		t.Errorf("code %d\n%s", code, out)
	}
}

// A page's browser event and a Conversions API log's server event in one
// run pair up on pixel and event_id: a different event name is reported
// at the server event, naming the page's line.
func TestDedupAcrossInputs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "thanks.html", `<html><head><script>!function(w,d){w.oaiq=w.oaiq||function(){(w.oaiq.q=w.oaiq.q||[]).push(arguments)};var s=d.createElement("script");s.async=1;s.src="https://bzrcdn.openai.com/sdk/oaiq.min.js";d.head.appendChild(s)}(window,document);
oaiq("init", { pixelId: "px_1" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" }, { event_id: "o_1" });</script></head><body></body></html>`)
	writeFile(t, dir, "capi.json", `{"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_1", "time": "2026-12-01T10:00:00Z", "body": {"events": [{"id": "o_1", "type": "checkout_started", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents"}}]}}`+"\n")
	out, _, _ := runCLI(t, "", "check", "--format", "json", dir+"/thanks.html", dir+"/capi.json")
	if !strings.Contains(out, `"rule":"dedup-event-name-mismatch"`) || !strings.Contains(out, "thanks.html:3)") || !strings.Contains(out, `"files":2`) {
		t.Errorf("want a cross-input mismatch at the server event:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "check", "--format", "json", dir+"/thanks.html")
	if strings.Contains(out, "dedup-") {
		t.Errorf("one side only: nothing to pair\n%s", out)
	}
}

// A Conversions API key that server code keeps in a constant or writes in
// the URL's query is reported, and printed by no format.
func TestCAPIKeyInServerCodeLeaksNoSecret(t *testing.T) {
	dir := t.TempDir()
	const constKey, queryKey = "capi_test_key_0f1e2d3c4b5a6978", "capi_test_key_8796a5b4c3d2e1f0"
	writeFile(t, dir, "send.mjs", `const OAIQ_KEY = "`+constKey+`";
await fetch("https://bzr.openai.com/v1/events?pid=px_1", { method: "POST", headers: { Authorization: `+"`Bearer ${OAIQ_KEY}`"+` }, body: JSON.stringify({ events: [{ id: "a", type: "lead_created", timestamp_ms: 1788000000, data: { type: "customer_action" } }] }) });
await fetch("https://bzr.openai.com/v1/events?pid=px_1&key=`+queryKey+`", { method: "POST", body: JSON.stringify({ events: [{ id: "b", type: "lead_created", timestamp_ms: Date.now(), data: { type: "customer_action" } }] }) });
`)
	for _, format := range []string{"text", "json", "sarif", "github", "junit", "checkstyle", "html"} {
		out, stderr, code := runCLI(t, "", "check", "--format", format, dir+"/send.mjs")
		if code != ExitFindings || strings.Count(out, "capi-key-in-code") < 2 {
			t.Errorf("%s: code %d, want two capi-key-in-code findings\n%s\n%s", format, code, out, stderr)
		}
		if strings.Contains(out+stderr, constKey) || strings.Contains(out+stderr, queryKey) {
			t.Errorf("%s: a key is printed:\n%s", format, out)
		}
	}
}
