// Package eventlog reads event logs: JSON Lines or one JSON array of
// records, each a bare call array, a recorded browser call or a server
// event (see docs/event-log.md). Every record becomes a model.Call whose
// nodes keep their line, column and JSON Pointer within the record.
package eventlog

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

const linesHint = "each line must hold one JSON value: a call array, a browser record or a server event"

// Parse reads one event log as one document. A record that is not valid
// JSON, or not a call or event, becomes a RecordFailure at its line (the
// log-parse-error rule reports it); the rest is kept. The returned file
// indexes the log for code frames. Parse keeps data: the caller must not change it afterwards.
func Parse(name string, data []byte) (*model.Document, *source.File) {
	r := read(name, data, false)
	return r.logDoc(), r.f
}

// read parses the log; split groups records by the file they came from
// (see ParseAll).
func read(name string, data []byte, split bool) *reader {
	data = maskSecrets(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	return readFile(source.New(name, data), split, false)
}

// readFile parses the log (or the piece of a log) f holds; lines says it
// is JSON Lines (a piece of a log known to be), whatever its first line.
func readFile(f *source.File, split, lines bool) *reader {
	r := &reader{f: f, p: jsonpos.NewParser(f), split: split}
	switch {
	case lines:
		r.readLines()
	case r.isArrayOfRecords():
		r.readArray()
	case r.readOneValue():
	default:
		r.readLines()
	}
	input := strings.Join(r.kinds, "+")
	for _, d := range r.docs {
		d.Input = input
	}
	return r
}

type reader struct {
	f *source.File
	p *jsonpos.Parser // one for the whole log: records share its strings

	split  bool
	log    *model.Document            // records of no known file, and parse errors
	byFile map[string]*model.Document // with split: the documents of files
	docs   []*model.Document          // every document, in first-appearance order
	kinds  []string                   // the shapes of record seen, in order (see saw)
}

// logDoc is the document of the log itself, made on first use.
func (r *reader) logDoc() *model.Document {
	if r.log == nil {
		r.log = &model.Document{Path: r.f.Name, Kind: model.EventLog}
		r.docs = append(r.docs, r.log)
	}
	return r.log
}

// isArrayOfRecords tells one JSON array of records from JSON Lines: the
// file's first value starts with "[" followed by "[" or "{", and the first
// line alone is not a complete record.
func (r *reader) isArrayOfRecords() bool {
	text := r.f.Text
	i := skipSpace(text, 0)
	if i >= len(text) || text[i] != '[' {
		return false
	}
	j := skipSpace(text, i+1)
	if j >= len(text) || (text[j] != '[' && text[j] != '{' && text[j] != ']') {
		return false
	}
	end := bytes.IndexAny(text[i:], "\r\n")
	if end < 0 {
		// One line: an array of arrays or objects is a list of records.
		return true
	}
	_, err := r.p.Parse(i, i+end)
	return err != nil
}

// readOneValue reads a file that is one JSON object written over several
// lines (a request body or a HAR file as saved) and reports whether it was
// one; a file whose first line is a whole value is JSON Lines.
func (r *reader) readOneValue() bool {
	text := r.f.Text
	i := skipSpace(text, 0)
	if i >= len(text) || text[i] != '{' {
		return false
	}
	if end := bytes.IndexAny(text[i:], "\r\n"); end < 0 || skipSpace(text, i+end) >= len(text) {
		return false
	} else if _, err := r.p.Parse(i, i+end); err == nil {
		return false
	}
	v, err := r.p.Parse(i, len(text))
	if err != nil {
		return false
	}
	r.record(v)
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func (r *reader) readLines() {
	text := r.f.Text
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		if len(bytes.TrimSpace(text[start:end])) > 0 {
			if v, err := r.p.Parse(start, end); err != nil {
				r.syntaxError(err, start, linesHint)
			} else {
				r.record(v)
			}
		}
		start = next
	}
}

// lineEnd returns the end of the line starting at start and the start of
// the next one. Lines end at \n, \r\n or a lone \r, as in source.File.
func lineEnd(text []byte, start int) (end, next int) {
	i := bytes.IndexAny(text[start:], "\r\n")
	if i < 0 {
		return len(text), len(text)
	}
	end = start + i
	if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
		return end, end + 2
	}
	return end, end + 1
}

func (r *reader) syntaxError(err error, fallback int, hint string) {
	off := fallback
	var se *jsonpos.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	r.fail(r.f.Span(off, off), "record is not valid JSON: "+err.Error(), hint)
}

func (r *reader) fail(span model.Span, msg, hint string) {
	doc := r.logDoc()
	doc.RecordFailures = append(doc.RecordFailures, model.RecordFailure{Span: span, Problem: msg, Fix: hint})
}

