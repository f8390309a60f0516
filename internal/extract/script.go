package extract

import (
	"fmt"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
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
		res := jscall.Extract(jscall.Script{File: f, Code: masked, Templates: spans, URL: opts.URL})
		addScript(doc, f, res, nil)
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
	doc.Calls = append(doc.Calls, res.Calls...)
	if res.Defines && p != nil && !p.deferred {
		doc.Page.Definers = append(doc.Page.Definers, p.span)
	}
	doc.Page.ServerRequests = append(doc.Page.ServerRequests, res.Requests...)
	for _, l := range res.Loaders {
		if p != nil {
			l.InHead, l.Preceding, l.Nonce, l.Inline, l.Element = p.inHead, p.preceding, p.nonce, p.inline, p.span
			l.Deferred = p.deferred
			if p.inline != "" {
				l.Span = p.span
			}
		}
		doc.Page.Loaders = append(doc.Page.Loaders, l)
	}
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
