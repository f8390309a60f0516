package jscall

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func extract(code string) Result {
	f := source.New("t.js", []byte(code))
	masked, spans := tmpl.Mask(f.Text)
	return Extract(Script{File: f, Code: masked, Templates: spans})
}

func at(s model.Span) string {
	return fmt.Sprintf("%d:%d-%d:%d", s.Start.Line, s.Start.Col, s.End.Line, s.End.Col)
}

func TestCallForms(t *testing.T) {
	tests := []struct {
		code string
		want []string // command@span
	}{
		{`oaiq("init")`, []string{"init@1:1-1:13"}},
		{`window.oaiq("init")`, []string{"init@1:1-1:20"}},
		{`w.oaiq("init")`, []string{"init@1:1-1:15"}},
		{`globalThis.oaiq("a");self.oaiq("b")`, []string{"a@1:1-1:21", "b@1:22-1:36"}},
		{`window["oaiq"]("init")`, []string{"init@1:1-1:23"}},
		{`oaiq?.("init"); window.oaiq?.("x")`, []string{"init@1:1-1:15", "x@1:17-1:35"}},
		{`window.oaiq && oaiq("measure")`, []string{"measure@1:16-1:31"}},
		{`a(), oaiq("x"), b()`, []string{"x@1:6-1:15"}},
		// goja keeps no parentheses: the call starts at the callee inside them.
		{`(0, window.oaiq)("x")`, []string{"x@1:2-1:22"}},
		{`btn.addEventListener("click", () => { if (ok) oaiq("measure") })`, []string{"measure@1:47-1:62"}},
		{"// ünïcödé ☕ 😀\nconst s = \"é😀\"; oaiq(\"init\")", []string{"init@2:17-2:29"}},
		{`!function(){oaiq("a")}(),oaiq("b")`, []string{"a@1:13-1:22", "b@1:26-1:35"}},
		{`oaiq.q.push(1); q.oaiqx("a"); foo.oaiq`, nil},
	}
	for _, tt := range tests {
		res := extract(tt.code)
		if res.Err != nil {
			t.Errorf("%s: %v", tt.code, res.Err.Message)
			continue
		}
		var got []string
		for _, c := range res.Calls {
			got = append(got, c.Command()+"@"+at(c.Span))
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", tt.code, got, tt.want)
		}
	}
}

func TestValues(t *testing.T) {
	code := "const AMOUNT = 2599, CUR = 'USD'; let n = 1; n++; var twice = 1; var twice = 2;\n" +
		"oaiq('measure', `order_created`, {type: \"contents\", amount: AMOUNT, currency: CUR, n: n, t: twice,\n" +
		" neg: -5, pos: +7, yes: !0, no: !1, u: void 0, un: undefined, nan: NaN, nul: null, hex: 0x10,\n" +
		" 'quoted-key': 1, 42: 'num', dyn: total * 100, tpl: `a${b}`, shorthand, CUR, arr: [1, , ...more],\n" +
		" get g() { return 1 }, [computed]: 1, ...rest}, ...tail)"
	res := extract(code)
	if res.Err != nil {
		t.Fatal(res.Err.Message)
	}
	c := res.Calls[0]
	if len(c.Args) != 4 || c.Args[3].Kind != model.Dynamic || c.Args[3].Raw != "...tail" {
		t.Fatalf("args %+v", c.Args)
	}
	if s, _ := c.Args[1].StringValue(); s != "order_created" {
		t.Errorf("template literal: %+v", c.Args[1])
	}
	obj := c.Args[2]
	if !obj.Open {
		t.Error("object with spread and computed key must be open")
	}
	num := func(key string, want float64) {
		t.Helper()
		v := obj.Get(key)
		if !v.Is(model.Number) || (v.Num != want && !(math.IsNaN(want) && math.IsNaN(v.Num))) {
			t.Errorf("%s = %+v, want %v", key, v, want)
		}
	}
	num("amount", 2599)
	num("neg", -5)
	num("pos", 7)
	num("nan", math.NaN())
	num("hex", 16)
	num("quoted-key", 1)
	if v := obj.Get("amount"); at(v.Span) != "2:61-2:67" {
		t.Errorf("constant span %s (want the use site)", at(v.Span))
	}
	if s, _ := obj.Get("currency").StringValue(); s != "USD" {
		t.Errorf("currency %+v", obj.Get("currency"))
	}
	if s, _ := obj.Get("CUR").StringValue(); s != "USD" {
		t.Errorf("shorthand constant %+v", obj.Get("CUR"))
	}
	for key, raw := range map[string]string{"n": "n", "t": "twice", "dyn": "total * 100", "tpl": "`a${b}`", "shorthand": "shorthand", "g": "get g() { return 1 }"} {
		if v := obj.Get(key); !v.IsDynamic() || v.Raw != raw {
			t.Errorf("%s = %+v, want dynamic %q", key, v, raw)
		}
	}
	if v := obj.Get("yes"); !v.Is(model.Bool) || !v.Bool {
		t.Errorf("!0 = %+v", v)
	}
	if v := obj.Get("no"); !v.Is(model.Bool) || v.Bool {
		t.Errorf("!1 = %+v", v)
	}
	for _, key := range []string{"u", "un"} {
		if !obj.Get(key).Is(model.Undefined) {
			t.Errorf("%s = %+v", key, obj.Get(key))
		}
	}
	if !obj.Get("nul").Is(model.Null) {
		t.Errorf("null = %+v", obj.Get("nul"))
	}
	if s, _ := obj.Get("42").StringValue(); s != "num" {
		t.Errorf("numeric key %+v", obj.Fields)
	}
	arr := obj.Get("arr")
	if !arr.Open || len(arr.Items) != 2 || !arr.Items[1].Is(model.Undefined) {
		t.Errorf("arr %+v", arr)
	}
}

