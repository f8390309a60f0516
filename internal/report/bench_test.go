package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// benchResult is one page with 50 findings that all need a code frame.
func benchResult() Result {
	text := strings.Repeat(`  oaiq("measure", "items_added", {type: "contents", amount: 25.99, currency: "usd"});`+"\n", 50)
	f := source.New("page.html", []byte(text))
	r := Result{Path: "page.html", Calls: 50, Sources: map[string]*source.File{"page.html": f}}
	for i := 1; i <= 50; i++ {
		r.Findings = append(r.Findings, model.Finding{
			Rule: "amount-not-integer", Severity: model.Error,
			Message: fmt.Sprintf("amount must be an integer in the currency's minor unit, got 25.99 (call %d)", i),
			Hint:    "send 2599 for 25.99 USD",
			Span:    model.Span{File: "page.html", Start: model.Pos{Line: i, Col: 62}, End: model.Pos{Line: i, Col: 67}},
		})
	}
	return r
}

func benchmarkFormat(b *testing.B, name string) {
	r := benchResult()
	b.ReportAllocs()
	for b.Loop() {
		rep, err := New(name, io.Discard, Options{Tool: Tool{Name: "oaiq-lint", Version: "bench"}})
		if err != nil {
			b.Fatal(err)
		}
		for range 10 {
			if err := rep.Result(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := rep.Finish(Summary{Files: 10, Calls: 500, Errors: 500}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B)  { benchmarkFormat(b, "json") }
func BenchmarkText(b *testing.B)  { benchmarkFormat(b, "text") }
func BenchmarkSARIF(b *testing.B) { benchmarkFormat(b, "sarif") }
