package eventlog

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse reads any bytes as an event log: no panic, and every record
// that cannot be read becomes a finding rather than an error.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../testdata/log/*.jsonl", "../../testdata/log/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"))
	f.Add([]byte("\xef\xbb\xbf[\"init\", {\"pixelId\": \"px_1\"}]\r\n{\"event_name\": \"order_created\"}\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, file := Parse("fuzz.jsonl", data)
		if doc == nil || file == nil {
			t.Fatal("no document")
		}
		for _, fd := range doc.RecordFailures {
			if fd.Span.Start.Line < 1 || fd.Span.Start.Line > file.LineCount() {
				t.Fatalf("finding at line %d of a %d-line log", fd.Span.Start.Line, file.LineCount())
			}
		}
	})
}
