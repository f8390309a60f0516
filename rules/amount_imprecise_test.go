package rules

import (
	"regexp"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
)

// The rule's documented Bad example is flagged and its Good example is not,
// read as a page would be.
func TestAmountImpreciseDocExamples(t *testing.T) {
	blocks := regexp.MustCompile("(?s)(Bad|Good):\n```js\n(.*?)```").FindAllStringSubmatch(amountImprecise.Doc, -1)
	if len(blocks) != 2 {
		t.Fatalf("want a Bad and a Good example, got %d", len(blocks))
	}
	for _, b := range blocks {
		page := `<script>oaiq("init", { pixelId: "px_1" });` + "\n" + b[2] + "</script>"
		doc, _ := extract.Page("doc.html", []byte(page), extract.Options{})
		n := 0
		for _, f := range Check(doc, Options{}) {
			if f.Rule == amountImprecise.ID {
				n++
			}
		}
		if want := map[string]int{"Bad": 1, "Good": 0}[b[1]]; n != want {
			t.Errorf("%s example: %d findings, want %d", b[1], n, want)
		}
	}
}
