package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// FuzzPage reads any bytes as a page: no panic, and every call and loader
// points inside the file.
func FuzzPage(f *testing.F) {
	for _, pattern := range []string{"../../testdata/page/*.html", "../../testdata/page/*.erb", "../../examples/site/*.html"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("<script>oaiq('measure', '{{ e }}', {amount: <%= a %>})</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, files := Page("fuzz.html", data, Options{})
		if len(files) == 0 {
			t.Fatal("no source file returned")
		}
		lines := files[0].LineCount()
		check := func(what string, s model.Span) {
			if s.IsZero() {
				return
			}
			if s.Start.Line < 1 || s.Start.Line > lines || s.End.Line > lines || s.End.Before(s.Start) {
				t.Fatalf("%s span %+v outside the %d-line file", what, s, lines)
			}
		}
		for _, c := range doc.Calls {
			check("call", c.Span)
		}
		for _, l := range doc.Page.Loaders {
			check("loader", l.Span)
		}
	})
}
