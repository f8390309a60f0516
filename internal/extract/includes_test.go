package extract

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
)

func TestTemplateIncludes(t *testing.T) {
	includes := []string{
		`{{ template "pixel" . }}`, `{{- partial "head/pixel.html" . -}}`, `{{> pixel}}`, `{{{> pixel }}}`, `{{#> layout }}`,
		`{{ content_for_header }}`, `{% include "pixel.html" %}`, `{%- render 'pixel' -%}`, `{% extends "base.html" %}`,
		`{% section 'header' %}`, `<%= render "shared/pixel" %>`, `<%- include('pixel') %>`, `<%= yield %>`,
		`<?php include "pixel.php"; ?>`, `<?php require_once("head.php") ?>`,
		`<%= javascript_include_tag "application", defer: true %>`, `<%= javascript_tag "oaiq('init', {})" %>`,
		`<!--#include virtual="/inc/pixel.html" -->`, `<!--#include file="pixel.html"-->`, `<!--#exec cgi="/cgi-bin/pixel" -->`,
	}
	others := []string{`{{ .Title }}`, `{{ pixel_id }}`, `{% if x %}`, `<%= @order.total %>`, `<?= $total ?>`, `{{ templateName }}`, `{% for i in items %}`,
		`<!-- include the pixel -->`, `<!--#echo var="DATE_LOCAL" -->`, `<%= javascript_includes %>`}
	for _, want := range []bool{true, false} {
		list := others
		if want {
			list = includes
		}
		for _, tag := range list {
			text := []byte("<head>" + tag + "</head>")
			_, spans := tmpl.Mask(text)
			f := source.New("t", text)
			got := templateIncludes(text, spans, nil, f.Span)
			if (len(got) == 1) != want {
				t.Errorf("%s: includes = %+v, want include=%v", tag, got, want)
			}
		}
	}
}

func TestJavascriptTagBlockReadInPlace(t *testing.T) {
	page := "<!DOCTYPE html>\n<html>\n<head>\n" +
		"<%= javascript_tag nonce: true do %>\n" +
		"  <% if @pixel %>\n  oaiq(\"init\", { pixelId: \"<%= @pixel %>\" });\n  <% end %>\n" +
		"<% end %>\n" +
		"<%= javascript_tag do -%>\n  oaiq(\"consent\", true);\n<%- end -%>\n" +
		"</head>\n<body><%= render \"footer\" %></body>\n</html>\n"
	doc, _ := Page("p.html.erb", []byte(page), Options{})
	checkCalls(t, doc, []wantCall{{"init", "6:3-6:45"}, {"consent", "10:3-10:24"}})
	if len(doc.Page.Includes) != 1 || doc.Page.Includes[0].Text != `<%= render "footer" %>` {
		t.Errorf("includes = %+v, want only the render", doc.Page.Includes)
	}
}

func TestJavascriptTagWithoutEndIsAnInclude(t *testing.T) {
	// No `end` with room for "</script>": the helper stays an include.
	page := "<!DOCTYPE html><html><head><%= javascript_tag do %>oaiq(\"init\", {});<%end%></head><body></body></html>"
	doc, _ := Page("p.html.erb", []byte(page), Options{})
	if len(doc.Calls) != 0 || len(doc.Page.Includes) != 1 {
		t.Errorf("calls %d, includes %+v; want 0 calls and the helper as an include", len(doc.Calls), doc.Page.Includes)
	}
}
