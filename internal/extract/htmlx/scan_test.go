package htmlx

import (
	"fmt"
	"strings"
	"testing"
)

func summary(doc Document) string {
	var parts []string
	for _, e := range doc.Elements {
		parts = append(parts, fmt.Sprintf("%s:%v", e.Tag, e.InHead))
	}
	return fmt.Sprintf("full=%v %s", doc.Full, strings.Join(parts, " "))
}

func TestHeadTracking(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<!doctype html><html><head><script></script></head><body><script></script></body></html>`, "full=true script:true script:false"},
		{`<!doctype html><title>x</title><script></script><p>text<script></script>`, "full=true script:true script:false"},
		{`<!doctype html><meta charset=utf-8> hello <script></script>`, "full=true meta:true script:false"},
		{`<html><head></head><script></script><div></div>`, "full=true script:true"},
		{`<script></script><p>x</p><script></script>`, "full=false script:false script:false"},
		// A masked template tag in <head> (Shopify's {{ content_for_header }}) is not body text.
		{"<!doctype html><head>\n  ____________________________\n<script></script></head>", "full=true script:true"},
		{`<!doctype html><head><noscript><script></script></noscript><link rel=stylesheet href=a.css></head>`, "full=true link:true"},
	}
	for _, tt := range tests {
		if got := summary(Scan([]byte(tt.in), []byte(tt.in))); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestScriptTextAndAttrs(t *testing.T) {
	in := `<p><SCRIPT Async src='/a.js?x=1&amp;y=2' nonce=abc data-x = "q">body</SCRIPT><script>open`
	doc := Scan([]byte(in), []byte(in))
	if len(doc.Elements) != 2 {
		t.Fatalf("%+v", doc.Elements)
	}
	s := doc.Elements[0]
	if in[s.TextStart:s.TextEnd] != "body" || in[s.Start:s.End] != `<SCRIPT Async src='/a.js?x=1&amp;y=2' nonce=abc data-x = "q">body</SCRIPT>` {
		t.Errorf("text %q element %q", in[s.TextStart:s.TextEnd], in[s.Start:s.End])
	}
	src, _ := s.Attr("src")
	if src.Value != "/a.js?x=1&y=2" || in[src.ValStart:src.ValEnd] != "/a.js?x=1&amp;y=2" {
		t.Errorf("src %+v", src)
	}
	if !s.Has("async") || s.Value("nonce") != "abc" || s.Value("data-x") != "q" {
		t.Errorf("attrs %+v", s.Attrs)
	}
	open := doc.Elements[1]
	if in[open.TextStart:open.TextEnd] != "open" || open.End != len(in) {
		t.Errorf("unterminated script %+v", open)
	}
}
