package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
)

func TestPixelIDExpected(t *testing.T) {
	log := `["init", {"pixelId": "px_staging"}]
["init", {"pixelId": "px_live"}]
["init", {"pixelId": "<YOUR-PIXEL-ID>"}]
{"source": "server", "pixel_id": "px_other", "event_name": "order_created", "event_id": "o1", "data": {"type": "contents"}}
`
	doc, _ := eventlog.Parse("l.jsonl", []byte(log))
	var got []string
	for _, f := range Check(doc, Options{PixelID: "px_live"}) {
		if f.Rule == "init-pixel-id-unexpected" {
			got = append(got, findingKey(f))
		}
	}
	want := []string{"1:22 init-pixel-id-unexpected /1/pixelId", "4:34 init-pixel-id-unexpected /pixel_id"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
	doc, _ = eventlog.Parse("l.jsonl", []byte(log))
	for _, f := range Check(doc, Options{}) {
		if f.Rule == "init-pixel-id-unexpected" {
			t.Errorf("fired without a configured pixel: %v", f)
		}
	}
}
