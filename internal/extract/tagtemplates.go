package extract

import (
	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
)

// separateTagNames keeps a template tag written right after an element's
// name (<script<?= $nonce ?>>, <script{{ nonce_attr }}>) from gluing onto
// the name: masked, it would read "<script______>", which is no script. The
// tag's first masked byte becomes a space, so the tag reads as an attribute
// whose value is dynamic, as it does once the server prints it. Only the
// elements the page reader looks at are separated.
func separateTagNames(masked []byte, spans []tmpl.Span) {
	for _, s := range spans {
		if s.Output && followsTagName(masked, s.Start) {
			masked[s.Start] = ' '
		}
	}
}

// followsTagName reports whether text[:at] ends in "<script", "<link" or
// "<meta" (any case).
func followsTagName(text []byte, at int) bool {
	for _, name := range [...]string{"script", "link", "meta"} {
		n := len(name) + 1
		if at < n || text[at-n] != '<' {
			continue
		}
		if equalFoldASCII(text[at-len(name):at], name) {
			return true
		}
	}
	return false
}

func equalFoldASCII(b []byte, lower string) bool {
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// templateAttr returns the first template tag written among el's
// attributes but outside any attribute value (<script <?= $nonce_attr ?>>),
// "" when none. What it prints is not known: it may be the nonce.
func templateAttr(el *htmlx.Element, original []byte, spans []tmpl.Span, tagEnd int) string {
	for _, s := range spansWithin(spans, el.Start, tagEnd) {
		if s.Start <= el.Start || s.End > tagEnd || inAttrValue(el, s) {
			continue
		}
		return string(original[s.Start:s.End])
	}
	return ""
}

func inAttrValue(el *htmlx.Element, s tmpl.Span) bool {
	for _, a := range el.Attrs {
		if a.HasValue && s.Start >= a.ValStart && s.End <= a.ValEnd {
			return true
		}
	}
	return false
}
