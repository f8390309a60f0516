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

// A PHP tag that only prints a literal without escapes (nor, in double
// quotes, interpolation) prints it byte for byte: the literal stays, the
// code around it is blanked (review B3).
func TestPHPEchoedLiteralStays(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?php echo '<script>oaiq("init", { pixelId: "px_1" });</script>'; ?>`, `            <script>oaiq("init", { pixelId: "px_1" });</script>     `},
		{"<? print\n'<b>x</b>' ?>", "        \n <b>x</b>    "},
		{`<?= '<i>' ?>`, `     <i>    `},
		{`<?PHP ECHO'<i>';?>`, `           <i>    `},
		{`<?php echo "<i class='a'>"; ?>`, `            <i class='a'>     `},
		// Anything else prints what the server computes: one identifier.
		{`<?php echo '<i class=\'a\'>'; ?>`, `________________________________`},
		{`<?php echo "<i>$x</i>"; ?>`, `__________________________`},
		{`<?php echo "<i>\n</i>"; ?>`, `__________________________`},
		{`<?php echo '<i>' . $x; ?>`, `_________________________`},
		{`<?php echo '<i>'; echo '</i>'; ?>`, `_________________________________`},
		{`<?php printf('<i>%s</i>', $x); ?>`, `_________________________________`},
		{`<?php echo ''; ?>`, `_________________`},
		{`<?phpecho '<i>' ?>`, `__________________`},
	}
	for _, tt := range tests {
		got, _ := Mask([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("Mask(%q)\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}
