package eventlog

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Each shape of Conversions API record is recognised by its content, and
// its events become server calls carrying the event, the request and the
// pixel of the request's URL.
func TestCAPIRecordsAreRecognisedByContent(t *testing.T) {
	ev := `{"id": "o_1", "type": "order_created", "timestamp_ms": 1796115600000, "data": {"type": "contents"}}`
	for _, c := range []struct {
		name, log, input string
		calls            int
		pixel            string
	}{
		{"body", `{"events": [` + ev + `, ` + ev + `]}` + "\n", inputBodies, 2, ""},
		{"pretty body", "{\n  \"events\": [\n    " + ev + "\n  ]\n}\n", inputBodies, 1, ""},
		{"event list", `[` + ev + `]` + "\n", inputEventLists, 1, ""},
		{"events per line", ev + "\n" + ev + "\n", inputEvents, 2, ""},
		{"client log", `{"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_7", "body": {"events": [` + ev + `]}}` + "\n", inputRequests, 1, "px_7"},
		{"wrapped request", `{"request": {"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_7", "body": "{\"events\": [` + `{\"id\": \"o_1\", \"type\": \"order_created\"}` + `]}"}}` + "\n", inputRequests, 1, "px_7"},
		{"other request", `{"method": "POST", "url": "https://api.example.com/v1/events", "body": {"events": [` + ev + `]}}` + "\n", inputRequests, 0, ""},
		{"har", `{"log": {"entries": [{"request": {"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_7", "postData": {"text": "{\"events\": []}"}}}]}}`, inputHAR, 0, ""},
		{"mixed", `["init", {"pixelId": "px_7"}]` + "\n" + ev + "\n", inputCalls + "+" + inputEvents, 2, ""},
	} {
		doc, _ := Parse(c.name, []byte(c.log))
		if doc.Input != c.input || len(doc.Calls) != c.calls || len(doc.RecordFailures) != 0 {
			t.Errorf("%s: input %q calls %d failures %v, want %q, %d", c.name, doc.Input, len(doc.Calls), doc.RecordFailures, c.input, c.calls)
			continue
		}
		for _, call := range doc.Calls {
			if call.Command() == "init" {
				continue
			}
			if call.Side != model.Server || call.Event == nil || call.Request == nil || call.PixelID != c.pixel {
				t.Errorf("%s: call %+v", c.name, call)
			}
			if id := call.Arg(3).Get("event_id"); id == nil || id.Str != "o_1" {
				t.Errorf("%s: event_id %+v", c.name, id)
			}
		}
	}
}
