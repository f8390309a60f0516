package jscall

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
)

// FuzzExtract parses any bytes as a script: no panic, no hang, and every
// call it finds lies within the script.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../../../testdata/page/js/*.js")
	more, _ := filepath.Glob("../../../examples/*/js/*.js")
	for _, p := range append(files, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		`oaiq("init", {pixelId: "px_1"}); oaiq("measure", "order_created", {type: "contents", amount: 2599, currency: "USD"});`,
		`var e = "order_created"; window.oaiq && oaiq("measure", e, {amount: 19.99 * 100, ...rest});`,
		`fetch("https://bzr.openai.com/v1/events", {method: "POST", body: JSON.stringify({x: 1})})`,
		`oaiq("measure", ` + "`${a}`" + `, [[[[[[1]]]]]])`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		file := source.New("fuzz.js", code)
		res := Extract(Script{File: file, Code: code})
		for _, c := range res.Calls {
			if c.Span.Start.Line < 1 || c.Span.End.Line > file.LineCount() {
				t.Fatalf("call span %+v outside the %d-line script", c.Span, file.LineCount())
			}
		}
	})
}
