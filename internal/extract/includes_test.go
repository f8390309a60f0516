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
	}
	others := []string{`{{ .Title }}`, `{{ pixel_id }}`, `{% if x %}`, `<%= @order.total %>`, `<?= $total ?>`, `{{ templateName }}`, `{% for i in items %}`}
	for _, want := range []bool{true, false} {
		list := others
		if want {
			list = includes
		}
		for _, tag := range list {
			text := []byte("<head>" + tag + "</head>")
			_, spans := tmpl.Mask(text)
			f := source.New("t", text)
			got := templateIncludes(text, spans, f.Span)
			if (len(got) == 1) != want {
				t.Errorf("%s: includes = %+v, want include=%v", tag, got, want)
			}
		}
	}
}
