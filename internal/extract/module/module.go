// Package module turns application source (ES modules, TypeScript, JSX,
// TSX) into script JavaScript that goja parses, with a map from every
// offset in that script back to the original source.
//
// esbuild's Transform strips types and JSX (no minification, names kept
// as written, target esnext, a source map); the module statements of its
// output are masked in place (see esm.go); offsets map back through the
// source map (see mapping.go). Registering the package also plugs it into
// jscall.ModuleParser, so <script type="module"> and .js files written as
// modules are read too.
package module

import (
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
)

// Loader is the source language.
type Loader uint8

const (
	JS Loader = iota
	JSX
	TS
	TSX
)

// LoaderFor returns the loader for a file extension (".ts", ".tsx", …) or
// a <script lang> value ("ts", "tsx", "jsx"); JS otherwise.
func LoaderFor(extOrLang string) Loader {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(extOrLang)), ".") {
	case "ts", "mts", "cts", "typescript":
		return TS
	case "tsx":
		return TSX
	case "jsx":
		return JSX
	}
	return JS
}

func (l Loader) esbuild() api.Loader {
	return [...]api.Loader{api.LoaderJS, api.LoaderJSX, api.LoaderTS, api.LoaderTSX}[l]
}

func init() {
	jscall.ModuleParser = func(code []byte) (*jscall.Transformed, error) {
		return Transform(code, JS)
	}
}

// Transformer returns a jscall.Script Transform for loader.
func Transformer(loader Loader) func(code []byte) (*jscall.Transformed, error) {
	return func(code []byte) (*jscall.Transformed, error) { return Transform(code, loader) }
}

// Parses reports whether src is valid source for loader, without
// building its output.
func Parses(src []byte, loader Loader) bool {
	res := api.Transform(string(src), api.TransformOptions{
		Loader: loader.esbuild(), Target: api.ESNext, LogLevel: api.LogLevelSilent, JSX: api.JSXTransform,
	})
	return len(res.Errors) == 0
}

// Transform converts src. An error is a *jscall.SyntaxError whose Offset
// is a byte offset in src.
func Transform(src []byte, loader Loader) (*jscall.Transformed, error) {
	res := api.Transform(string(src), api.TransformOptions{
		Loader:         loader.esbuild(),
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Target:         api.ESNext,
		Charset:        api.CharsetUTF8,
		LogLevel:       api.LogLevelSilent,
		// JSX becomes React.createElement(type, props, ...children), the
		// shape component.go reads for snippets.
		JSX: api.JSXTransform,
	})
	if len(res.Errors) > 0 {
		return nil, syntaxError(src, res.Errors[0])
	}
	gen := res.Code
	pts, err := decodeMap(res.Map, gen, src)
	if err != nil {
		return nil, &jscall.SyntaxError{Message: "internal error reading the source map: " + err.Error()}
	}
	m := &mapper{gen: gen, orig: src, points: pts}
	code, prefix := scriptFromModule(gen)
	// Offsets in the wrapper added for top-level await map to the ends.
	mapBy := func(f func(int) int) func(int) int {
		return func(off int) int {
			off -= prefix
			switch {
			case off < 0:
				return 0
			case off >= len(gen):
				return len(src)
			}
			return f(off)
		}
	}
	return &jscall.Transformed{Code: code, Start: mapBy(m.start), End: mapBy(m.end)}, nil
}

// syntaxError converts esbuild's first error (line 1-based, column in
// bytes) to a byte offset in src.
func syntaxError(src []byte, msg api.Message) *jscall.SyntaxError {
	e := &jscall.SyntaxError{Message: msg.Text}
	if loc := msg.Location; loc != nil && loc.Line > 0 {
		starts := lineStarts(src)
		if loc.Line-1 < len(starts) {
			e.Offset = min(starts[loc.Line-1]+loc.Column, len(src))
		}
	}
	return e
}
