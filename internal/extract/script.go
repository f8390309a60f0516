package extract

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Script reads a JavaScript file (template tags allowed, as in .js.erb).
// Its PageFacts hold what the script itself shows (loaders, direct server
// requests) with HasHead false: placement is not known for a script.
func Script(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	f := source.New(name, decode.Script(data, opts.ContentType).Text)
	doc := &model.Document{Path: name, Kind: model.Script, Page: &model.PageFacts{URL: opts.URL}}
	masked, spans := tmpl.MaskFile(name, f.Text)
	// JSX's style={{…}} and dangerouslySetInnerHTML={{ __html: … }} look
	// like template tags: masked, a JSX file can hide every call it makes
	// (Gatsby's src/html.js), so the text as written decides it.
	jsxHidden := !mentionsPixel(masked) && len(spans) > 0 && mentionsPixel(f.Text) && jsxBraces(f.Text, spans)
	if mentionsPixel(masked) || jsxHidden {
		s := jscall.Script{File: f, Code: masked, Templates: spans, URL: opts.URL}
		var res jscall.Result
		if !jsxHidden {
			res = jscall.Extract(s)
		}
		switch {
		case !jsxHidden && res.Err == nil:
			addScript(doc, f, res, nil)
		case jsxHidden && module.Parses(f.Text, module.JS):
			// Template tags hide every mention: nothing the template prints is read.
		case jsxHidden || module.Parses(f.Text, module.JSX):
			// Next.js pages/, Create React App and Gatsby write JSX in .js
			// files (whose {{…}} is no template tag). One that does not
			// parse either is read as JSX too: its error is reported, and
			// what can be read is.
			readModule(doc, f, 0, f.Text, module.JSX, opts.URL)
			sortCalls(doc)
		default:
			s.Recover = true
			addScript(doc, f, jscall.Extract(s), nil)
		}
		if runsInBrowser(name, f.Text) {
			markBrowser(doc, 0, 0)
		}
	}
	scriptImageTags(doc, f, masked, spans, nil)
	return doc, []*source.File{f}
}

// jsxAttr matches the text of a JSX start tag up to an attribute's "=":
// <script dangerouslySetInnerHTML= or <div style=. Attributes before it
// may not hold "<" or ">" (an arrow function's => stops the match: the
// test is conservative).
var jsxAttr = regexp.MustCompile(`<[A-Za-z][\w.:-]*(?:\s[^<>]*)?\s[A-Za-z][\w-]*\s*=\s*$`)

// jsxBraces reports a {{…}} "tag" naming oaiq that stands as the value of
// a JSX attribute: JSX's double braces, not a template's.
func jsxBraces(text []byte, spans []tmpl.Span) bool {
	for _, sp := range spans {
		if !bytes.HasPrefix(text[sp.Start:], []byte("{{")) || !mentionsPixel(text[sp.Start:sp.End]) {
			continue
		}
		lt := bytes.LastIndexByte(text[max(0, sp.Start-2000):sp.Start], '<')
		if lt >= 0 && jsxAttr.Match(text[max(0, sp.Start-2000)+lt:sp.Start]) {
			return true
		}
	}
	return false
}

// placement is where a script element stands in its page.
type placement struct {
	span      model.Span
	inHead    bool
	preceding int
	// firstBlocker is the first of the preceding elements.
	firstBlocker model.Blocker
	nonce        string
	inline       string
	// deferred: the element runs after parsing or when it arrives
	// (defer, async, type=module).
	deferred bool
	// consent names the consent manager holding the element back until
	// the visitor agrees ("" when none).
	consent string
}

// addScript merges one script's result into doc. p is nil for a script
// read on its own.
func addScript(doc *model.Document, f *source.File, res jscall.Result, p *placement) {
	if res.Err != nil {
		doc.ScriptFailures = append(doc.ScriptFailures, parseFailure(f, res.Err))
		return
	}
	if res.Partial != nil {
		doc.ScriptFailures = append(doc.ScriptFailures, partialFailure(f, res))
		for _, off := range res.Unread {
			doc.Page.Unread = append(doc.Page.Unread, f.Span(off, off))
		}
	}
	doc.Calls = append(doc.Calls, res.Calls...)
	if res.Defines && p != nil && !p.deferred {
		doc.Page.Definers = append(doc.Page.Definers, p.span)
	}
	doc.Page.ServerRequests = append(doc.Page.ServerRequests, res.Requests...)
	addCAPIRequests(doc, res.CAPIRequests)
	for _, l := range res.Loaders {
		if p != nil {
			l.InHead, l.Preceding, l.Nonce, l.Inline, l.Element = p.inHead, p.preceding, p.nonce, p.inline, p.span
			l.FirstPreceding = p.firstBlocker
			l.Deferred, l.Consent = p.deferred, p.consent
			if p.inline != "" && !l.Late {
				l.Span = p.span // the snippet is the element; one injected from a string is where it is written
			}
		}
		doc.Page.Loaders = append(doc.Page.Loaders, l)
	}
}

// parseFailure is the fact of a script the parser stopped in, at the
// character it stopped at.
func parseFailure(f *source.File, e *jscall.SyntaxError) model.ScriptFailure {
	end := e.Offset
	if end < len(f.Text) {
		_, size := utf8.DecodeRune(f.Text[end:])
		end += size
	}
	return model.ScriptFailure{Span: f.Span(e.Offset, end), Reason: e.Message}
}

// partialFailure is the fact of a script that did not parse as a whole but
// whose pixel calls were read statement by statement: which part could not
// be read, how many calls were read and how many could not be.
func partialFailure(f *source.File, res jscall.Result) model.ScriptFailure {
	sf := parseFailure(f, res.Partial)
	sf.Recovered, sf.Read, sf.Unread, sf.Templated = true, len(res.Calls), len(res.Unread), res.Partial.Templated
	for _, off := range res.Unread {
		sf.UnreadAt = append(sf.UnreadAt, f.Span(off, off))
	}
	return sf
}
