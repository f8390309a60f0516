package tmpl

import (
	"strings"
	"testing"
)

func TestDialectOf(t *testing.T) {
	for name, want := range map[string]Dialect{
		"a.blade.php": BladeDialect, "a.php": Plain, "A.JSP": ELDialect, "a.jspx": ELDialect,
		"a.cshtml": RazorDialect, "a.razor": RazorDialect, "a.vbhtml": VBRazorDialect,
		"a.html": Plain, "a.js": Plain, "a.liquid": Plain,
	} {
		if got := DialectOf(name); got != want {
			t.Errorf("DialectOf(%q) = %d, want %d", name, got, want)
		}
	}
}

// checkMask masks in as a file named name and compares with want; spans
// must be sorted, disjoint and the length kept.
func checkMask(t *testing.T, name, in, want string) []Span {
	t.Helper()
	out, spans := MaskFile(name, []byte(in))
	if string(out) != want {
		t.Errorf("%s: MaskFile(%q)\n got  %q\n want %q", name, in, out, want)
	}
	if len(out) != len(in) {
		t.Errorf("%s: length changed", name)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].Start < spans[i-1].End {
			t.Errorf("%s: spans overlap or unsorted: %+v", name, spans)
		}
	}
	if in == want && len(spans) != 0 {
		t.Errorf("%s: %q untouched but spans %+v", name, in, spans)
	}
	return spans
}

func TestEL(t *testing.T) {
	tests := []struct{ in, want string }{
		{`pid=${pixelId}&a=${order.cents}`, `pid=__________&a=______________`},
		{`"#{bean.currency}"`, `"________________"`},
		{`${fn:escapeXml(m['k}'])}`, `________________________`},
		{`\${literal} \#{x}`, ` ${literal}  #{x}`},
		{`${unclosed`, `${unclosed`},
		{`<%-- a JSP comment --%> <%= x %>`, `                        ________`},
		{`$ {x} #fff {y}`, `$ {x} #fff {y}`},
	}
	for _, tt := range tests {
		checkMask(t, "p.jsp", tt.in, tt.want)
	}
	// Elsewhere ${…} is JavaScript's (a template literal), not EL.
	checkMask(t, "p.html", "`${a}`", "`${a}`")
}

func TestRazorExpressions(t *testing.T) {
	tests := []struct{ in, want string }{
		{`pid=@Model.PixelId&x=@Model.Cents.`, `pid=______________&x=____________.`},
		{`"@Model.Items[0].Price.ToString("F2")"`, `"____________________________________"`},
		{`v: @(Model.Cents * 100), w: @Model?.Currency;`, `v: ____________________, w: ________________;`},
		{`@await Component.InvokeAsync("X") done`, `_________________________________ done`},
		{`@Json.Serialize(Model.Id)`, `_________________________`},
		{`a @* comment with @Model *@ b`, `a                           b`},
		// Left alone: e-mail addresses, the @@ escape, CSS at-rules, a lone @.
		{`Write to hello@example.com or info@shop.io.`, `Write to hello@example.com or info@shop.io.`},
		{`@@media (max-width: 600px) { a { b: c } } @@keyframes x {}`, `@@media (max-width: 600px) { a { b: c } } @@keyframes x {}`},
		{"<style>\n@media (max-width: 600px) { .a { color: red } }\n@keyframes spin { from { x: 0 } }\n@font-face { font-family: x }\n@import url(a.css);\n@page :first { margin: 0 }\n</style>",
			"<style>\n@media (max-width: 600px) { .a { color: red } }\n@keyframes spin { from { x: 0 } }\n@font-face { font-family: x }\n@import url(a.css);\n@page :first { margin: 0 }\n</style>"},
		{`a @ b, @1`, `a @ b, @1`},
	}
	for _, tt := range tests {
		checkMask(t, "v.cshtml", tt.in, tt.want)
	}
}

func TestRazorCodeAndDirectives(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@model ShopViewModel\n@using Shop.Models\n@page \"/thanks\"\n@namespace Shop.Pages\n<p>",
			"                    \n                  \n               \n                     \n<p>"},
		{`@{ ViewData["Title"] = "Home"; var s = "}"; } <p>`, `                                              <p>`},
		// Markup inside a code block is read; <text> tags are never sent.
		{`@{ var c = 1; <script>oaiq("init", { pixelId: "@Model.Id" });</script> }`,
			`              <script>oaiq("init", { pixelId: "_________" });</script>  `},
		{"@if (Model.Consent && (a)) { <text>oaiq(1);</text> } else if (b) { @:oaiq(2);\n} else { <br/> } after",
			strings.Repeat(" ", 35) + "oaiq(1);" + strings.Repeat(" ", 26) + "oaiq(2);\n" + strings.Repeat(" ", 9) + "<br/>   after"},
		{`@foreach (var i in Model.Items) { <img src="x?a=@i.Cents"> }`, `                                  <img src="x?a=________">  `},
		{`@try { <p>x</p> } catch (Exception e) { } finally { }`, `       <p>x</p>                                      `},
		{"@section Scripts {\n<script>oaiq(1)</script>\n}", "                  \n<script>oaiq(1)</script>\n}"},
		{`@code { private string Id = "}"; // }` + "\n}", "                                     \n "},
		{`@{ unclosed <p>`, `@{ unclosed <p>`},
	}
	for _, tt := range tests {
		checkMask(t, "v.razor", tt.in, tt.want)
	}
	checkMask(t, "v.vbhtml", "@ModelType Shop.Order\n@Code\nDim x = \"}\"\nEnd Code\n<img src=\"?pid=@Model.Pid\">",
		"                     \n     \n           \n        \n<img src=\"?pid=__________\">")
	// Outside Razor files "@" is JavaScript's or text's.
	checkMask(t, "a.html", `@Model.X @{ x }`, `@Model.X @{ x }`)
}

// Openers that never close end the pass (each is not searched to the end
// of the text again, and bracket scans share a budget of a few times the
// text): the test asserts completion and the shape, not time.
func TestDialectsHostileShapesEnd(t *testing.T) {
	for _, c := range []struct{ name, in string }{
		{"a.cshtml", strings.Repeat("@(", 500000)},
		{"a.cshtml", strings.Repeat("@a(", 500000)},
		{"a.cshtml", strings.Repeat("@if (", 300000)},
		{"a.cshtml", strings.Repeat("@{ <p>'x\" @if (a) { ", 50000)},
		{"a.cshtml", strings.Repeat("@* ", 300000)},
		{"a.vbhtml", strings.Repeat("@Code ", 300000)},
		{"a.jsp", strings.Repeat("${", 500000)},
		{"a.blade.php", strings.Repeat("@if(", 300000)},
		{"a.blade.php", strings.Repeat("@php ", 300000)},
	} {
		out, spans := MaskFile(c.name, []byte(c.in))
		if len(out) != len(c.in) {
			t.Errorf("%s %q…: length changed", c.name, c.in[:6])
		}
		for i := 1; i < len(spans); i++ {
			if spans[i].Start < spans[i-1].End {
				t.Fatalf("%s %q…: spans overlap", c.name, c.in[:6])
			}
		}
	}
}
