package eventlog

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// kinds are the document kinds a record's "kind" names, as extract writes
// them (model.DocKind's names).
var kinds = map[string]model.DocKind{
	model.Page.String():     model.Page,
	model.Fragment.String(): model.Fragment,
	model.Script.String():   model.Script,
	model.EventLog.String(): model.EventLog,
}

// ParseAll reads one event log as the documents its records came from.
// Records that carry both "file" and "kind" (as extract writes them) are
// grouped into one document per "document" (or, without one, per "file"),
// of that kind, in the order documents first appear, so a component's calls are checked as check checked them
// and not against another file's init. Every other record, and every
// record that cannot be read, belongs to the log's own document, which is
// the only document of a log without such records. All spans point into
// the returned file.
func ParseAll(name string, data []byte) ([]*model.Document, *source.File) {
	r := read(name, data, true)
	if len(r.docs) == 0 {
		r.logDoc()
	}
	return r.docs, r.f
}

// docOf returns the document a record belongs to; false when the record
// names a kind of document that does not exist (reported).
func (r *reader) docOf(v *model.Value) (*model.Document, bool) {
	if !r.split {
		return r.logDoc(), true
	}
	file, hasFile := v.Get("file").StringValue()
	kindValue := v.Get("kind")
	if !hasFile || kindValue == nil {
		return r.logDoc(), true
	}
	if d, ok := v.Get("document").StringValue(); ok {
		file = d
	}
	name, _ := kindValue.StringValue()
	kind, known := kinds[name]
	if !known {
		r.fail(kindValue.Span, fmt.Sprintf("unknown record kind %s", describe(kindValue)),
			`"kind" is the kind of file the call was found in: "page", "fragment", "script" or "log"`)
		return nil, false
	}
	if doc := r.byFile[file]; doc != nil {
		return doc, true
	}
	doc := &model.Document{Path: file, Kind: kind}
	if r.byFile == nil {
		r.byFile = map[string]*model.Document{}
	}
	r.byFile[file] = doc
	r.docs = append(r.docs, doc)
	return doc, true
}
