package render

import (
	"strings"
	"unicode/utf16"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Document turns a capture into a model document for the rules: the page
// facts read from the HTML the browser received, corrected by what the
// browser saw run, the recorded calls in the order they were made (the
// first RecordedCalls of doc.Calls), then the calls written in the page
// that were not made, as read statically, so their findings are kept.
// What only the browser showed (calls lost or not made, oppref lost) is
// recorded as facts for the rules, at the page or at the script line and
// column of the call when the stack trace gave it.
func (c *Capture) Document() (*model.Document, []*source.File) {
	doc := &model.Document{Path: c.URL, Kind: model.Page}
	var files []*source.File
	var static *model.Document
	if r := c.Response; r != nil && strings.Contains(strings.ToLower(r.Header.Get("Content-Type")), "html") {
		name := stripProbe(r.URL)
		static, files = extract.Page(name, r.Body, extract.Options{
			Kind:                 extract.HTML,
			ContentType:          r.Header.Get("Content-Type"),
			CSPHeaders:           r.Header.Values("Content-Security-Policy"),
			CSPReportOnlyHeaders: r.Header.Values("Content-Security-Policy-Report-Only"),
			URL:                  name,
			Rendered:             true,
		})
		doc.Page = static.Page
	}
	if doc.Page == nil {
		doc.Page = &model.PageFacts{URL: stripProbe(c.FinalURL)}
	}
	page := doc.Page
	// The browser parsed the page into a head and ran everything it loads:
	// what static reading could not see has been seen.
	page.HasHead = true
	page.TagManagers, page.Unresolved, page.Includes = nil, nil, nil
	if len(page.Loaders) == 0 {
		if l, ok := c.runtimeLoader(doc.Path); ok {
			page.Loaders = append(page.Loaders, l)
		}
	}
	c.addViolatedPolicies(page)
	if len(page.ServerRequests) == 0 {
		for _, b := range c.Blocked {
			if b.Pixel {
				page.ServerRequests = append(page.ServerRequests, model.ServerRequest{URL: b.URL, API: "a " + strings.ToLower(b.Type) + " request", Span: model.Span{File: doc.Path}})
			}
		}
	}
	byName := make(map[string]*source.File, len(files))
	for _, f := range files {
		byName[f.Name] = f
	}
	observed := map[*model.Call]bool{}
	for _, r := range c.Records {
		if r.Kind == "call" {
			call, w := c.call(r, static, byName, observed)
			if w != nil {
				observed[w] = true
			}
			doc.Calls = append(doc.Calls, call)
		}
	}
	rf := &model.RenderFacts{}
	var lost map[*model.Call]bool
	rf.Lost, lost = c.lostCalls(static, byName)
	doc.Calls = append(doc.Calls, unobserved(static, observed)...)
	rf.NotMade, rf.FirstNotMade = notMade(static, observed, lost)
	doc.Render = rf
	if d, ok := c.opprefDrop(); ok {
		doc.OpprefDrops = append(doc.OpprefDrops, d)
	}
	return doc, files
}

// call builds one recorded call. When the page's HTML holds the call
// written where the stack says it ran, its argument spans are reused, so a
// computed amount is reported at the expression that computed it; that
// written call is returned too. A call whose stack is unknown (drained
// from the queue) is matched to a written call not seen yet by its
// command and event name.
func (c *Capture) call(r Record, static *model.Document, files map[string]*source.File, observed map[*model.Call]bool) (*model.Call, *model.Call) {
	href := stripProbe(r.Href)
	span := model.Span{File: href}
	fr, sited := callSite(r.Stack)
	if sited {
		span = c.frameSpan(fr, files)
	}
	call := &model.Call{Span: span, Side: model.Browser, URL: href}
	for _, a := range r.Args {
		call.Args = append(call.Args, a.value(span))
	}
	w := writtenAt(static, files, span)
	if w == nil && !sited {
		w = sameWrittenCall(static, call, observed)
	}
	if w != nil {
		call.Span = w.Span
		for i, a := range call.Args {
			adoptSpans(a, w.Arg(i))
		}
	}
	return call, w
}

// writtenCall returns the call in the static document whose expression
// contains the position a stack trace gave, or nil.
func writtenCall(static *model.Document, at model.Span) *model.Call {
	if static == nil || at.IsZero() {
		return nil
	}
	for _, c := range static.Calls {
		s := c.Span
		if s.File == at.File && !at.Start.Before(s.Start) && at.Start.Before(s.End) {
			return c
		}
	}
	return nil
}

// adoptSpans gives the recorded value v the spans of the written value w
// wherever their shapes agree; the rest keeps the nearest written span.
func adoptSpans(v, w *model.Value) {
	if v == nil || w == nil {
		return
	}
	setSpan(v, w.Span)
	switch {
	case v.Kind == model.Object && w.Kind == model.Object:
		for _, f := range v.Fields {
			if wf := w.Field(f.Key); wf != nil {
				f.KeySpan = wf.KeySpan
				adoptSpans(f.Value, wf.Value)
			}
		}
	case v.Kind == model.Array && w.Kind == model.Array:
		for i, it := range v.Items {
			if i < len(w.Items) {
				adoptSpans(it, w.Items[i])
			}
		}
	}
}

func setSpan(v *model.Value, span model.Span) {
	v.Walk(func(_ []string, n *model.Value) { n.Span = span })
	v.Walk(func(_ []string, n *model.Value) {
		for _, f := range n.Fields {
			f.KeySpan = span
		}
	})
}

// runeColumn converts a 1-based UTF-16 column (V8's) on line to a 1-based
// column in runes (the model's).
func runeColumn(line string, col16 int) int {
	units, runes := 0, 0
	for _, r := range line {
		if units >= col16-1 {
			break
		}
		units += len(utf16.Encode([]rune{r}))
		runes++
	}
	if units < col16-1 { // past the text we have: keep V8's count
		return col16
	}
	return runes + 1
}

// RecordedCalls is how many calls the page made while rendering: the
// first calls of the document, the ones an event log of the session holds.
func (c *Capture) RecordedCalls() int {
	n := 0
	for _, r := range c.Records {
		if r.Kind == "call" {
			n++
		}
	}
	return n
}
