package decode

import (
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	} else {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name, ct, want, charset string
		in                      []byte
	}{
		{"utf-8", "", "<p>é</p>", "utf-8", []byte("<p>é</p>")},
		{"utf-8 BOM dropped", "", "<p>é</p>", "utf-8", []byte("\xef\xbb\xbf<p>é</p>")},
		{"utf-16le", "", "<p>é😀</p>", "utf-16le", utf16Bytes("<p>é😀</p>", false)},
		{"utf-16be", "", "<p>é😀</p>", "utf-16be", utf16Bytes("<p>é😀</p>", true)},
		{"meta charset", "", `<meta charset="windows-1252"><p>é€</p>`, "windows-1252", []byte("<meta charset=\"windows-1252\"><p>\xe9\x80</p>")},
		{"header wins over meta", "text/html; charset=iso-8859-1", `<meta charset="utf-8">é`, "windows-1252", []byte("<meta charset=\"utf-8\">\xe9")},
		{"invalid utf-8 without declaration", "", "é", "windows-1252", []byte("\xe9")},
		{"utf-8 after the first 1024 bytes", "", string(make([]byte, 2000)) + "é", "utf-8", append(make([]byte, 2000), "é"...)},
	}
	for _, tt := range tests {
		r := HTML(tt.in, tt.ct)
		if string(r.Text) != tt.want || r.Charset != tt.charset {
			t.Errorf("%s: got %q (%s), want %q (%s)", tt.name, r.Text, r.Charset, tt.want, tt.charset)
		}
	}
}

func TestScriptKeepsInvalidUTF8(t *testing.T) {
	r := Script([]byte("a\xffb"), "")
	if string(r.Text) != "a\xffb" || r.Charset != "utf-8" {
		t.Errorf("%q %s", r.Text, r.Charset)
	}
}
