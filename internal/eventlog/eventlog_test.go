package eventlog

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestRecordsOfEveryShape(t *testing.T) {
	log := `["measure", "order_created", {"type": "contents", "amount": 2599}]

{"args": ["init", {"pixelId": "p"}], "url": "https://a.example/", "ts": "2026-11-26T10:00:00Z"}
{"source": "server", "pixel_id": "p", "event_name": "order_created", "event_id": "o1", "data": {"type": "contents"}}
42
{"source": "carrier pigeon"}
{"args": []}
[]
{"source": "server"}
`
	doc, _ := Parse("l.jsonl", []byte(log))
	if len(doc.Calls) != 3 {
		t.Fatalf("calls = %d, want 3", len(doc.Calls))
	}
	if got := doc.Calls[0].Arg(2).Get("amount").Span; got.Start.Line != 1 || got.Pointer != "/2/amount" {
		t.Errorf("amount span = %+v", got)
	}
	if c := doc.Calls[1]; c.URL != "https://a.example/" || c.Command() != "init" || c.Span.Start.Line != 3 {
		t.Errorf("browser record = %+v", c)
	}
	srv := doc.Calls[2]
	if srv.Side != model.Server || srv.PixelID != "p" || srv.Command() != "measure" {
		t.Errorf("server event = %+v", srv)
	}
	if id := srv.Arg(3).Get("event_id"); id == nil || id.Span.Pointer != "/event_id" {
		t.Errorf("server event_id = %+v", id)
	}
	var lines []int
	for _, f := range doc.RecordFailures {
		lines = append(lines, f.Span.Start.Line)
	}
	if want := []int{5, 6, 7, 8, 9}; !equal(lines, want) {
		t.Errorf("parse errors on lines %v, want %v", lines, want)
	}
}

func TestArrayOfRecordsKeepsPointersPerRecord(t *testing.T) {
	doc, _ := Parse("l.json", []byte("[\n  [\"consent\", false],\n  {\"args\": [\"measure\", \"lead_created\", {\"type\": 1}]}\n]\n"))
	if len(doc.Calls) != 2 || len(doc.RecordFailures) != 0 {
		t.Fatalf("calls %d findings %v", len(doc.Calls), doc.RecordFailures)
	}
	typ := doc.Calls[1].Arg(2).Get("type")
	if typ.Span.Pointer != "/args/2/type" || typ.Span.Start.Line != 3 {
		t.Errorf("type span = %+v", typ.Span)
	}
}

