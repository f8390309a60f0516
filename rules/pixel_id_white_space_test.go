package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// The white space around a pasted Pixel ID is removed by a safe fix when
// the literal holds the ID as written; an escape (\t) gets no fix.
func TestPixelIDWhiteSpaceFix(t *testing.T) {
	path := filepath.Join("..", "testdata", "source", "pixel-id-white-space.js")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fixes := map[int]*model.Fix{}
	for _, f := range lintInput(path, data, lintOptions{}) {
		if f.Rule == "init-pixel-id-placeholder" {
			fixes[f.Span.Start.Line] = f.Fix
		}
	}
	fix := fixes[3]
	if fix == nil || fix.Applicability != model.Safe || len(fix.Edits) != 1 || fix.Edits[0].Old != " px_abc123 " || fix.Edits[0].New != "px_abc123" {
		t.Errorf("line 3: fix %+v, want the quoted text \" px_abc123 \" made \"px_abc123\"", fix)
	}
	if f, ok := fixes[5]; !ok || f != nil {
		t.Errorf("line 5: fix %+v (found %v), want a finding without a fix", f, ok)
	}
}
