package module

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func extract(t *testing.T, name, src string, loader Loader) (*source.File, jscall.Result) {
	t.Helper()
	f := source.New(name, []byte(src))
	res := jscall.Extract(jscall.Script{File: f, Code: f.Text, Transform: Transformer(loader)})
	if res.Err != nil {
		t.Fatalf("%s: %s at %v", name, res.Err.Message, f.Pos(res.Err.Offset))
	}
	return f, res
}

// text returns the original text a span covers.
func text(f *source.File, s model.Span) string {
	return string(f.Text[f.Offset(s.Start):f.Offset(s.End)])
}

// Every value must cover exactly what is written, however esbuild
// respells it (quotes, number forms, trailing commas, types, non-ASCII and
// astral characters before it on the line).
func TestValuesLandOnTheOriginalText(t *testing.T) {
	src := "import { x } from './x';\n" +
		"type Order = { total: number };\n" +
		"const é: string = 'é'; /* 😀😀 */ export const ß = (o: Order): number => o.total;\n" +
		"export default async function Page({ o }: { o: Order }) {\n" +
		"  const data = await fetch('/api');\n" +
		"  /* ünïcödé 🎉 */ (window as any).oaiq('measure', 'order_created', { type: 'contents', amount: 2599.00, currency: 'usd', n: 0x10, id: `a${é}b`, },);\n" +
		"}\n"
	f, res := extract(t, "page.tsx", src, TSX)
	if len(res.Calls) != 1 {
		t.Fatalf("calls: %d", len(res.Calls))
	}
	c := res.Calls[0]
	if got := text(f, c.Span); !strings.HasPrefix(got, "window as any).oaiq(") || !strings.HasSuffix(got, "},)") {
		t.Errorf("call span covers %q", got)
	}
	// The parentheses of a TypeScript cast are gone from the output: the
	// call starts at its callee.
	if c.Span.Start != (model.Pos{Line: 6, Col: 20}) {
		t.Errorf("call starts at %+v, want 6:20 (runes, not bytes or UTF-16 units)", c.Span.Start)
	}
	data := c.Args[2]
	want := map[string]string{"type": "'contents'", "amount": "2599.00", "currency": "'usd'", "n": "0x10", "id": "`a${é}b`"}
	for key, lit := range want {
		v := data.Get(key)
		if got := text(f, v.Span); got != lit {
			t.Errorf("%s covers %q, want %q", key, got, lit)
		}
		if got := text(f, data.Field(key).KeySpan); got != key {
			t.Errorf("key %s covers %q", key, got)
		}
	}
	if got := text(f, data.Span); !strings.HasPrefix(got, "{ type") || !strings.HasSuffix(got, "b`, }") || strings.HasSuffix(got, ",") {
		t.Errorf("object covers %q", got)
	}
	if got := data.Get("currency").Str; got != "usd" {
		t.Errorf("currency = %q", got)
	}
}

func TestTopLevelAwaitAndModuleStatements(t *testing.T) {
	src := "import a, { b } from 'a';\nimport 'side';\nexport * from 'c';\nexport { a as d };\n" +
		"const cfg = await import.meta.env;\n" +
		"export default function () { oaiq('init', { pixelId: 'px_1', debug: cfg.DEV }); }\n" +
		"(function () {})();\n" +
		"export class K { m() { return /[{]/; } }\n" +
		"oaiq('consent', true);\n"
	f, res := extract(t, "m.mjs", src, JS)
	if len(res.Calls) != 2 {
		t.Fatalf("calls: %d", len(res.Calls))
	}
	if got := text(f, res.Calls[0].Args[1].Get("debug").Span); got != "cfg.DEV" {
		t.Errorf("debug covers %q", got)
	}
	if res.Calls[1].Span.Start != (model.Pos{Line: 9, Col: 1}) {
		t.Errorf("consent at %+v", res.Calls[1].Span.Start)
	}
}

// import.meta in a template literal's substitution is a module's
// expression like any other (review F1: Vite's `${import.meta.env.X}` made
// the file "could not be parsed"), nested templates and braces included.
func TestImportMetaInTemplateLiterals(t *testing.T) {
	src := "import x from 'x';\n" +
		"oaiq('init', { pixelId: `${import.meta.env.VITE_PIXEL}` });\n" +
		"oaiq('measure', 'page_viewed', { type: 'contents', currency: `${`${import . meta.env.A}`}${{ a: 1 }.a ? import.meta.env.B : 'EUR'}` });\n"
	for _, loader := range []Loader{JS, JSX, TS} {
		f, res := extract(t, "m.js", src, loader)
		if len(res.Calls) != 2 {
			t.Fatalf("loader %v: calls: %d", loader, len(res.Calls))
		}
		if got := text(f, res.Calls[0].Args[1].Get("pixelId").Span); got != "`${import.meta.env.VITE_PIXEL}`" {
			t.Errorf("loader %v: pixelId covers %q", loader, got)
		}
		if v := res.Calls[1].Args[2].Get("currency"); !v.IsDynamic() || !strings.HasPrefix(text(f, v.Span), "`${`${import . meta") {
			t.Errorf("loader %v: currency %+v covers %q", loader, v, text(f, v.Span))
		}
	}
	// The masking keeps every offset and touches nothing but import.
	b := []byte("a = `${import.meta.x} import ${`import.meta`} ${y}`;")
	maskModuleSyntax(b)
	if got := string(b); got != "a = `${({})  .meta.x} import ${`import.meta`} ${y}`;" {
		t.Errorf("masked %q", got)
	}
}

func TestSyntaxErrorPointsIntoTheSource(t *testing.T) {
	f := source.New("bad.ts", []byte("const é = 1;\nlet x: = 2; oaiq('init')\n"))
	_, err := Transform(f.Text, TS)
	se, ok := err.(*jscall.SyntaxError)
	if !ok {
		t.Fatalf("want a SyntaxError, got %v", err)
	}
	if p := f.Pos(se.Offset); p != (model.Pos{Line: 2, Col: 8}) {
		t.Errorf("error at %+v: %s", p, se.Message)
	}
}

func TestModuleParserHookReadsModuleScripts(t *testing.T) {
	f := source.New("page.html", []byte("import x from './x.js';\noaiq('init', { pixelId: 'px_é' });\n"))
	res := jscall.Extract(jscall.Script{File: f, Code: f.Text})
	if res.Err != nil || len(res.Calls) != 1 {
		t.Fatalf("err %v, calls %d", res.Err, len(res.Calls))
	}
	if got := text(f, res.Calls[0].Args[1].Get("pixelId").Span); got != "'px_é'" {
		t.Errorf("pixelId covers %q", got)
	}
}
