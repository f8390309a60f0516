package eventlog

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Markers for what JSON cannot say about a statically read value, so that
// `extract | log -` keeps "not known statically" instead of guessing:
//
//	{"$dynamic": "total * 100"}   a value computed at run time
//	{"…": 1, "$spread": "extra"}  an object with members not all known
const (
	dynamicKey = "$dynamic"
	spreadKey  = "$spread"
)

// Record is one browser call as extract writes it.
type Record struct {
	Args []*model.Value
	URL  string
	File string
	// Kind is the kind of document the call was found in (model.DocKind's
	// name: "page", "fragment", "script"); with it, the log reader checks
	// each document's calls as a document of that kind.
	Kind string
	// Document is the page or file the call belongs to when that is not
	// File: a page's call written in an external script it loads.
	Document string
	Line     int
	Column   int
	// Via is "image-tag" for an image tag's request (read as the
	// measureSingle call it amounts to), "" for an oaiq(…) call; NoScript
	// says the tag stood in <noscript>.
	Via      string
	NoScript bool
	// Server marks an event server code posts to the Conversions API:
	// written as a server event (docs/event-log.md), with PixelID the
	// request's pid and without the request's URL, which may carry its key.
	Server  bool
	PixelID string
}

// CallRecord is the record of call c found in doc, as extract, crawl
// --record and check --render --record write it: with the document it
// belongs to and its kind, so `log` lints it as check did.
func CallRecord(c *model.Call, doc *model.Document) Record {
	r := Record{Args: c.Args, URL: c.URL, Kind: doc.Kind.String(), Document: doc.Path}
	if r.URL == "" && doc.Page != nil {
		r.URL = doc.Page.URL
	}
	if !c.Span.IsZero() {
		r.File, r.Line, r.Column = c.Span.File, c.Span.Start.Line, c.Span.Start.Col
	}
	if c.Image != nil {
		r.Via, r.NoScript = viaImageTag, c.Image.NoScript
	}
	if c.Side == model.Server {
		r.Server, r.PixelID, r.URL = true, c.PixelID, ""
	}
	return r
}

// Writer writes records as JSON Lines. Personal data and secrets are
// written redacted wherever they stand: values, keys, file, document and url.
type Writer struct {
	w   io.Writer
	buf bytes.Buffer
}

// NewWriter returns a writer of JSON Lines to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes one record on one line.
func (lw *Writer) Write(r Record) error {
	b := &lw.buf
	b.Reset()
	// Values a raw-data field holds are masked wherever else they appear
	// in the record too.
	w := valueWriter{b: b, known: pii.KnownIn(r.Args...)}
	if r.Server && len(r.Args) >= 3 {
		w.serverEvent(r)
	} else {
		b.WriteString(`{"args":[`)
		for i, a := range r.Args {
			if i > 0 {
				b.WriteByte(',')
			}
			w.value(a, "")
		}
		b.WriteString(`],"source":"browser"`)
	}
	if r.Via != "" {
		b.WriteString(`,"via":`)
		writeString(b, r.Via)
		if r.NoScript {
			b.WriteString(`,"noscript":true`)
		}
	}
	if r.URL != "" {
		b.WriteString(`,"url":`)
		writeString(b, pii.Redact(r.URL))
	}
	if r.File != "" {
		b.WriteString(`,"file":`)
		writeString(b, pii.Redact(r.File))
		if r.Kind != "" {
			b.WriteString(`,"kind":`)
			writeString(b, r.Kind)
		}
		if r.Document != "" && r.Document != r.File {
			b.WriteString(`,"document":`)
			writeString(b, pii.Redact(r.Document))
		}
		b.WriteString(`,"line":` + strconv.Itoa(r.Line) + `,"column":` + strconv.Itoa(r.Column))
	}
	b.WriteString("}\n")
	_, err := lw.w.Write(b.Bytes())
	return err
}

