package render

import (
	"regexp"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// writtenAt returns the call written in the page that a stack position
// points into: directly, or through an inline event handler.
func writtenAt(static *model.Document, files map[string]*source.File, at model.Span) *model.Call {
	if w := writtenCall(static, at); w != nil {
		return w
	}
	if f := files[at.File]; f != nil && static != nil && !at.IsZero() {
		return handlerCall(static, f, at)
	}
	return nil
}

// handlerCall maps a stack position in an inline event handler
// (onclick="…") to the call written there. Chromium compiles the
// attribute's code as a script placed just after the start tag's ">":
// the code's first line continues that line's columns, its next lines are
// numbered from the tag's last line.
func handlerCall(static *model.Document, f *source.File, at model.Span) *model.Call {
	for _, c := range static.Calls {
		if c.Span.File != f.Name {
			continue
		}
		value, tagEnd, ok := handlerAttr(f, c.Span)
		if !ok {
			continue
		}
		vp, tp := f.Pos(value), f.Pos(tagEnd)
		k := at.Start.Line - tp.Line
		if k < 0 {
			continue
		}
		src := model.Pos{Line: vp.Line + k, Col: at.Start.Col}
		if k == 0 {
			src = model.Pos{Line: vp.Line, Col: vp.Col + at.Start.Col - tp.Col - 1}
		}
		if !src.Before(c.Span.Start) && src.Before(c.Span.End) {
			return c
		}
	}
	return nil
}

// handlerName ends the text before an event handler attribute's value.
var handlerName = regexp.MustCompile(`(?i)\son[a-z]+\s*=\s*$`)

// handlerAttr finds the quoted on…= attribute holding span: the byte
// offset where its value starts and the offset of its tag's ">".
func handlerAttr(f *source.File, span model.Span) (value, tagEnd int, ok bool) {
	text := f.Text
	start, end := f.Offset(span.Start), f.Offset(span.End)
	if start < 0 || end < start {
		return 0, 0, false
	}
	var quote byte
	for i := start - 1; i >= 0 && i >= start-4096; i-- {
		if text[i] != '"' && text[i] != '\'' {
			continue
		}
		if handlerName.Match(text[max(0, i-64):i]) {
			value, quote = i+1, text[i]
			break
		}
	}
	if quote == 0 {
		return 0, 0, false
	}
	in := quote // inside the handler's value until its closing quote
	for j := end; j < len(text); j++ {
		switch b := text[j]; {
		case in != 0:
			if b == in {
				in = 0
			}
		case b == '"' || b == '\'':
			in = b
		case b == '>':
			return value, j, true
		}
	}
	return 0, 0, false
}
