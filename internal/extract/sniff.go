package extract

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
)

// HTMLExtensions are the page and template extensions linted as HTML.
var HTMLExtensions = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".erb": true,
	".ejs": true, ".liquid": true, ".njk": true, ".hbs": true, ".handlebars": true,
	".mustache": true, ".twig": true, ".jinja": true, ".j2": true, ".tmpl": true,
	".gohtml": true, ".php": true, ".jsp": true, ".aspx": true, ".cshtml": true,
	".astro": true,
}

// ScriptExtensions are the script extensions linted as JavaScript.
var ScriptExtensions = map[string]bool{".js": true, ".mjs": true, ".cjs": true}

// ModuleExtensions are application source read through esbuild (.js and
// .mjs files stay scripts: module syntax in them goes through
// jscall.ModuleParser when they do not parse as scripts).
var ModuleExtensions = map[string]bool{".ts": true, ".mts": true, ".cts": true, ".tsx": true, ".jsx": true}

// ComponentExtensions are single-file components (script blocks, markup).
var ComponentExtensions = map[string]bool{".vue": true, ".svelte": true, ".astro": true}

// KindByExtension returns the Kind for a known extension, else Auto.
func KindByExtension(name string) Kind {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case ModuleExtensions[ext]:
		return Module
	case ComponentExtensions[ext]:
		return Component
	case HTMLExtensions[ext]:
		return HTML
	case ScriptExtensions[ext]:
		return JS
	case MarkdownExtensions[ext]:
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