func TestLoaderVariants(t *testing.T) {
	doc := `(function (w, d, s, u) {
    if (w.oaiq) return;
    var q = function () { q.q.push(arguments); };
    q.q = [];
    w.oaiq = q;
    var js = d.createElement(s);
    js.async = true;
    js.src = u;
    var f = d.getElementsByTagName(s)[0];
    f.parentNode.insertBefore(js, f);
  })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");`
	tests := []struct {
		name, code                  string
		n                           int
		queue, guard, async, srcDyn bool
		src                         string
	}{
		{"documented", doc, 1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"no guard", strings.Replace(doc, "if (w.oaiq) return;", "", 1), 1, true, false, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"no queue", strings.Replace(doc, "q.q = [];", "", 1), 1, false, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"sync", strings.Replace(doc, "js.async = true", "js.async = !1", 1), 1, true, true, false, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"async as 1", strings.Replace(doc, "js.async = true", "js.async = 1", 1), 1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"wrong url", strings.Replace(doc, "bzrcdn.openai.com/sdk/oaiq.min.js", "cdn.example.com/oaiq.js", 1), 1, true, true, true, false, "https://cdn.example.com/oaiq.js"},
		{"computed url", strings.Replace(doc, `"https://bzrcdn.openai.com/sdk/oaiq.min.js"`, `base + "/oaiq.min.js"`, 1), 1, true, true, true, true, ""},
		{"minified", `!function(e,t,n,a){if(!e.oaiq){var o=function(){(o.q=o.q||[]).push(arguments)};e.oaiq=o;var c=t.createElement(n);c.async=!0,c.src=a;var i=t.getElementsByTagName(n)[0];i.parentNode.insertBefore(c,i)}}(window,document,"script","https://bzrcdn.openai.com/sdk/oaiq.min.js");`,
			1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"look-alike without stub", `var s=document.createElement("script");s.src="https://bzrcdn.openai.com/sdk/oaiq.min.js";document.head.appendChild(s);`,
			1, false, false, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"queue stub beside the injecting IIFE", `window.oaiq = window.oaiq || function () { (window.oaiq.q = window.oaiq.q || []).push(arguments); };
(function () { var s = document.createElement("script"); s.async = true; s.src = "https://bzrcdn.openai.com/sdk/oaiq.min.js"; document.head.appendChild(s); })();`,
			1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"queue stub beside the IIFE, replacing oaiq", `window.oaiq = function () { (window.oaiq.q = window.oaiq.q || []).push(arguments); };
(function () { var s = document.createElement("script"); s.async = true; s.src = "https://bzrcdn.openai.com/sdk/oaiq.min.js"; document.head.appendChild(s); })();`,
			1, true, false, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"stub beside the IIFE without a queue", `window.oaiq = window.oaiq || function () {};
(function () { var s = document.createElement("script"); s.async = false; s.src = "https://bzrcdn.openai.com/sdk/oaiq.min.js"; document.head.appendChild(s); })();`,
			1, false, true, false, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"guard elsewhere is not the loader's", `if (window.oaiq) { oaiq("measure", "x"); }
(function () { var s = document.createElement("script"); s.async = true; s.src = "https://bzrcdn.openai.com/sdk/oaiq.min.js"; document.head.appendChild(s); })();`,
			1, false, false, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"IIFE inside if (!window.oaiq)", "if (!window.oaiq) {\n" + strings.Replace(doc, "if (w.oaiq) return;", "", 1) + "\n}", 1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"arrow queue with rest args", strings.Replace(doc, "var q = function () { q.q.push(arguments); };", "const q = (...args) => { q.q.push(args); };", 1),
			1, true, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"arrow pushing a plain parameter", strings.Replace(doc, "var q = function () { q.q.push(arguments); };", "const q = (args) => { q.q.push(args); };", 1),
			1, false, true, true, false, "https://bzrcdn.openai.com/sdk/oaiq.min.js"},
		{"unrelated script injection", `var s=document.createElement("script");s.src="/app.js";oaiq("init")`, 0, false, false, false, false, ""},
	}
	for _, tt := range tests {
		res := extract(tt.code)
		if res.Err != nil {
			t.Errorf("%s: %s", tt.name, res.Err.Message)
			continue
		}
		if len(res.Loaders) != tt.n {
			t.Errorf("%s: %d loaders, want %d", tt.name, len(res.Loaders), tt.n)
			continue
		}
		if tt.n == 0 {
			continue
		}
		l := res.Loaders[0]
		if l.HasQueue != tt.queue || l.HasGuard != tt.guard || l.Async != tt.async || l.SrcDynamic != tt.srcDyn || l.Src != tt.src {
			t.Errorf("%s: %+v", tt.name, l)
		}
	}
}

