package tmpl

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// maskByBytes is Mask as first written, stepping to every "{" and "<":
// the reference the opener-based scan must agree with.
func maskByBytes(text []byte) ([]byte, []Span) {
	var spans []Span
	out := append([]byte(nil), text...)
	var exhausted [kinds]bool
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '{' && text[i] != '<' {
			continue
		}
		k, open, close := kindAt(text, i)
		if k < 0 || exhausted[k] {
			continue
		}
		j := bytes.Index(text[i+len(open):], close)
		if j < 0 {
			exhausted[k] = true
			continue
		}
		end := i + len(open) + j + len(close)
		tag, n := tagSpans(k, text, i, end, len(open), len(close))
		for _, sp := range tag[:n] {
			fill(out[sp.Start:sp.End], sp.Output)
			spans = append(spans, sp)
		}
		i = end - 1
	}
	return out, spans
}

var maskSeeds = []string{
	"", "{", "<", "{{", "<%", "<?", "a{{b}}c", "{{{x}}}", "{% if %}x{% endif %}", "{# c #}", "<%= a %><% b %>",
	"<?php echo $x ?>", "<?= $x ?>", "<a href='?q=1'><%= x %>", "{{ a }", "{%", "<% x", "?<%x%>", "<<%x%>", "<<?x?>",
	"%<%%>", "{{#each}}{{/each}}", "<p>{{ t }}</p><script>var a = {b: '{{ c }}'};</script>",
}

// FuzzMask checks what every caller relies on: the same length, spans in
// order inside the text, bytes outside spans untouched, and agreement
// with the byte-by-byte reference.
func FuzzMask(f *testing.F) {
	for _, s := range maskSeeds {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("../../../testdata/*/*.*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		orig := append([]byte(nil), text...)
		out, spans := Mask(text)
		if !bytes.Equal(text, orig) {
			t.Fatal("Mask changed its input")
		}
		if len(out) != len(text) {
			t.Fatalf("length %d, want %d", len(out), len(text))
		}
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("span %+v out of order or range", sp)
			}
			if !bytes.Equal(out[prev:sp.Start], text[prev:sp.Start]) {
				t.Fatalf("bytes outside spans changed in [%d,%d)", prev, sp.Start)
			}
			prev = sp.End
		}
		if !bytes.Equal(out[prev:], text[prev:]) {
			t.Fatal("bytes after the last span changed")
		}
		wantOut, wantSpans := maskByBytes(text)
		if !bytes.Equal(out, wantOut) || !reflect.DeepEqual(spans, wantSpans) {
			t.Fatalf("Mask(%q) = %q %v, reference %q %v", text, out, spans, wantOut, wantSpans)
		}
	})
}

// FuzzMaskFile checks the same invariants for the dialects a file name
// chooses (Blade, EL, Razor, VB Razor): spans disjoint and sorted, bytes
// outside them untouched, the input unchanged.
func FuzzMaskFile(f *testing.F) {
	for _, s := range append(maskSeeds, "@{ <p>@x</p> }", "@if (a) { <text>b</text> } else { @:c\n}", "${a} #{b} \\${c}",
		"@Model.A[0](1)?.B @(x) @* c *@ a@b.c @@d", "@Code\nx\nEnd Code @If a Then", "@section S { <script>@a</script> }") {
		f.Add([]byte(s), uint8(0))
	}
	names := []string{"a.blade.php", "a.jsp", "a.cshtml", "a.vbhtml"}
	f.Fuzz(func(t *testing.T, text []byte, which uint8) {
		name := names[int(which)%len(names)]
		orig := append([]byte(nil), text...)
		out, spans := MaskFile(name, text)
		if !bytes.Equal(text, orig) {
			t.Fatal("MaskFile changed its input")
		}
		if len(out) != len(text) {
			t.Fatalf("length %d, want %d", len(out), len(text))
		}
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("%s: span %+v out of order or range in %q", name, sp, text)
			}
			if !bytes.Equal(out[prev:sp.Start], text[prev:sp.Start]) {
				t.Fatalf("%s: bytes outside spans changed in [%d,%d) of %q", name, prev, sp.Start, text)
			}
			prev = sp.End
		}
		if !bytes.Equal(out[prev:], text[prev:]) {
			t.Fatalf("%s: bytes after the last span changed in %q", name, text)
		}
	})
}