// record turns one parsed record into a call.
func (r *reader) record(v *model.Value) {
	unmark(v)
	doc, ok := r.docOf(v)
	if !ok {
		return
	}
	if r.split {
		before := len(doc.Calls)
		defer func() { toOrigin(v, doc.Calls[before:]) }()
	}
	switch v.Kind {
	case model.Array:
		if isEventList(v) {
			r.eventList(doc, v)
			return
		}
		r.saw(inputCalls)
		if len(v.Items) == 0 {
			r.fail(v.Span, "empty call array", `a call array starts with its command, as in ["measure", "order_created", {…}]`)
			return
		}
		doc.Calls = append(doc.Calls, &model.Call{Args: v.Items, Span: v.Span})
	case model.Object:
		if r.capiRecord(doc, v) {
			return
		}
		src := v.Get("source")
		if side, _ := src.StringValue(); side == "server" {
			r.saw(inputServer)
			r.serverEvent(doc, v)
			return
		}
		if src != nil && !isString(src, "browser") {
			r.fail(src.Span, fmt.Sprintf("unknown record source %s", describe(src)), `"source" is "browser" or "server"`)
			return
		}
		args := v.Get("args")
		if !args.Is(model.Array) || len(args.Items) == 0 {
			span := v.Span
			if args != nil {
				span = args.Span
			}
			r.fail(span, "browser record without a non-empty \"args\" array",
				`a browser record is {"args": ["measure", …], "url": "…", "ts": "…", "source": "browser"}`)
			return
		}
		r.saw(inputBrowser)
		call := &model.Call{Args: args.Items, Span: v.Span}
		call.URL, _ = v.Get("url").StringValue()
		call.Time, _ = v.Get("ts").StringValue()
		if via, _ := v.Get("via").StringValue(); via == viaImageTag {
			call.Image = imageRequestOf(call, v.Get("noscript"))
		}
		doc.Calls = append(doc.Calls, call)
	default:
		r.fail(v.Span, fmt.Sprintf("record is %s, not a call or an event", describe(v)),
			"a record is a call array, a browser record object or a server event object")
	}
}

// serverEvent expresses a server event as the measure call it corresponds
// to, so the same rules read both sides; synthesized nodes point at the
// record's own fields.
func (r *reader) serverEvent(doc *model.Document, v *model.Value) {
	name := v.Get("event_name")
	if name == nil {
		r.fail(v.Span, `server event without "event_name"`, `a server event is {"source": "server", "pixel_id": "…", "event_name": "…", "event_id": "…", "data": {…}}`)
		return
	}
	cmd := &model.Value{Kind: model.String, Str: "measure", Span: v.Field("source").KeySpan}
	data := v.Get("data")
	if data == nil {
		// What the server sent as data is unknown: nothing to check, nothing to guess.
		data = &model.Value{Kind: model.Object, Open: true, Span: name.Span}
	}
	opts := &model.Value{Kind: model.Object, Span: v.Span}
	for _, key := range []string{"event_id", "custom_event_name"} {
		if f := v.Field(key); f != nil {
			opts.Fields = append(opts.Fields, f)
		}
	}
	call := &model.Call{Args: []*model.Value{cmd, name, data, opts}, Span: v.Span, Side: model.Server}
	if id := v.Get("pixel_id"); id != nil {
		call.PixelID, _ = id.StringValue()
		call.PixelIDSpan = id.Span
	}
	call.URL, _ = v.Get("url").StringValue()
	call.Time, _ = v.Get("ts").StringValue()
	doc.Calls = append(doc.Calls, call)
}

func isString(v *model.Value, s string) bool {
	got, ok := v.StringValue()
	return ok && got == s
}

func describe(v *model.Value) string {
	switch v.Kind {
	case model.String:
		return fmt.Sprintf("the string %q", pii.Redact(truncate(v.Str, 40)))
	case model.Number:
		if math.IsNaN(v.Num) {
			return "NaN"
		}
		return "the number " + v.Raw
	}
	return "a " + v.Kind.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// toOrigin points the calls a record made at the place the record says the
// call was written ("file", "line" and "column", as extract writes them),
// so `extract | log -` reports positions in the original files. Only the
// call's start is known there: every node of the call gets it, and keeps
// its JSON Pointer into the record.
func toOrigin(v *model.Value, calls []*model.Call) {
	file, ok := v.Get("file").StringValue()
	line, col := v.Get("line"), v.Get("column")
	if !ok || file == "" || !line.IsInteger() || !col.IsInteger() || line.Num < 1 || col.Num < 1 {
		return
	}
	at := func(sp model.Span) model.Span {
		p := model.Pos{Line: int(line.Num), Col: int(col.Num)}
		return model.Span{File: file, Start: p, End: p, Pointer: sp.Pointer}
	}
	for _, c := range calls {
		c.Span = at(c.Span)
		if r := c.Image; r != nil {
			r.Span, r.MalformedSpan = at(r.Span), at(r.MalformedSpan)
			for i := range r.Params {
				r.Params[i].NameSpan, r.Params[i].ValueSpan = at(r.Params[i].NameSpan), at(r.Params[i].ValueSpan)
			}
		}
		for _, a := range c.Args {
			a.Walk(func(_ []string, n *model.Value) {
				n.Span = at(n.Span)
				for _, f := range n.Fields {
					f.KeySpan = at(f.KeySpan)
				}
			})
		}
	}
}
