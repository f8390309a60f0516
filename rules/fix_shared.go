package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Helpers the rules' fixes share. Every edit they make carries the text it
// replaces; the engine drops a fix whose edits do not find it verbatim in
// the file (see model.Edit), so these only decide what to change.

// replaceStringFix replaces the known string v with want, keeping its quotes.
func replaceStringFix(v *model.Value, want, desc string, a model.Applicability) *model.Fix {
	s, ok := v.StringValue()
	if !ok || s == want {
		return nil
	}
	return model.NewFix(desc, a, model.E(model.ContentEdit(v.Span, s, want)))
}

// withFix attaches fix to a schema hook's finding.
func withFix(f model.Finding, ok bool, fix *model.Fix) (model.Finding, bool) {
	if ok {
		f.Fix = fix
	}
	return f, ok
}

// renameFix renames member m of obj to key, unless obj already has one
// (renaming would then make a duplicate that silently wins or loses).
func renameFix(obj *model.Value, m *model.Field, key string) *model.Fix {
	// Only a misspelling of the name (pixel_id, PixelID, zipcode, curency):
	// a guess at another name is the message's, not a safe fix.
	if m == nil || key == "" || key == m.Key || meantKey(m.Key, []string{key}) != key || obj.Field(key) != nil || !isIdentifier(key) {
		return nil
	}
	return model.NewFix(fmt.Sprintf("rename %q to %q", m.Key, key), model.Safe, model.E(model.ContentEdit(m.KeySpan, m.Key, key)))
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// textAt returns the document's text between two positions of one file.
func textAt(doc *model.Document, file string, from, to model.Pos) (string, bool) {
	if doc == nil || doc.Text == nil || from.IsZero() || to.IsZero() || to.Before(from) {
		return "", false
	}
	return doc.Text(model.Span{File: file, Start: from, End: to})
}

// onlySeparators reports whether s holds nothing but white space and the
// punctuation between members (a comment there would be lost or moved).
func onlySeparators(s string, punct string) bool {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
		case strings.ContainsRune(punct, r):
		default:
			return false
		}
	}
	return true
}

// memberText is the text of obj's member i as written, key to value
// ("event_id: \"e-1\""), checked to be only the key, a colon and the value.
func memberText(doc *model.Document, m *model.Field) (string, bool) {
	if m == nil || m.Value == nil || m.KeySpan.File != m.Value.Span.File {
		return "", false
	}
	key, ok1 := doc.Text(m.KeySpan)
	sep, ok2 := textAt(doc, m.KeySpan.File, m.KeySpan.End, m.Value.Span.Start)
	val, ok3 := doc.Text(m.Value.Span)
	if !ok1 || !ok2 || !ok3 || (key != m.Key && key != `"`+m.Key+`"` && key != `'`+m.Key+`'`) || !onlySeparators(sep, ":") || strings.Count(sep, ":") != 1 || val == "" {
		return "", false
	}
	return key + sep + val, true
}

// removeMember returns the edit removing member i of obj with the comma
// and space that separate it from a neighbour.
func removeMember(doc *model.Document, obj *model.Value, i int) (model.Edit, bool) {
	if doc == nil || doc.Text == nil || obj == nil || obj.Open || i < 0 || i >= len(obj.Fields) {
		return model.Edit{}, false
	}
	m := obj.Fields[i]
	if _, ok := memberText(doc, m); !ok {
		return model.Edit{}, false
	}
	file := m.KeySpan.File
	var from, to model.Pos
	switch {
	case i+1 < len(obj.Fields): // up to the next member
		from, to = m.KeySpan.Start, obj.Fields[i+1].KeySpan.Start
	case i > 0: // the last: from the end of the one before
		from, to = obj.Fields[i-1].Value.Span.End, m.Value.Span.End
	default:
		from, to = m.KeySpan.Start, m.Value.Span.End
	}
	old, ok := textAt(doc, file, from, to)
	if !ok || old == "" {
		return model.Edit{}, false
	}
	// Whatever lies between the member and its neighbour must be a comma
	// and white space: anything else (a comment, a spread) stays put.
	mt, _ := memberText(doc, m)
	rest := strings.Replace(old, mt, "", 1)
	if !strings.Contains(old, mt) || !onlySeparators(rest, ",") || strings.Count(rest, ",") > 1 {
		return model.Edit{}, false
	}
	return model.Edit{Span: model.Span{File: file, Start: from, End: to}, Old: old}, true
}

// addMember returns the edit adding member text (`key: value`) to the
// object literal obj, first.
func addMember(obj *model.Value, text string) (model.Edit, bool) {
	if obj == nil || obj.Kind != model.Object || obj.Open || obj.Span.Start.IsZero() {
		return model.Edit{}, false
	}
	if len(obj.Fields) == 0 {
		return model.LastChar(obj.Span, "}", " "+text+" }")
	}
	first := model.Span{File: obj.Span.File, Start: obj.Span.Start, End: model.Pos{Line: obj.Span.Start.Line, Col: obj.Span.Start.Col + 1}}
	return model.Edit{Span: first, Old: "{", New: "{ " + text + ","}, true
}

// quotedKeys reports whether obj's keys are written in quotes (JSON), so an
// added key is written the same way.
func quotedKeys(obj *model.Value) bool {
	for _, f := range obj.Fields {
		return f.KeySpan.End.Col-f.KeySpan.Start.Col == len(f.Key)+2
	}
	return false
}

func keyText(obj *model.Value, key string) string {
	if quotedKeys(obj) {
		return `"` + key + `"`
	}
	return key
}