// serverEvent writes the start of a server event record: the measure
// call's name, data and ids as the event's fields (the reader's
// serverEvent turns them back into the same call).
func (w valueWriter) serverEvent(r Record) {
	b := w.b
	b.WriteString(`{"source":"server"`)
	if r.PixelID != "" {
		b.WriteString(`,"pixel_id":`)
		writeString(b, w.redact(r.PixelID))
	}
	b.WriteString(`,"event_name":`)
	w.value(r.Args[1], "")
	if len(r.Args) > 3 {
		for _, key := range []string{"event_id", "custom_event_name"} {
			if v := r.Args[3].Get(key); v != nil {
				b.WriteString(`,"` + key + `":`)
				w.value(v, "")
			}
		}
	}
	b.WriteString(`,"data":`)
	w.value(r.Args[2], "")
}

// valueWriter writes a record's values, redacted, and masks the values
// its raw-data fields hold (known) wherever they appear.
type valueWriter struct {
	b     *bytes.Buffer
	known []pii.Known
}

func (w valueWriter) redact(s string) string {
	out, _ := pii.RedactWith(s, w.known, nil)
	return out
}

// value writes v; kind is the personal data the field v is in only ever
// holds ("" when it is no such field): such values are written redacted
// whatever their shape, a number as a string.
func (w valueWriter) value(v *model.Value, kind pii.Kind) {
	b := w.b
	if kind != "" {
		switch v.Kind {
		case model.String:
			writeString(b, pii.RedactAs(kind, v.Str))
			return
		case model.Number:
			raw := v.Raw
			if raw == "" {
				raw = strconv.FormatFloat(v.Num, 'f', -1, 64)
			}
			writeString(b, pii.RedactAs(kind, raw))
			return
		}
	}
	switch v.Kind {
	case model.Null, model.Undefined:
		b.WriteString("null")
	case model.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case model.Number:
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			// JSON has no NaN: keep what the code said, as a dynamic value.
			b.WriteString(`{"` + dynamicKey + `":`)
			writeString(b, w.redact(v.Raw))
			b.WriteByte('}')
			return
		}
		b.WriteString(strconv.FormatFloat(v.Num, 'f', -1, 64))
	case model.String:
		// Logs are output too: raw personal data is redacted, in a form the
		// pii-raw rule still recognises when the log is linted.
		writeString(b, w.redact(v.Str))
	case model.Array:
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			w.value(it, kind)
		}
		b.WriteByte(']')
	case model.Object:
		b.WriteByte('{')
		for i, f := range v.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			// A key is written by the page too, and may be an address.
			writeString(b, w.redact(f.Key))
			b.WriteByte(':')
			k, _ := pii.KeyKind(f.Key)
			if k == "" {
				k = kind
			}
			w.value(f.Value, k)
		}
		if v.Open {
			if len(v.Fields) > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + spreadKey + `":true`)
		}
		b.WriteByte('}')
	default:
		// Expressions are source text and may hold literal personal data.
		b.WriteString(`{"` + dynamicKey + `":`)
		writeString(b, w.redact(v.Raw))
		b.WriteByte('}')
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// unmark turns the markers back into dynamic values and open objects.
func unmark(v *model.Value) {
	if v == nil {
		return
	}
	if v.Kind == model.Object {
		if len(v.Fields) == 1 && v.Fields[0].Key == dynamicKey {
			raw, _ := v.Fields[0].Value.StringValue()
			*v = model.Value{Kind: model.Dynamic, Raw: raw, Span: v.Span}
			return
		}
		kept := v.Fields[:0]
		for _, f := range v.Fields {
			if f.Key == spreadKey {
				v.Open = true
				continue
			}
			kept = append(kept, f)
		}
		v.Fields = kept
	}
	for _, it := range v.Items {
		unmark(it)
	}
	for _, f := range v.Fields {
		unmark(f.Value)
	}
}
