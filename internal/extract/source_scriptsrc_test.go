package extract

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestComponentScriptSrc(t *testing.T) {
	src := "import Script from \"next/script\";\n" +
		"const SDK = \"https://bzrcdn.openai.com/sdk/oaiq.min.js\";\n" +
		"export const A = () => (\n" +
		"  <>\n" +
		"    <p>Größe 日本</p><Script src=\"http://bzrcdn.openai.com/sdk/oaiq.js\" />\n" +
		"    <Script src={SDK} strategy=\"beforeInteractive\" />\n" +
		"    <script async src=\"/vendor/oaiq.min.js\" />\n" +
		"    <script src=\"/app.js\" />\n" +
		"    <script type=\"application/json\" src=\"/oaiq.js\" />\n" +
		"  </>\n" +
		");\n"
	doc, _ := Source("layout.tsx", []byte(src), Options{})
	if len(doc.Page.Loaders) != 3 {
		t.Fatalf("loaders: %+v", doc.Page.Loaders)
	}
	span := func(l1, c1, l2, c2 int) model.Span {
		return model.Span{File: "layout.tsx", Start: model.Pos{Line: l1, Col: c1}, End: model.Pos{Line: l2, Col: c2}}
	}
	late, early, plain := doc.Page.Loaders[0], doc.Page.Loaders[1], doc.Page.Loaders[2]
	// Columns are characters: "    <p>Größe 日本</p>" is 19 of them.
	if late.Kind != model.LoaderScriptTag || late.Src != "http://bzrcdn.openai.com/sdk/oaiq.js" ||
		late.SrcSpan != span(5, 33, 5, 69) || late.Span != span(5, 20, 5, 27) || late.Element != late.Span ||
		!late.Async || !late.Late || late.InHead || late.LateReason == "" {
		t.Errorf("default strategy: %+v", late)
	}
	if early.Src != "https://bzrcdn.openai.com/sdk/oaiq.min.js" || early.SrcSpan != span(2, 14, 2, 55) ||
		early.Late || !early.InHead || !early.Async || early.Span != span(6, 32, 6, 51) {
		t.Errorf("beforeInteractive through a const: %+v", early)
	}
	if plain.Src != "/vendor/oaiq.min.js" || plain.Span != span(7, 5, 7, 12) || !plain.Async || plain.Late || plain.InHead {
		t.Errorf("plain script: %+v", plain)
	}
}

func TestVueUseHeadScriptSrc(t *testing.T) {
	src := "<script setup lang=\"ts\">\n// Ünïcödé\nuseHead({ script: [{ src: \"//bzrcdn.openai.com/sdk/oaiq.min.js\" }] });\n</script>\n<template><p>é</p></template>\n"
	doc, _ := SFC("app.vue", []byte(src), Options{})
	if len(doc.Page.Loaders) != 1 {
		t.Fatalf("loaders: %+v", doc.Page.Loaders)
	}
	l := doc.Page.Loaders[0]
	want := model.Span{File: "app.vue", Start: model.Pos{Line: 3, Col: 28}, End: model.Pos{Line: 3, Col: 63}}
	if l.Kind != model.LoaderScriptTag || l.SrcSpan != want || l.Span != want || !l.Element.IsZero() || !l.InHead || l.Late || l.Async {
		t.Errorf("useHead entry: %+v", l)
	}
}