func TestExtractOutputRoundTripsDynamicValues(t *testing.T) {
	call := []*model.Value{
		{Kind: model.String, Str: "measure"},
		{Kind: model.String, Str: "order_created"},
		{Kind: model.Object, Open: true, Fields: []*model.Field{
			{Key: "amount", Value: &model.Value{Kind: model.Dynamic, Raw: "total * 100"}},
			{Key: "currency", Value: &model.Value{Kind: model.String, Str: "USD"}},
		}},
	}
	var buf bytes.Buffer
	NewWriter(&buf).Write(Record{Args: call, File: "a.html", Line: 3, Column: 5})
	doc, _ := Parse("-", buf.Bytes())
	if len(doc.Calls) != 1 {
		t.Fatalf("round trip: %s → %v", buf.String(), doc.RecordFailures)
	}
	data := doc.Calls[0].Arg(2)
	if !data.Open || data.Get("amount").Kind != model.Dynamic || data.Get("amount").Raw != "total * 100" || data.Get("$spread") != nil {
		t.Errorf("round trip lost the markers: %s", buf.String())
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWrittenLogsRedactPersonalData(t *testing.T) {
	var buf bytes.Buffer
	NewWriter(&buf).Write(Record{Args: []*model.Value{
		{Kind: model.String, Str: "init"},
		{Kind: model.Object, Fields: []*model.Field{{Key: "user", Value: &model.Value{Kind: model.Object, Fields: []*model.Field{
			{Key: "email", Value: &model.Value{Kind: model.String, Str: "jane.doe@example.org"}},
		}}}}},
	}})
	if bytes.Contains(buf.Bytes(), []byte("jane.doe")) || !bytes.Contains(buf.Bytes(), []byte("j***@e***.org")) {
		t.Errorf("log = %s", buf.String())
	}
}

func TestWrittenDynamicExpressionsRedactPersonalData(t *testing.T) {
	var buf bytes.Buffer
	NewWriter(&buf).Write(Record{Args: []*model.Value{
		{Kind: model.String, Str: "measure"},
		{Kind: model.Dynamic, Raw: `lookup("jane.doe@example.org")`},
	}})
	if bytes.Contains(buf.Bytes(), []byte("jane.doe")) || !bytes.Contains(buf.Bytes(), []byte("j***@e***.org")) {
		t.Errorf("log = %s", buf.String())
	}
}

// One broken element of a JSON array is one finding at its line; the
// records around it are still read, with pointers from their own start.
func TestArrayOfRecordsSurvivesABrokenElement(t *testing.T) {
	log := "[\n" +
		`  ["init", {"pixelId": "p"}],` + "\n" +
		`  ["measure", "order_created", {type: "contents"}],` + "\n" +
		`  ["measure", "x", {"note": "a, b ] } [ \" {"}],` + "\n" +
		`  {"args": ["measure", "lead_created", {"type": "customer_action"}]},` + "\n" +
		`  ["consent", "unterminated],` + "\n" +
		`  ,` + "\n" +
		`  ["consent", true],` + "\n" +
		"]\n"
	doc, _ := Parse("l.json", []byte(log))
	var cmds []string
	for _, c := range doc.Calls {
		cmds = append(cmds, c.Command())
	}
	if got := strings.Join(cmds, " "); got != "init measure measure consent" {
		t.Errorf("calls %q, want init measure measure consent (findings %v)", got, doc.RecordFailures)
	}
	if typ := doc.Calls[2].Arg(2).Get("type"); typ.Span.Pointer != "/args/2/type" || typ.Span.Start.Line != 5 {
		t.Errorf("type span = %+v", typ.Span)
	}
	var lines []int
	for _, f := range doc.RecordFailures {
		lines = append(lines, f.Span.Start.Line)
		if strings.Contains(f.Fix, "each line") {
			t.Errorf("finding %+v", f)
		}
	}
	if want := []int{3, 6, 7, 8}; !equal(lines, want) {
		t.Errorf("parse errors on lines %v, want %v: %v", lines, want, doc.RecordFailures)
	}
}

func TestArrayOfRecordsEnds(t *testing.T) {
	for _, tc := range []struct {
		log   string
		calls int
		msg   string
		line  int // of the one finding, when set
	}{
		{"[ ]", 0, "", 0},
		{`[["consent", true]`, 1, "not closed", 0},
		{`[["consent", true]] ["consent", false]`, 1, "after the array", 0},
		{`[["consent", true], ["consent"`, 1, "not valid JSON", 0},
		{"[[\"measure\", \"x\", {\"a\": 1],\r\n[\"consent\", true]]", 1, "want ',' or '}'", 0},
		// A record left unclosed, the next on a line of its own at the same
		// column: one finding at the end of the open record, no false
		// "not closed" for the array, the records after it read.
		{"[\n  [\"consent\", true],\n  [\"measure\", \"lead_created\", {\"type\": \"customer_action\"},\n  [\"consent\", false]\n]\n", 2,
			"record is not closed: a ']' is missing before the next record", 3},
		{"[\n  [\"measure\", \"lead_created\", {\"type\": \"customer_action\"},\n  [\"consent\", false],\n]\n", 1,
			"record is not closed: a ']' is missing before the next record; no record after the last ','", 0},
		{"[\n  {\"source\": \"server\", \"event_name\": \"x\",\n  {\"source\": \"server\"}\n]", 0, "a '}' is missing before the next record", 0},
	} {
		doc, _ := Parse("l.json", []byte(tc.log))
		var msgs []string
		for _, f := range doc.RecordFailures {
			msgs = append(msgs, f.Problem)
		}
		got := strings.Join(msgs, "; ")
		if len(doc.Calls) != tc.calls || (tc.msg == "") != (got == "") || !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %d calls, findings %q", tc.log, len(doc.Calls), got)
		}
		if tc.line > 0 && (len(doc.RecordFailures) != 1 || doc.RecordFailures[0].Span.Start.Line != tc.line) {
			t.Errorf("%s: findings %+v, want one on line %d", tc.log, doc.RecordFailures, tc.line)
		}
	}
}

// Records that say which file and kind of document they came from are
// read as one document per file, in first-appearance order; the rest, and
// the records that cannot be read, stay with the log.
func TestParseAllGroupsRecordsByDocument(t *testing.T) {
	log := `{"args": ["measure", "lead_created", {}], "file": "c.js", "kind": "script", "line": 3, "column": 1}
["consent", true]
{"args": ["init", {}], "file": "js/p.js", "kind": "page", "document": "a.html"}
{"args": ["measure", "page_viewed", {}], "file": "a.html", "kind": "page"}
{"args": ["measure", "x", {}], "file": "c.js", "kind": "script"}
{"args": ["measure", "y", {}], "file": "old.html"}
{"args": ["measure", "z", {}], "file": "d.html", "kind": "book"}
`
	docs, f := ParseAll("l.jsonl", []byte(log))
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s:%s:%d:%d", d.Path, d.Kind, len(d.Calls), len(d.RecordFailures)))
	}
	if want := "c.js:script:2:0 l.jsonl:log:2:1 a.html:page:2:0"; strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", strings.Join(got, " "), want)
	}
	if sp := docs[2].Calls[1].Span; sp.File != f.Name || sp.Start.Line != 4 {
		t.Errorf("span %+v does not point into the log", sp)
	}
	if fd := docs[1].RecordFailures[0]; fd.Span.Start.Line != 7 || !strings.Contains(fd.Problem, "book") {
		t.Errorf("unknown kind: %+v", fd)
	}
	one, _ := Parse("l.jsonl", []byte(log))
	if len(one.Calls) != 7 || len(one.RecordFailures) != 0 {
		t.Errorf("Parse: %d calls, findings %v", len(one.Calls), one.RecordFailures)
	}
}

func TestParseAllOfAPlainLogIsParse(t *testing.T) {
	for _, log := range []string{"", `["consent", true]` + "\n{\n"} {
		docs, _ := ParseAll("l.jsonl", []byte(log))
		one, _ := Parse("l.jsonl", []byte(log))
		if len(docs) != 1 || !reflect.DeepEqual(docs[0], one) {
			t.Errorf("%q: %d documents", log, len(docs))
		}
	}
}

func TestWrittenKindAndDocumentRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	call := []*model.Value{{Kind: model.String, Str: "init"}}
	w.Write(Record{Args: call, File: "js/p.js", Kind: "page", Document: "a.html", Line: 1, Column: 1})
	w.Write(Record{Args: call, File: "c.js", Kind: "script", Document: "c.js", Line: 1, Column: 1})
	if strings.Count(buf.String(), `"document"`) != 1 {
		t.Errorf("document written when it is the file: %s", buf.String())
	}
	docs, _ := ParseAll("-", buf.Bytes())
	if len(docs) != 2 || docs[0].Path != "a.html" || docs[0].Kind != model.Page || docs[1].Kind != model.Script {
		t.Errorf("round trip: %s", buf.String())
	}
}
