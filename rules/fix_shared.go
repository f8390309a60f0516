package rules

import (
	"fmt"

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
	// Only a spelling of the same name (pixel_id, PixelID, zipcode): a
	// guess at another name is the message's, not a safe fix.
	if m == nil || key == "" || key == m.Key || normalizeName(key) != normalizeName(m.Key) || obj.Field(key) != nil || !isIdentifier(key) {
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
