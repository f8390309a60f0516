package eventlog_test

import (
	"bytes"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog/loggen"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// BenchmarkParseAndCheck reads a 20,000-record log and runs every rule
// over it, as `oaiq-lint log` does; -memprofile shows the cost per record.
func BenchmarkParseAndCheck(b *testing.B) {
	var log bytes.Buffer
	if err := loggen.Write(&log, 20_000, 1, true); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(log.Len()))
	b.ReportAllocs()
	for b.Loop() {
		doc, _ := eventlog.Parse("bench.jsonl", log.Bytes())
		if len(doc.Calls) != 20_000 {
			b.Fatalf("calls = %d", len(doc.Calls))
		}
		rules.Check(doc, rules.Options{})
	}
}

// BenchmarkParse is the reader alone.
func BenchmarkParse(b *testing.B) {
	var log bytes.Buffer
	if err := loggen.Write(&log, 20_000, 1, true); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(log.Len()))
	b.ReportAllocs()
	for b.Loop() {
		eventlog.Parse("bench.jsonl", log.Bytes())
	}
}
