package rules_test

import (
	"os"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// BenchmarkCheck runs every rule over a page with calls, a loader and
// mistakes (the example site's product page).
func BenchmarkCheck(b *testing.B) {
	data, err := os.ReadFile("../examples/site/product.html")
	if err != nil {
		b.Fatal(err)
	}
	doc, _ := extract.File("product.html", data, extract.Options{})
	if len(doc.Calls) == 0 {
		b.Fatal("no calls in the page")
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(rules.Check(doc, rules.Options{})) == 0 {
			b.Fatal("no findings")
		}
	}
}
