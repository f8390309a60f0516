package extract

import (
	"fmt"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
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
			markBrowser(doc, 0)
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
	nonce     string
	inline    string
	// deferred: the element runs after parsing or when it arrives
	// (defer, async, type=module).
	deferred bool
}

// addScript merges one script's result into doc. p is nil for a script
// read on its own.
func addScript(doc *model.Document, f *source.File, res jscall.Result, p *placement) {
	if res.Err != nil {
		doc.Findings = append(doc.Findings, parseError(f, res.Err))
		return
	}
	if res.Partial != nil {
		doc.Findings = append(doc.Findings, partialParse(f, res.Partial, len(res.Calls), len(res.Unread)))
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
			l.Deferred = p.deferred
			if p.inline != "" && !l.Late {
				l.Span = p.span // the snippet is the element; one injected from a string is where it is written
			}
		}
		doc.Page.Loaders = append(doc.Page.Loaders, l)
	}
}

// partialParse is the one finding of a script that did not parse but
// whose pixel calls were read statement by statement: it says which part
// could not be read. A script with template tags may well parse once
// rendered (info); one without fails in the browser too (warning).
func partialParse(f *source.File, e *jscall.SyntaxError, calls, unread int) model.Finding {
	pf := parseError(f, e)
	what := "the rest of the script was read on its own"
	switch {
	case calls == 1:
		what = "its pixel call was read on its own"
	case calls > 1:
		what = fmt.Sprintf("its %d pixel calls were read on their own", calls)
	}
	switch {
	case unread == 1:
		what = "1 pixel call could not be read at all; " + what
	case unread > 1:
		what = fmt.Sprintf("%d pixel calls could not be read at all; ", unread) + what
	}
	if e.Templated {
		pf.Severity = model.Info
		pf.Message = pii.Redact(fmt.Sprintf("this part of the script could not be read as JavaScript around its template tags (%s); %s and checked", e.Message, what))
		pf.Hint = "nothing to fix if the rendered script is valid; code that is read whole is checked whole (values behind names, order)"
		return pf
	}
	pf.Message = pii.Redact(fmt.Sprintf("this script mentions oaiq but could not be parsed here: %s; %s and checked", e.Message, what))
	pf.Hint = "fix the syntax error: in a browser it stops the whole script, pixel calls included"
	return pf
}

func parseError(f *source.File, e *jscall.SyntaxError) model.Finding {
	end := e.Offset
	if end < len(f.Text) {
		_, size := utf8.DecodeRune(f.Text[end:])
		end += size
	}
	return model.Finding{
		Rule:     ParseErrorRule,
		Severity: model.Warning,
		Message:  pii.Redact(fmt.Sprintf("this script mentions oaiq but could not be parsed: %s", e.Message)),
		Hint:     "fix the syntax error: the pixel calls in this script could not be checked",
		Span:     f.Span(e.Offset, end),
	}
}