func TestServerRequests(t *testing.T) {
	res := extract(`fetch("https://bzr.openai.com/v1/sdk/events", {method: "POST"});
navigator.sendBeacon("https://api.openai.com/v1/conversions?x=" + id, body);
x.open("POST", ` + "`https://bzr.openai.com/e/${id}`" + `);
new Image().src = "https://bzr.openai.com/p.gif";
fetch("https://api.openai.com/v1/chat/completions"); fetch("https://bzrcdn.openai.com/sdk/oaiq.min.js");`)
	var got []string
	for _, r := range res.Requests {
		got = append(got, r.API+" "+r.URL+" "+at(r.Span))
	}
	want := []string{
		"fetch https://bzr.openai.com/v1/sdk/events 1:1-1:64",
		"sendBeacon https://api.openai.com/v1/conversions?x= 2:1-2:76",
		"XMLHttpRequest https://bzr.openai.com/e/ 3:1-3:49",
		"image https://bzr.openai.com/p.gif 4:1-4:49",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	res := extract("// é\noaiq('init', {a: 1 b: 2})")
	if res.Err == nil || res.Err.Offset != strings.Index("// é\noaiq('init', {a: 1 b: 2})", "b:") {
		t.Fatalf("err %+v", res.Err)
	}
}

func TestHTMLCommentsInScript(t *testing.T) {
	res := extract("<!--\noaiq('init')\n//-->\n")
	if res.Err != nil || len(res.Calls) != 1 {
		t.Fatalf("%+v", res)
	}
}

func TestNeverPanics(t *testing.T) {
	for _, code := range []string{"", "\xff\xfe oaiq(", "oaiq(`${", "oaiq({...})", "{{", "oaiq(" + strings.Repeat("[", 5000)} {
		_ = extract(code)
	}
}

func TestModuleSyntaxIsReportedHonestly(t *testing.T) {
	res := extract("import {x} from './x.js';\noaiq('init')")
	if res.Err == nil || !strings.Contains(res.Err.Message, "import/export") {
		t.Fatalf("%+v", res.Err)
	}
}

// TestConstantArithmeticFolds: arithmetic on literals is computed as the
// browser computes it, so float noise and rounding are seen statically.
func TestConstantArithmeticFolds(t *testing.T) {
	code := "const PRICE = 19.99 * 100;\noaiq('measure', 'order_created', {a: 19.99 * 100, b: Math.round(19.99 * 100), c: PRICE," +
		" d: (10 + 5) * 2, e: 7 / 2, f: Math.floor(-2.5), g: Math.round(-2.5), h: 10 % 4, i: total * 100, j: Math.round(total), k: Math.max(1, 2)})"
	res := extract(code)
	if res.Err != nil {
		t.Fatal(res.Err.Message)
	}
	obj := res.Calls[0].Args[2]
	for key, want := range map[string]float64{"a": 1998.9999999999998, "b": 1999, "c": 1998.9999999999998, "d": 30, "e": 3.5, "f": -3, "g": -2, "h": 2} {
		if v := obj.Get(key); !v.Is(model.Number) || v.Num != want {
			t.Errorf("%s = %+v, want %v", key, v, want)
		}
	}
	if v := obj.Get("a"); v.Raw != "19.99 * 100" {
		t.Errorf("raw = %q", v.Raw)
	}
	for _, key := range []string{"i", "j", "k"} {
		if !obj.Get(key).IsDynamic() {
			t.Errorf("%s = %+v, want dynamic", key, obj.Get(key))
		}
	}
}

// goja keeps no node for parentheses: a value that starts inside them
// still quotes and spans them, so a finding points at what is written and
// a fix replaces all of it.
func TestValueTextKeepsItsParentheses(t *testing.T) {
	code := "oaiq('measure', 'order_created', {a: (total * 100).toFixed(0), b: ((10 + 5)) * 2, c: (x), d: (\"(\" + y).length, e: f(g), " +
		"h: ~~(p * 100), i: a * (b + ( c )), j: typeof (k), l: -(m)})"
	res := extract(code)
	if res.Err != nil {
		t.Fatal(res.Err.Message)
	}
	obj := res.Calls[0].Args[2]
	for key, want := range map[string]struct{ raw, at string }{
		"a": {"(total * 100).toFixed(0)", "1:38-1:62"},
		"b": {"((10 + 5)) * 2", "1:67-1:81"},
		"c": {"x", "1:87-1:88"},
		"d": {"(\"(\" + y).length", "1:94-1:110"},
		"e": {"f(g)", "1:115-1:119"},
		// goja ends a unary or binary expression with its last operand:
		// the parentheses that operand closes belong to the value too.
		"h": {"~~(p * 100)", "1:124-1:135"},
		"i": {"a * (b + ( c ))", "1:140-1:155"},
		"j": {"typeof (k)", "1:160-1:170"},
		"l": {"-(m)", "1:175-1:179"},
	} {
		v := obj.Get(key)
		if v.Raw != want.raw || at(v.Span) != want.at {
			t.Errorf("%s: raw %q at %s, want %q at %s", key, v.Raw, at(v.Span), want.raw, want.at)
		}
	}
	if at(res.Calls[0].Span) != "1:1-1:181" {
		t.Errorf("call span %s", at(res.Calls[0].Span))
	}
}

// Only the expressions goja ends early are extended: a call holding a
// regular expression with a "(" keeps its own end, not the enclosing
// call's ")".
func TestValueTextEndsWhereACallEnds(t *testing.T) {
	res := extract(`oaiq('measure', 'order_created', s.test(/\(/))`)
	if res.Err != nil {
		t.Fatal(res.Err.Message)
	}
	if v := res.Calls[0].Args[2]; v.Raw != `s.test(/\(/)` {
		t.Errorf("raw %q", v.Raw)
	}
}
