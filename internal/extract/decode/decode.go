// Package decode turns the bytes of a page or script into UTF-8 text whose
// characters are the characters of the original file, one rune per
// character, so positions computed on the decoded text are positions in
// the original file.
package decode

import (
	"bytes"
	"mime"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Result is decoded text and the encoding it was read as.
type Result struct {
	// Text is UTF-8 without a byte order mark. Invalid sequences of a file
	// read as UTF-8 are kept as they are (one byte counts as one character).
	Text []byte
	// Charset is the encoding's canonical name ("utf-8", "utf-16le", …).
	Charset string
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// HTML decodes a page: a byte order mark wins, then the charset of the
// Content-Type header, then a <meta charset> in the first 1024 bytes; with
// none of them the text is UTF-8 when it is valid UTF-8, else windows-1252
// (what browsers fall back to).
func HTML(data []byte, contentType string) Result {
	if r, ok := byBOM(data); ok {
		return r
	}
	if cs := headerCharset(contentType); cs != "" {
		if e, name := charset.Lookup(cs); e != nil {
			return transcode(data, e, name)
		}
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if containsFold(head, "charset") {
		e, name, _ := charset.DetermineEncoding(head, "")
		return transcode(data, e, name)
	}
	if utf8.Valid(data) {
		return Result{Text: data, Charset: "utf-8"}
	}
	e, name := charset.Lookup("windows-1252")
	return transcode(data, e, name)
}

// Script decodes a JavaScript file: a byte order mark, then the charset of
// the Content-Type header, else UTF-8 (scripts declare no charset inside).
func Script(data []byte, contentType string) Result {
	if r, ok := byBOM(data); ok {
		return r
	}
	if cs := headerCharset(contentType); cs != "" {
		if e, name := charset.Lookup(cs); e != nil {
			return transcode(data, e, name)
		}
	}
	return Result{Text: data, Charset: "utf-8"}
}

func byBOM(data []byte) (Result, bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return Result{Text: data[len(bomUTF8):], Charset: "utf-8"}, true
	case bytes.HasPrefix(data, bomUTF16LE):
		return transcode(data[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"), true
	case bytes.HasPrefix(data, bomUTF16BE):
		return transcode(data[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"), true
	}
	return Result{}, false
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// transcode converts to UTF-8. UTF-8 itself is kept byte for byte: a
// decoder would turn each invalid byte into a 3-byte U+FFFD, which still
// counts as one character, but copying costs time for nothing.
func transcode(data []byte, e encoding.Encoding, name string) Result {
	if name == "utf-8" || e == encoding.Nop {
		return Result{Text: data, Charset: "utf-8"}
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// Decoders replace what they cannot read; an error here means the
		// encoding itself failed, so keep the bytes rather than lose the file.
		return Result{Text: data, Charset: "utf-8"}
	}
	return Result{Text: out, Charset: name}
}

func containsFold(b []byte, lower string) bool {
	n := len(lower)
	for i := 0; i+n <= len(b); i++ {
		if b[i]|0x20 != lower[0] {
			continue
		}
		match := true
		for j := 1; j < n; j++ {
			if b[i+j]|0x20 != lower[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
