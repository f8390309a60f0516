package extract

import (
	"bytes"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// MarkdownDoc reads the fenced code blocks (```html, ```js, ```jsx, ```tsx…)
// of a Markdown or MDX file, each at its real position; prose is never
// read, so a word such as <head> in a sentence means nothing. A block is
// a snippet, not a page: the document is a script's, with no verdict on
// what the page as a whole lacks.
func MarkdownDoc(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	f := source.New(name, decode.Script(data, opts.ContentType).Text)
	doc := &model.Document{Path: name, Kind: model.Script, Page: &model.PageFacts{URL: opts.URL}}
	if !mentionsPixel(f.Text) {
		return doc, []*source.File{f}
	}
	pages := 0
	for _, b := range fencedBlocks(f.Text) {
		code := f.Text[b.start:b.end]
		if !mentionsPixel(code) {
			continue
		}
		switch b.lang {
		case "html", "htm", "xhtml", "svelte", "vue", "erb", "liquid", "php", "twig", "jinja", "njk", "handlebars", "hbs":
			// Markup is read as a page of the file's length: bounded, so a
			// document of thousands of blocks stays linear.
			if pages++; pages > maxMarkupBlocks {
				continue
			}
			sub, _ := Page(name, onlyBlock(f.Text, b), Options{URL: opts.URL})
			mergeBlock(doc, sub)
		case "js", "javascript", "mjs", "cjs":
			masked, spans := tmpl.Mask(code)
			for i := range spans {
				spans[i].Start += b.start
				spans[i].End += b.start
			}
			addScript(doc, f, jscall.Extract(jscall.Script{File: f, Base: b.start, Code: masked, Templates: spans, URL: opts.URL, Recover: true}), nil)
		case "jsx", "tsx", "ts", "typescript":
			readModule(doc, f, b.start, code, module.LoaderFor(b.lang), opts.URL)
		}
	}
	sortCalls(doc)
	return doc, []*source.File{f}
}

// maxMarkupBlocks bounds the markup blocks read in one document.
const maxMarkupBlocks = 100

// block is one fenced code block: its language and its code's bytes.
type block struct {
	lang       string
	start, end int
}

// fencedBlocks finds the fenced code blocks of a Markdown text: a line of
// three or more backticks or tildes with a language, up to a line with the
// same fence (or the end of the text).
func fencedBlocks(text []byte) []block {
	var out []block
	var open []byte // the fence of the block being read
	var cur block
	for i := 0; i < len(text); {
		end := bytes.IndexByte(text[i:], '\n')
		next := len(text)
		if end >= 0 {
			next = i + end + 1
		}
		line := bytes.TrimRight(text[i:next], "\r\n")
		trimmed := bytes.TrimLeft(line, " \t>")
		switch {
		case open == nil:
			if fence := fenceOf(trimmed); fence != nil {
				open = fence
				info := strings.TrimSpace(string(trimmed[len(fence):]))
				info = strings.TrimLeft(info, "{.")
				if f := strings.FieldsFunc(info, func(r rune) bool { return r == ' ' || r == '{' || r == '}' || r == ',' }); len(f) > 0 {
					info = f[0]
				}
				cur = block{lang: strings.ToLower(info), start: next}
			}
		case closes(trimmed, open):
			cur.end = i
			out = append(out, cur)
			open = nil
		}
		i = next
	}
	if open != nil {
		cur.end = len(text)
		out = append(out, cur)
	}
	return out
}

// fenceOf returns the fence a line opens with (``` or ~~~, three or
// more), or nil.
func fenceOf(line []byte) []byte {
	if len(line) < 3 || line[0] != '`' && line[0] != '~' {
		return nil
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return line[:n]
}

// closes reports a line that closes a block opened with fence: the same
// character, at least as many times, and nothing else.
func closes(line, fence []byte) bool {
	t := bytes.TrimRight(line, " \t")
	if len(t) < len(fence) {
		return false
	}
	for _, c := range t {
		if c != fence[0] {
			return false
		}
	}
	return true
}

// onlyBlock is text with everything outside the block blanked (line
// breaks kept), so that offsets, lines and columns are those of the file.
func onlyBlock(text []byte, b block) []byte {
	out := make([]byte, len(text))
	for i, c := range text {
		switch {
		case i >= b.start && i < b.end, c == '\n', c == '\r':
			out[i] = c
		default:
			out[i] = ' '
		}
	}
	return out
}

// mergeBlock adds what one block holds to the document. Unread external
// scripts and what a page lacks are a page's facts, not a snippet's.
func mergeBlock(doc, sub *model.Document) {
	doc.Calls = append(doc.Calls, sub.Calls...)
	doc.ScriptFailures = append(doc.ScriptFailures, sub.ScriptFailures...)
	doc.Page.Loaders = append(doc.Page.Loaders, sub.Page.Loaders...)
	doc.Page.ServerRequests = append(doc.Page.ServerRequests, sub.Page.ServerRequests...)
	doc.Page.Unread = append(doc.Page.Unread, sub.Page.Unread...)
}
