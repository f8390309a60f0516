package tmpl

import (
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a {{ x }} b`, `a _______ b`},
		{`"{{ x }}"`, `"_______"`},
		{`{{{ raw }}}`, `___________`},
		{"{% if a %}\nx{% endif %}", "          \nx           "},
		{`{# note #}`, `          `},
		{`<%= total %>`, `____________`},
		{`<%- json %>`, `___________`},
		{`<% if x %>`, `          `},
		{`<%# c %>`, `        `},
		{`<%-- a <%= x %> b --%>`, `                      `},
		{`<%: x %>`, `________`},
		{`<?= $x ?>`, `_________`},
		{`<?php echo $x; ?>`, `_________________`},
		{`<?php if ($a > 1): ?>`, `                     `},
		{`{{#each items}}{{/each}}`, `                        `},
		{`{{- if .X }}{{ .Y }}{{ end -}}`, `            ________          `},
		{`{{DLV - form_location}}`, `_______________________`},
		{`{{ unterminated`, `{{ unterminated`},
		{`a }} b`, `a }} b`},
		{"{{ a\nb }}", "_________"},
	}
	for _, tt := range tests {
		got, spans := Mask([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("Mask(%q) changed the length", tt.in)
		}
		if tt.in == tt.want && spans != nil {
			t.Errorf("Mask(%q) spans %v", tt.in, spans)
		}
	}
}

func TestMaskKeepsInputWhenNoTemplate(t *testing.T) {
	in := []byte("<p>no templates {here}</p>")
	out, spans := Mask(in)
	if &out[0] != &in[0] || spans != nil {
		t.Error("expected the input back, uncopied")
	}
}

func TestMaskIsLinearOnUnterminatedOpeners(t *testing.T) {
	in := []byte(strings.Repeat("{{ <% <? {% ", 200000))
	out, spans := Mask(in)
	if len(spans) != 0 || len(out) != len(in) {
		t.Fatalf("%d spans", len(spans))
	}
}

func TestBladeDirectives(t *testing.T) {
	in := "@auth\nx(@js($id), \"a@b.c\", @@y, {!! $raw !!});\n@endauth @if ($a && ($b)) z @endif <b @click=\"go()\">"
	masked, spans := Mask([]byte(in))
	out, spans := Blade(masked, spans)
	want := "     \nx(________, \"a@b.c\", @@y, ____________);\n" + strings.Repeat(" ", 26) + "z        <b @click=\"go()\">"
	if string(out) != want {
		t.Fatalf("got  %q\nwant %q", out, want)
	}
	if len(out) != len(in) || len(spans) != 6 {
		t.Fatalf("spans %+v", spans)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].Start < spans[i-1].End {
			t.Fatalf("spans not sorted: %+v", spans)
		}
	}
}
