// Package jscall finds the pixel in JavaScript: every oaiq(…) call with its
// arguments as model values, the loader snippet, and requests that send
// conversions to the pixel's server directly. Positions are computed in the
// original file the script came from.
package jscall

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Script is one piece of JavaScript inside a file: an inline <script>, a
// whole .js file, or a snippet inside a component (issue 4).
type Script struct {
	// File is the original (decoded, unmasked) file; spans point into it.
	File *source.File
	// Base is the byte offset of Code in File.Text.
	Base int
	// Code is the text to parse: File.Text[Base:Base+len(Code)] with
	// template tags masked (same length).
	Code []byte
	// Templates are the masked tags, as byte offsets in File.Text, sorted.
	Templates []tmpl.Span
	// URL is set on every call (the page the script runs on), if known.
	URL string
	// Deferred marks every call found as deferred (the script is an event
	// handler, or a javascript: URL, run later by the user's action).
	Deferred bool
	// Transform, when set, turns Code into script JavaScript before it is
	// parsed (TypeScript, JSX, ES modules), with a map from offsets in its
	// output back to offsets in Code (see Transformed). Its error, when a *SyntaxError, is
	// at an offset in Code.
	Transform func(code []byte) (*Transformed, error)
	// Recover reads a script that does not parse statement by statement
	// and call by call (recover.go) instead of reporting only its error:
	// for code the browser does not run as written (template tags, JSX,
	// TypeScript, assembled strings). A plain inline script that does not
	// parse stops in the browser too, calls included, and is not recovered.
	Recover bool
	// NoInjected leaves the snippets held in strings unread (injected.go):
	// a browser rendering the page sees them run.
	NoInjected bool
	// depth counts the strings this script was injected from (injected.go).
	depth int
}

// SyntaxError is a script that does not parse.
type SyntaxError struct {
	// Offset is the byte offset in File.Text where the parser gave up.
	Offset  int
	Message string
	// Templated is true when the script holds template tags or pieces
	// computed at runtime: the script the browser runs may well parse.
	Templated bool
}

func (e *SyntaxError) Error() string { return e.Message }

// Result is what one script holds.
type Result struct {
	Calls []*model.Call
	// Loaders are loader stubs found in the script (Kind LoaderStub); Span
	// covers the loader expression. Placement facts are the caller's job.
	Loaders  []model.LoaderSighting
	Requests []model.ServerRequest
	// CAPIRequests are the bodies server code posts to the Conversions API.
	CAPIRequests []*model.Request
	// Defines is true when code that runs with the script (not in a
	// handler or callback) assigns window.oaiq, or declares a global oaiq:
	// the snippet's stub, or a stub of the site's own.
	Defines bool
	// Err is set when the script does not parse and nothing of the pixel
	// could be read in it (nothing else is then set).
	Err *SyntaxError
	// Partial is set when the script does not parse but its pixel calls
	// or loader could be read statement by statement or call by call
	// (recover.go): the rest of Result holds what was read.
	Partial *SyntaxError
	// Unread are the offsets in File.Text of pixel calls (or statements
	// naming oaiq) in a Partial script that could not be read at all.
	Unread []int
}

// Transformed is script code made from other source (TypeScript, JSX, an
// ES module), with maps from its byte offsets back to the source's. Start
// maps where a node begins and End just past where it ends: they differ
// where the transform dropped or respelt text between two tokens (a
// trailing comma, a type annotation).
type Transformed struct {
	Code       []byte
	Start, End func(off int) int
}

// ModuleParser turns a script that fails to parse because it is an ES
// module (import/export) into script syntax. It is nil until a module
// transformer is plugged in (internal/extract/module); then module scripts
// are handled instead of reported as syntax errors.
var ModuleParser func(code []byte) (*Transformed, error)

// Extract parses the script and collects what it holds. It never panics: an
// internal failure becomes a SyntaxError at the script's start.
func Extract(s Script) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Err: &SyntaxError{Offset: s.Base, Message: fmt.Sprintf("internal error while reading this script: %v", r)}}
		}
	}()
	if s.Transform != nil {
		return extractTransformed(s)
	}
	prog, serr := parse(s.Code)
	parsed := s.Code
	identity := func(off int) int { return off }
	mapStart, mapEnd := identity, identity
	if serr != nil && (bytes.Contains(s.Code, []byte("<!--")) || bytes.Contains(s.Code, []byte("-->"))) {
		// Old pages wrap scripts in <!-- … -->, which browsers read as
		// comments (ECMAScript Annex B) and goja does not.
		if alt := htmlComments(s.Code); alt != nil {
			if p, e := parse(alt); e == nil {
				prog, serr, parsed = p, nil, alt
			}
		}
	}
	if serr != nil && ModuleParser != nil && looksLikeModule(s.Code) {
		if t, err := ModuleParser(s.Code); err == nil {
			if p, e := parse(t.Code); e == nil {
				prog, serr, parsed, mapStart, mapEnd = p, nil, t.Code, t.Start, t.End
			}
		}
	}
	if serr != nil {
		serr.Offset += s.Base
		if ModuleParser == nil && looksLikeModule(s.Code) {
			serr.Message = "ES module syntax (import/export) is not read yet, so its pixel calls were not checked (" + serr.Message + ")"
		}
		return recoverOr(s, serr)
	}
	return run(s, parsed, prog, mapStart, mapEnd)
}

