package extract

import (
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
	masked, spans := tmpl.Mask(f.Text)
	if mentionsPixel(masked) {
		s := jscall.Script{File: f, Code: masked, Templates: spans, URL: opts.URL}
		res := jscall.Extract(s)
		switch {
		case res.Err == nil:
			addScript(doc, f, res, nil)
		case module.Parses(f.Text, module.JSX):
			// Next.js pages/ and Create React App write JSX in .js files
			// (whose style={{…}} is no template tag).
			readModule(doc, f, 0, f.Text, module.JSX, opts.URL)
			sortCalls(doc)
		default:
			s.Recover = true
			addScript(doc, f, jscall.Extract(s), nil)
		}
		if usesClient(f.Text) && !serverFile(name) {
			markBrowser(doc, 0, 0)
		}
	}
	scriptImageTags(doc, f, masked, nil)
	return doc, []*source.File{f}
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
		doc.ScriptFailures = append(doc.ScriptFailures, partialFailure(f, res.Partial, len(res.Calls), len(res.Unread)))
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
func partialFailure(f *source.File, e *jscall.SyntaxError, read, unread int) model.ScriptFailure {
	sf := parseFailure(f, e)
	sf.Recovered, sf.Read, sf.Unread, sf.Templated = true, read, unread, e.Templated
	return sf
}
