package lint

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// keepExactFixes drops every fix one of whose edits does not find its Old
// text verbatim at its span in the file as written. Spans pass through
// charset decoding, template masking, source maps, JSON string escapes and
// HTML entities; a value read through an escape or a mapped position that
// is off by one would make an edit land on the wrong bytes, and such an
// edit is not offered. This is the one place that check is made for every
// source; the CLI repeats it on the bytes it writes.
func keepExactFixes(fs []model.Finding, files sources, doc *model.Document) {
	attrs := map[string][]model.AttrValue{} // event-handler attribute values of each file
	literals := map[string][]tmpl.Span{}    // PHP literals printed as written, of each file
	for i := range fs {
		if fs[i].Fix != nil && (!fixApplies(fs[i].Fix, files) || !fitsAttributes(fs[i].Fix, files, doc, attrs) || !fitsPrintedLiterals(fs[i].Fix, files, literals)) {
			fs[i].Fix = nil
		}
	}
}

// fitsPrintedLiterals reports whether no edit that lands in markup a PHP
// tag prints from a literal (<?php echo '<script>…'; ?>, read as written)
// writes what would end or change the PHP string: its quote, a backslash,
// in double quotes a "$".
func fitsPrintedLiterals(fix *model.Fix, files sources, cache map[string][]tmpl.Span) bool {
	for _, e := range fix.Edits {
		if !strings.ContainsAny(e.New, `'"\$`) {
			continue
		}
		f := files.at(e.Span.File, e.Span.Start.Line)
		if model.FileKindOf(f.Name) != model.HTMLFile && model.FileKindOf(f.Name) != model.UnknownFile {
			continue
		}
		lits, ok := cache[f.Name]
		if !ok {
			_, spans := tmpl.Mask(f.Text)
			lits = tmpl.PrintedLiterals(f.Text, spans)
			cache[f.Name] = lits
		}
		start, end, _ := EditRange(f, e)
		for _, l := range lits {
			if start >= l.Start && end <= l.End && strings.ContainsAny(e.New, tmpl.PrintedLiteralBreakers(f.Text[l.Start-1])) {
				return false
			}
		}
	}
	return true
}

// fitsAttributes reports whether every edit that lands in an HTML
// event-handler attribute (onclick="oaiq(…)") writes text the attribute
// can hold as it is: no quote that would close it, no & that would start
// an entity, no < or >. Script text and other files need no such care.
// A page's own attributes are those its extraction recorded; any other
// HTML file is scanned once.
func fitsAttributes(fix *model.Fix, files sources, doc *model.Document, cache map[string][]model.AttrValue) bool {
	for _, e := range fix.Edits {
		f := files.at(e.Span.File, e.Span.Start.Line)
		if model.FileKindOf(f.Name) != model.HTMLFile && model.FileKindOf(f.Name) != model.UnknownFile {
			continue
		}
		hs, ok := cache[f.Name]
		if !ok {
			if doc != nil && doc.Page != nil && f.Name == doc.Path {
				for _, v := range doc.Page.HandlerValues {
					if v.File == f.Name {
						hs = append(hs, v)
					}
				}
			} else {
				for _, h := range htmlx.Scan(f.Text, f.Text).Handlers {
					hs = append(hs, attrValue(f, h.Attr))
				}
			}
			cache[f.Name] = hs
		}
		start, end, _ := EditRange(f, e)
		for _, a := range hs {
			if start < a.Start || end > a.End {
				continue
			}
			bad := "&<>\"'`"
			if a.Quote != 0 {
				bad = "&" + string(a.Quote)
			}
			if strings.ContainsAny(e.New, bad) {
				return false
			}
		}
	}
	return true
}

// attrValue is where an attribute's value stands in f, with its quote.
func attrValue(f *source.File, a htmlx.Attr) model.AttrValue {
	v := model.AttrValue{File: f.Name, Start: a.ValStart, End: a.ValEnd}
	if a.ValStart > 0 && (f.Text[a.ValStart-1] == '"' || f.Text[a.ValStart-1] == '\'') {
		v.Quote = f.Text[a.ValStart-1]
	}
	return v
}

// spanText reads spans of the files as written, for model.Document.Text.
func spanText(files sources) func(model.Span) (string, bool) {
	return func(sp model.Span) (string, bool) {
		f := files.at(sp.File, sp.Start.Line)
		if f == nil {
			return "", false
		}
		start, end := f.Offset(sp.Start), f.Offset(sp.End)
		if start < 0 || end < start || end > len(f.Text) {
			return "", false
		}
		return string(f.Text[start:end]), true
	}
}

// fixApplies reports whether every edit of fix finds its Old text at its
// span in files.
func fixApplies(fix *model.Fix, files sources) bool {
	if fix == nil || len(fix.Edits) == 0 {
		return false
	}
	for _, e := range fix.Edits {
		f := files.at(e.Span.File, e.Span.Start.Line)
		if f == nil {
			return false
		}
		if _, _, ok := EditRange(f, e); !ok {
			return false
		}
	}
	return true
}

// EditRange returns the byte range of e in f when its text there is
// exactly e.Old.
func EditRange(f *source.File, e model.Edit) (int, int, bool) {
	if e.Old == "" {
		return 0, 0, false
	}
	start, end := f.Offset(e.Span.Start), f.Offset(e.Span.End)
	if start < 0 || end < start || end > len(f.Text) {
		return 0, 0, false
	}
	if string(f.Text[start:end]) != e.Old {
		return 0, 0, false
	}
	return start, end, true
}