// extractTransformed reads a script through its Transform.
func extractTransformed(s Script) Result {
	t, err := s.Transform(s.Code)
	if err != nil {
		serr := &SyntaxError{Message: err.Error()}
		if e, ok := err.(*SyntaxError); ok {
			serr.Offset = e.Offset
		}
		serr.Offset += s.Base
		return recoverOr(s, serr)
	}
	prog, serr := parse(t.Code)
	if serr != nil {
		serr.Offset = s.Base + t.Start(serr.Offset)
		return recoverOr(s, serr)
	}
	return run(s, t.Code, prog, t.Start, t.End)
}

// recoverOr reads what it can of a script that failed with serr, or
// reports serr.
func recoverOr(s Script, serr *SyntaxError) Result {
	if s.Recover {
		if res, ok := recoverScript(s, s.Code, serr); ok {
			serr.Templated = len(s.Templates) > 0
			return res
		}
	}
	return Result{Err: serr}
}

func run(s Script, parsed []byte, prog *ast.Program, mapStart, mapEnd func(int) int) Result {
	x := newExtractor(s, parsed, prog, mapStart, mapEnd)
	x.run()
	sort.SliceStable(x.res.Calls, func(i, j int) bool {
		return x.res.Calls[i].Span.Start.Before(x.res.Calls[j].Span.Start)
	})
	return x.res
}

func parse(code []byte) (*ast.Program, *SyntaxError) {
	src := string(code)
	prog, err := parser.ParseFile(nil, "", src, 0, parser.WithDisableSourceMaps)
	if err == nil {
		return prog, nil
	}
	if list, ok := err.(parser.ErrorList); ok && len(list) > 0 {
		e := list[0]
		return nil, &SyntaxError{Offset: offsetOf(src, e.Position.Line, e.Position.Column), Message: e.Message}
	}
	if e, ok := err.(*parser.Error); ok {
		return nil, &SyntaxError{Offset: offsetOf(src, e.Position.Line, e.Position.Column), Message: e.Message}
	}
	return nil, &SyntaxError{Message: err.Error()}
}

// offsetOf inverts goja's positions: lines end at \n, \r\n, \r, U+2028 and
// U+2029, and columns count bytes from 1.
func offsetOf(src string, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(src); l++ {
		next := -1
		for i, ch := range src[off:] {
			switch ch {
			case '\r':
				if off+i+1 < len(src) && src[off+i+1] == '\n' {
					next = off + i + 2
				} else {
					next = off + i + 1
				}
			case '\n':
				next = off + i + 1
			case '\u2028', '\u2029':
				next = off + i + 3
			}
			if next >= 0 {
				break
			}
		}
		if next < 0 {
			return len(src)
		}
		off = next
	}
	off += col - 1
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	return off
}

// looksLikeModule reports import/export keywords, cheaply.
func looksLikeModule(code []byte) bool {
	return containsWord(code, "import") || containsWord(code, "export")
}

func containsWord(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		if string(b[i:i+len(w)]) != w {
			continue
		}
		before := i == 0 || !isIdentByte(b[i-1])
		after := i+len(w) == len(b) || !isIdentByte(b[i+len(w)])
		if before && after {
			return true
		}
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80
}

// htmlComments rewrites HTML-like comments to line comments of the same
// length: "<!--" anywhere, "-->" at the start of a line. Nil when none.
func htmlComments(code []byte) []byte {
	out := append([]byte(nil), code...)
	changed := false
	lineStart := true
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '\n' || c == '\r':
			lineStart = true
			continue
		case c == ' ' || c == '\t':
			continue
		case bytes.HasPrefix(out[i:], []byte("<!--")):
			copy(out[i:], "//--")
			changed = true
		case lineStart && bytes.HasPrefix(out[i:], []byte("-->")):
			copy(out[i:], "//>")
			changed = true
		}
		lineStart = false
	}
	if !changed {
		return nil
	}
	return out
}
