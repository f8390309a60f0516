package render

import (
	"regexp"
	"strings"

	"github.com/chromedp/cdproto/runtime"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Exception is an uncaught error the page threw because oaiq was missing
// (ReferenceError: oaiq is not defined, TypeError: window.oaiq is not a
// function): a call that never reached the recorder and is lost.
type Exception struct {
	// Message is the error's first line.
	Message string
	// Frame is where it was thrown (Col 1-based, in UTF-16 units).
	Frame Frame
}

// oaiqMissing matches the messages V8 gives a call to an oaiq that does
// not exist or is not a function.
var oaiqMissing = regexp.MustCompile(`\boaiq is not (?:defined|a function)\b`)

// exception returns the oaiq exception e describes, if it is one.
func exception(e *runtime.ExceptionDetails) (Exception, bool) {
	msg := e.Text
	if e.Exception != nil && e.Exception.Description != "" {
		msg = e.Exception.Description
	}
	msg, _, _ = strings.Cut(msg, "\n")
	if !oaiqMissing.MatchString(msg) {
		return Exception{}, false
	}
	if msg == "TypeError: oaiq is not a function" {
		// The recorder's window.oaiq accessor makes the bare name resolve
		// (to undefined): without it the page throws a ReferenceError.
		msg = "ReferenceError: oaiq is not defined"
	}
	fr := Frame{URL: e.URL, Line: int(e.LineNumber) + 1, Col: int(e.ColumnNumber) + 1}
	if st := e.StackTrace; st != nil && len(st.CallFrames) > 0 {
		top := st.CallFrames[0]
		fr = Frame{URL: top.URL, Line: int(top.LineNumber) + 1, Col: int(top.ColumnNumber) + 1}
	}
	return Exception{Message: msg, Frame: fr}, true
}

// lostCalls are the calls the page lost because oaiq was missing, at the
// written call when the page's HTML holds it there, else at the script
// position. It returns the written calls they point at too.
func (c *Capture) lostCalls(static *model.Document, files map[string]*source.File) ([]model.LostCall, map[*model.Call]bool) {
	var out []model.LostCall
	lost := map[*model.Call]bool{}
	for _, e := range c.Exceptions {
		span := c.frameSpan(e.Frame, files)
		if span.IsZero() {
			span = model.Span{File: stripProbe(c.URL)}
		}
		if w := writtenAt(static, files, span); w != nil {
			span = w.Span
			lost[w] = true
		}
		out = append(out, model.LostCall{Span: span, Thrown: e.Message})
	}
	return out, lost
}

// frameSpan is the one-character span at a stack frame, with the column in
// runes when the frame is in one of files.
func (c *Capture) frameSpan(fr Frame, files map[string]*source.File) model.Span {
	if fr.URL == "" || fr.Line < 1 {
		return model.Span{}
	}
	file := stripProbe(fr.URL)
	col := fr.Col
	if f := files[file]; f != nil {
		col = runeColumn(f.Line(fr.Line), fr.Col)
	}
	start := model.Pos{Line: fr.Line, Col: col}
	return model.Span{File: file, Start: start, End: model.Pos{Line: start.Line, Col: start.Col + 1}}
}
