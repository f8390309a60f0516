package gtm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// export builds a web container export with the given Custom HTML tags
// (name → code) and constant variables, encoded by encoding/json, which
// writes <, > and & as \u003c, \u003e and \u0026.
func export(t testing.TB, tags [][2]string, consts map[string]string) []byte {
	t.Helper()
	type param struct {
		Type  string `json:"type"`
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	type tag struct {
		Name      string   `json:"name"`
		Type      string   `json:"type"`
		Parameter []param  `json:"parameter"`
		Firing    []string `json:"firingTriggerId"`
	}
	type variable struct {
		Name      string  `json:"name"`
		Type      string  `json:"type"`
		Parameter []param `json:"parameter"`
	}
	var ts []tag
	for _, tg := range tags {
		ts = append(ts, tag{Name: tg[0], Type: "html", Parameter: []param{{"TEMPLATE", "html", tg[1]}}, Firing: []string{"2147479553"}})
	}
	var vs []variable
	for name, val := range consts {
		vs = append(vs, variable{Name: name, Type: "c", Parameter: []param{{"TEMPLATE", "value", val}}})
	}
	b, err := json.MarshalIndent(map[string]any{
		"exportFormatVersion": 2,
		"containerVersion": map[string]any{
			"container": map[string]any{"publicId": "GTM-TEST1", "usageContext": []string{"WEB"}},
			"tag":       ts, "variable": vs,
		},
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// at returns the position of the n-th occurrence (0-based) of needle in
// data, as the export file counts it.
func at(t testing.TB, data []byte, needle string, n int) model.Pos {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := bytes.Index(data[off+1:], []byte(needle))
		if j < 0 {
			t.Fatalf("%q not found", needle)
		}
		off += 1 + j
	}
	return source.New("x", data).Pos(off)
}

func TestCustomHTMLPositionsThroughEscapes(t *testing.T) {
	code := "<script>\n\t// caf\u00e9 \U0001F600 a\\b \"q\" </p> & more\n\toaiq(\"measure\", \"lead_creatd\", { type: \"customer_action\" });\n</script>"
	data := export(t, [][2]string{{"lead", code}}, nil)
	if !bytes.Contains(data, []byte(`\u003cscript\u003e`)) || !bytes.Contains(data, []byte(`\\b`)) {
		t.Fatalf("the test export does not hold the escapes it tests:\n%s", data)
	}
	doc, _ := Read("gtm.json", data)
	if len(doc.Calls) != 1 {
		t.Fatalf("calls: %d, want 1 (%+v)", len(doc.Calls), doc.ScriptFailures)
	}
	c := doc.Calls[0]
	if want := at(t, data, `oaiq(`, 0); c.Span.Start != want {
		t.Errorf("call starts at %v, want %v", c.Span.Start, want)
	}
	ev := c.Args[1]
	if want := at(t, data, `\"lead_creatd\"`, 0); ev.Span.Start != want {
		t.Errorf("event name starts at %v, want %v", ev.Span.Start, want)
	}
	// The end is just past the closing \" : both bytes of the escape.
	want := at(t, data, `\"lead_creatd\"`, 0)
	want.Col += len(`\"lead_creatd\"`)
	if ev.Span.End != want {
		t.Errorf("event name ends at %v, want %v", ev.Span.End, want)
	}
	if ev.Span.File != "gtm.json" {
		t.Errorf("span file %q", ev.Span.File)
	}
}

func TestUnicodeEscapesAndSurrogatesMapToTheirEscape(t *testing.T) {
	data := []byte(`{"exportFormatVersion": 2, "containerVersion": {"container": {"usageContext": ["WEB"]}, "tag": [
{"name": "t", "type": "html", "parameter": [{"key": "html", "value": "\u003cscript\u003e\/\/ \ud83d\ude00 x\noaiq(\"measure\", \"x\u005fy\", {type: \"custom\"})\u003c/script\u003e"}]}]}}`)
	doc, _ := Read("e.json", data)
	if len(doc.Calls) != 1 {
		t.Fatalf("calls: %d, want 1", len(doc.Calls))
	}
	ev := doc.Calls[0].Args[1]
	if ev.Str != "x_y" {
		t.Errorf("event %q, want x_y", ev.Str)
	}
	if want := at(t, data, `\"x\u005fy\"`, 0); ev.Span.Start != want {
		t.Errorf("event starts at %v, want %v", ev.Span.Start, want)
	}
}

func TestConstantsAreSubstitutedAtTheReference(t *testing.T) {
	code := `<script>oaiq("init", { pixelId: "{{Pixel}}" }); oaiq("measure", "custom", { type: "custom" }, { custom_event_name: {{Name}} });</script>`
	data := export(t, [][2]string{{"t", code}}, map[string]string{"Pixel": "px_o'brien\"1", "Name": "signup"})
	doc, _ := Read("c.json", data)
	if len(doc.Calls) != 2 {
		t.Fatalf("calls: %d, want 2 %+v", len(doc.Calls), doc.ScriptFailures)
	}
	id := doc.Calls[0].Args[1].Get("pixelId")
	if s, _ := id.StringValue(); s != `px_o'brien"1` {
		t.Errorf("pixelId %q", s)
	}
	if want := at(t, data, `\"{{Pixel}}\"`, 0); id.Span.Start != want {
		t.Errorf("pixelId at %v, want %v", id.Span.Start, want)
	}
	name := doc.Calls[1].Args[3].Get("custom_event_name")
	if s, _ := name.StringValue(); s != "signup" {
		t.Errorf("custom name %+v", name)
	}
	if want := at(t, data, `{{Name}}`, 0); name.Span.Start != want {
		t.Errorf("custom name at %v, want %v", name.Span.Start, want)
	}
}

// A large container (over 5 MB, thousands of tags) is read whole, with
// exact positions to its last tag.
func TestLargeContainer(t *testing.T) {
	var tags [][2]string
	filler := strings.Repeat("<div class=\"promo\">Soldes d’hiver – jusqu’à -50 %</div>\n", 40)
	for i := range 2000 {
		tags = append(tags, [2]string{fmt.Sprintf("tag %d", i), filler + fmt.Sprintf("<script>oaiq(\"measure\", \"ev_%d\", {type: \"custom\"});</script>", i)})
	}
	data := export(t, tags, nil)
	if len(data) < 5<<20 {
		t.Fatalf("export is %d bytes, want over 5 MB", len(data))
	}
	doc, _ := Read("big.json", data)
	if got := len(doc.Container.Tags); got != 2000 {
		t.Fatalf("tags: %d", got)
	}
	if len(doc.Calls) != 2000 {
		t.Fatalf("calls: %d", len(doc.Calls))
	}
	last := doc.Calls[1999].Args[1]
	if want := at(t, data, `\"ev_1999\"`, 0); last.Span.Start != want {
		t.Errorf("last event at %v, want %v", last.Span.Start, want)
	}
}

// Every truncation and a few corruptions of an export are read without a
// panic, and a broken one says where.
func TestMalformedExportsNeverPanic(t *testing.T) {
	data := export(t, [][2]string{{"t", `<script>oaiq("init", {pixelId: "px_1"});</script>`}}, map[string]string{"A": "b"})
	for n := range len(data) {
		doc, _ := Read("m.json", data[:n])
		if !IsExport(data[:n]) {
			continue
		}
		if doc.Container == nil || doc.Container.Malformed == nil {
			t.Fatalf("truncated at %d: not reported as malformed", n)
		}
		if doc.Container.Malformed.Span.IsZero() {
			t.Fatalf("truncated at %d: no position", n)
		}
	}
	for _, bad := range []string{
		`{"exportFormatVersion": 2, "containerVersion": []}`,
		`{"exportFormatVersion": 2, "containerVersion": {"container": 3, "tag": 7}}`,
		`{"exportFormatVersion": 2, "containerVersion": {"container": {"usageContext": ["WEB"]}, "tag": [1, {"type": "html", "parameter": [{"key": "html", "value": 5}]}], "customTemplate": [{"templateData": 1}, {"templateData": "___WEB_PERMISSIONS___\n[{"}]}}`,
		`["exportFormatVersion", "containerVersion"]`,
	} {
		Read("m.json", []byte(bad))
	}
}

func TestServerContainersAreSkipped(t *testing.T) {
	doc, _ := Read("s.json", []byte(`{"exportFormatVersion": 2, "containerVersion": {"container": {"publicId": "GTM-S", "usageContext": ["SERVER"]}, "tag": [{"type": "html", "parameter": [{"key": "html", "value": "<script>oaiq('measure', 'x')</script>"}]}]}}`))
	if doc.Container.Skipped != "SERVER" || len(doc.Calls) != 0 {
		t.Errorf("skipped %q, calls %d", doc.Container.Skipped, len(doc.Calls))
	}
}

// Pages and scripts that mention an export's keys are not exports.
func TestIsExportNeedsAnExport(t *testing.T) {
	export := []byte(`)]}'` + "\n" + `{"exportFormatVersion": 2, "containerVersion": {}}`)
	page := []byte(`<p>Exports hold "exportFormatVersion" and "containerVersion": {…}</p>`)
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"gtm.json", export, true},
		{"<stdin>", export, true},
		{"export.txt", export, true},
		{"docs.html", export, false},
		{"app.js", export, false},
		{"notes.json", page, false},
		{"<stdin>", page, false},
		// Event logs whose records hold the keys are not exports.
		{"events.jsonl", export, false},
		{"events.json", []byte(`[["init", {"pixelId": "px_1", "exportFormatVersion": 2, "containerVersion": {}}]]`), false},
		{"records.json", []byte(`{"args": {"exportFormatVersion": 2, "containerVersion": {}}, "note": "\"exportFormatVersion\": 2"}`), false},
		{"keys-as-values.json", []byte(`{"a": "exportFormatVersion", "b": "containerVersion"}`), false},
	} {
		if got := Is(c.name, c.data); got != c.want {
			t.Errorf("Is(%s, %.20q) = %v, want %v", c.name, c.data, got, c.want)
		}
	}
}
