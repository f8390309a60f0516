package extract

import (
	"bytes"

	"path/filepath"
	"sort"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/component"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Source reads application source: an ES module, TypeScript, JSX or TSX
// file. Its calls, and the snippets its components render, are read with
// positions in the file as written.
func Source(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	f := source.New(name, decode.Script(data, opts.ContentType).Text)
	doc := &model.Document{Path: name, Kind: model.Script, Page: &model.PageFacts{URL: opts.URL}}
	// Only files that mention the pixel are transformed and parsed: the
	// byte search costs next to nothing next to esbuild and goja.
	if mentionsPixel(f.Text) {
		readModule(doc, f, 0, f.Text, module.LoaderFor(filepath.Ext(name)), opts.URL)
		if runsInBrowser(name, f.Text) {
			markBrowser(doc, 0, 0)
		}
		sortCalls(doc)
	}
	return doc, []*source.File{f}
}

// readModule reads code, which is f.Text[base:base+len(code)], through
// esbuild: its calls, then the snippets its components render.
func readModule(doc *model.Document, f *source.File, base int, code []byte, loader module.Loader, url string) {
	t, err := module.Transform(code, loader)
	res := jscall.Extract(jscall.Script{File: f, Base: base, Code: code, URL: url, Recover: true,
		Transform: func(c []byte) (*jscall.Transformed, error) {
			if bytes.Equal(c, code) {
				return t, err
			}
			return module.Transform(c, loader) // recovery's pieces of a file that does not parse
		}})
	addScript(doc, f, res, nil)
	writtenNumbers(f, res.Calls)
	if err != nil {
		return
	}
	snippets, srcs := component.Snippets(t.Code, t.Start, code)
	for _, s := range snippets {
		readSnippet(doc, f, base, s, url)
	}
	for _, s := range srcs {
		readScriptSrc(doc, f, base, s)
	}
}

// readScriptSrc records a component's <script src>, <Script src> or
// useHead script entry that loads the SDK, like a page's script tag.
func readScriptSrc(doc *model.Document, f *source.File, base int, s component.ScriptSrc) {
	if !pixel.IsSDKURL(s.Src) || !isJavaScript(s.Type) {
		return
	}
	l := model.LoaderSighting{
		Kind:       model.LoaderScriptTag,
		Src:        s.Src,
		SrcSpan:    f.Span(base+s.SrcStart, base+s.SrcEnd),
		SrcDynamic: s.SrcDynamic,
		InHead:     s.InHead,
		InBody:     s.InBody,
		Async:      s.Async || isModule(s.Type),
	}
	l.Span = l.SrcSpan
	if s.ElementStart >= 0 {
		l.Element = f.Span(base+s.ElementStart, base+s.ElementStart+1+len(s.Element))
		l.Span = l.Element
	}
	if s.NextScript {
		l.Late, l.LateReason = nextScriptLate(s.Placement)
		if s.StrategyEnd > s.StrategyStart {
			l.Span = f.Span(base+s.StrategyStart, base+s.StrategyEnd)
		}
	}
	doc.Page.Loaders = append(doc.Page.Loaders, l)
}

// readSnippet checks the code of a string or template literal a component
// renders as a script, like an inline <script>: its ${…} parts are code
// computed at runtime, masked like template tags.
func readSnippet(doc *model.Document, f *source.File, base int, s component.Snippet, url string) {
	start, end := base+s.Start+1, base+s.End-1
	code := append([]byte(nil), f.Text[start:end]...)
	var spans []tmpl.Span
	for _, sub := range s.Subs {
		for i := sub[0] - s.Start - 1; i < sub[1]-s.Start-1; i++ {
			code[i] = '_'
		}
		spans = append(spans, tmpl.Span{Start: base + sub[0], End: base + sub[1], Output: true})
	}
	jscall.UnescapeCode(code)
	for _, bl := range s.Blanks {
		for i := bl[0] - s.Start - 1; i < bl[1]-s.Start-1; i++ {
			if code[i] != '\n' && code[i] != '\r' {
				code[i] = ' '
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	res := jscall.Extract(jscall.Script{File: f, Base: start, Code: code, Templates: spans, URL: url, Recover: true})
	if res.Err != nil {
		addScript(doc, f, res, nil)
		return
	}
	if res.Partial != nil {
		doc.ScriptFailures = append(doc.ScriptFailures, partialFailure(f, res))
		for _, off := range res.Unread {
			doc.Page.Unread = append(doc.Page.Unread, f.Span(off, off))
		}
	}
	doc.Calls = append(doc.Calls, res.Calls...)
	doc.Page.ServerRequests = append(doc.Page.ServerRequests, res.Requests...)
	addCAPIRequests(doc, res.CAPIRequests)
	for _, l := range res.Loaders {
		l.InHead, l.InBody = s.InHead, s.InBody
		if s.NextScript {
			l.Late, l.LateReason = nextScriptLate(s.Placement)
			switch {
			case s.StrategyEnd > s.StrategyStart:
				l.Span = f.Span(base+s.StrategyStart, base+s.StrategyEnd)
			case s.ElementStart >= 0:
				l.Span = f.Span(base+s.ElementStart, base+s.ElementStart+1+len(s.Element))
			}
		}
		doc.Page.Loaders = append(doc.Page.Loaders, l)
	}
}

// nextScriptLate applies Next.js's <Script> strategies: "beforeInteractive"
// is injected into the document head before hydration (on time);
// "afterInteractive" (the default), "lazyOnload" and "worker" run the
// snippet after the page is interactive. A computed strategy is not judged.
func nextScriptLate(s component.Placement) (bool, string) {
	switch {
	case s.StrategyDynamic:
		return false, ""
	case s.Strategy == "":
		return true, `<` + s.Element + `> without a strategy runs it "afterInteractive", after the page is hydrated`
	case s.Strategy == "afterInteractive":
		return true, `<` + s.Element + ` strategy="afterInteractive"> runs it after the page is hydrated`
	case s.Strategy == "lazyOnload":
		return true, `<` + s.Element + ` strategy="lazyOnload"> runs it only once the browser is idle, after the page has loaded`
	case s.Strategy == "worker":
		return true, `<` + s.Element + ` strategy="worker"> runs it in a web worker, after the page is interactive and away from it`
	}
	return false, ""
}

// writtenNumbers restores the source text of numbers: esbuild respells
// them (2599.00 → 2599, 0x10 → 16) and rules quote Raw to the user.
func writtenNumbers(f *source.File, calls []*model.Call) {
	for _, c := range calls {
		for _, a := range c.Args {
			a.Walk(func(_ []string, v *model.Value) {
				if v.Kind != model.Number || v.Span.IsZero() {
					return
				}
				// A constant's name stands for its value: keep its Raw.
				if a, b := f.Offset(v.Span.Start), f.Offset(v.Span.End); a < b && b <= len(f.Text) && isNumberStart(f.Text[a]) {
					v.Raw = string(f.Text[a:b])
				}
			})
		}
	}
}

func sortCalls(doc *model.Document) {
	sort.SliceStable(doc.Calls, func(i, j int) bool {
		return doc.Calls[i].Span.Start.Before(doc.Calls[j].Span.Start)
	})
}

func isNumberStart(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+'
}
