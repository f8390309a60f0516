package extract

import (
	"bytes"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// KindByExtension returns the Kind for a known extension, else Auto.
func KindByExtension(name string) Kind {
	switch model.FileKindOf(name) {
	case model.ModuleFile:
		return Module
	case model.ComponentFile:
		return Component
	case model.HTMLFile:
		return HTML
	case model.ScriptFile:
		return JS
	case model.MarkdownFile:
		return Markdown
	}
	return Auto
}

// KindOf decides by extension, then by content.
func KindOf(name string, data []byte) Kind {
	if k := KindByExtension(name); k != Auto {
		return k
	}
	return Sniff(data)
}

// Sniff tells HTML from JavaScript by content: markup starts with "<" once
// template tags and white space are skipped, or holds a <script> tag;
// JavaScript never starts with "<".
func Sniff(data []byte) Kind {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return HTML // UTF-16 text is a page: scripts are not saved that way
	}
	_, spans := tmpl.Mask(head)
	i := 0
	for i < len(head) {
		switch {
		case len(spans) > 0 && spans[0].Start == i:
			i, spans = spans[0].End, spans[1:]
		case head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n' || head[i] == '\f':
			i++
		default:
			if head[i] == '<' {
				return HTML
			}
			i = len(head)
		}
	}
	if bytes.Contains(bytes.ToLower(head), []byte("<script")) {
		return HTML
	}
	return JS
}
