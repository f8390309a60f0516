package extract

import (
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/component"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// SFC reads a single-file component. Vue and Svelte: the component's own
// <script> blocks (lang="ts" too) go through esbuild; a <script> inside the
// markup is rendered into the page as is and read like an inline script
// (in <svelte:head> it is in the head). Astro: the frontmatter between
// "---" fences is TypeScript; the rest is a page or fragment template and
// is read as HTML.
func SFC(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	if strings.EqualFold(filepath.Ext(name), ".astro") {
		return astro(name, data, opts)
	}
	f := source.New(name, decode.Script(data, opts.ContentType).Text)
	doc := &model.Document{Path: name, Kind: model.Script, Page: &model.PageFacts{URL: opts.URL}}
	if !mentionsPixel(f.Text) {
		return doc, []*source.File{f}
	}
	// A component's script runs in the browser (hydrated), unless the file
	// is server-only or the block is a Svelte module script.
	browser := !serverFile(name)
	for _, b := range component.Blocks(f.Text) {
		code := f.Text[b.TextStart:b.TextEnd]
		if !mentionsPixel(code) || !isJavaScript(b.Type) {
			continue
		}
		from, fromCAPI := len(doc.Page.ServerRequests), len(doc.Requests)
		if !b.Markup {
			readModule(doc, f, b.TextStart, code, module.LoaderFor(b.Lang), opts.URL)
			if browser && !b.ServerToo {
				markBrowser(doc, from, fromCAPI)
			}
			continue
		}
		res := jscall.Extract(jscall.Script{File: f, Base: b.TextStart, Code: code, URL: opts.URL})
		addScript(doc, f, res, &placement{span: f.Span(b.Start, b.End), inHead: b.InHead, inline: string(code)})
		markBrowser(doc, from, fromCAPI)
	}
	// Event handlers in the markup (@click="…", v-on:submit="…",
	// on:click="…", onclick="…") run when the user acts.
	from, fromCAPI := len(doc.Page.ServerRequests), len(doc.Requests)
	readHandlers(doc, htmlx.Scan(f.Text, f.Text).Handlers, attrText{f: f, masked: f.Text, url: opts.URL})
	markBrowser(doc, from, fromCAPI)
	sortCalls(doc)
	return doc, []*source.File{f}
}

// astro reads the template as a page with the frontmatter blanked (same
// length, so every position holds), then adds the frontmatter's calls.
func astro(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	text := decode.Script(data, opts.ContentType).Text
	start, end, ok := component.Frontmatter(text)
	if !ok {
		return Page(name, text, opts)
	}
	page := append([]byte(nil), text...)
	for i := start - 3; i < end+3 && i < len(page); i++ {
		if page[i] != '\n' && page[i] != '\r' {
			page[i] = ' '
		}
	}
	doc, files := Page(name, page, opts)
	f := source.New(name, text)
	files[0] = f
	if code := text[start:end]; mentionsPixel(code) {
		front := &model.Document{Page: &model.PageFacts{}}
		readModule(front, f, start, code, module.TS, opts.URL)
		doc.Calls = append(front.Calls, doc.Calls...)
		doc.ScriptFailures = append(doc.ScriptFailures, front.ScriptFailures...)
		doc.Page.ServerRequests = append(doc.Page.ServerRequests, front.Page.ServerRequests...)
		doc.Page.Loaders = append(doc.Page.Loaders, front.Page.Loaders...)
	}
	return doc, files
}
