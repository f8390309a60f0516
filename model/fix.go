package model

import (
	"unicode/utf8"
)

// Applicability says whether a fix may be applied without review.
type Applicability int

const (
	// Safe fixes cannot change what is measured, except to make it valid
	// (a code upper-cased, a misspelt key renamed).
	Safe Applicability = iota + 1
	// Unsafe fixes change values (an amount rescaled, a call translated):
	// they are applied only when asked (--unsafe-fixes).
	Unsafe
)

func (a Applicability) String() string {
	switch a {
	case Safe:
		return "safe"
	case Unsafe:
		return "unsafe"
	}
	return ""
}

// Fix is a change that resolves a finding: text edits in the file as
// written.
type Fix struct {
	// Description is one line saying what the fix does.
	Description   string
	Applicability Applicability
	Edits         []Edit
}

// Edit replaces the text at Span, which must be exactly Old, with New.
// Old is never empty: an insertion replaces a neighbouring anchor (a
// closing brace) with new text around it, so every edit can be checked
// against the file. Span is in characters of the file as written, like
// every span; the engine drops a fix any of whose edits does not find Old
// there verbatim (a value that was decoded from an escape, an entity, a
// template tag or a source map does not), so an offered fix is always
// exact.
type Edit struct {
	Span Span
	Old  string
	New  string
}

// ContentEdit returns the edit replacing the text of a string value or key
// from old to new. span is the value's or key's span: when it is old plus
// one quote on each side the edit covers the characters between the
// quotes, when it is old alone (a bare key) all of it. Anything else
// (escapes, a concatenation, a multi-line span) gives ok false.
func ContentEdit(span Span, old, new string) (Edit, bool) {
	if span.Start.IsZero() || span.Start.Line != span.End.Line || old == "" {
		return Edit{}, false
	}
	width := span.End.Col - span.Start.Col
	n := utf8.RuneCountInString(old)
	switch width {
	case n + 2:
		span.Start.Col++
		span.End.Col--
	case n:
	default:
		return Edit{}, false
	}
	return Edit{Span: span, Old: old, New: new}, true
}

// LastChar returns the edit replacing the last character of span, which
// must be want (a closing brace or parenthesis), with new.
func LastChar(span Span, want, new string) (Edit, bool) {
	if span.End.IsZero() || span.End.Col < 2 {
		return Edit{}, false
	}
	at := Span{File: span.File, Start: Pos{Line: span.End.Line, Col: span.End.Col - 1}, End: span.End}
	return Edit{Span: at, Old: want, New: new}, true
}

// Whole returns the edit replacing all of span, whose text must be old.
func Whole(span Span, old, new string) (Edit, bool) {
	if span.Start.IsZero() || old == "" {
		return Edit{}, false
	}
	return Edit{Span: span, Old: old, New: new}, true
}

// NewFix builds a fix from edits, or nil when any edit could not be made.
func NewFix(desc string, a Applicability, edits ...EditResult) *Fix {
	f := &Fix{Description: desc, Applicability: a}
	for _, e := range edits {
		if !e.OK {
			return nil
		}
		f.Edits = append(f.Edits, e.Edit)
	}
	if len(f.Edits) == 0 {
		return nil
	}
	return f
}

// EditResult pairs an edit with whether it could be made, so NewFix can
// take the helpers' results directly.
type EditResult struct {
	Edit Edit
	OK   bool
}

// E wraps an edit helper's two results for NewFix.
func E(e Edit, ok bool) EditResult { return EditResult{e, ok} }
