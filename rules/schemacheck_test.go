package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// TestSchemaHooksAreExclusive: over every fixture, no schema violation is
// claimed by two rules, so one problem is one finding.
func TestSchemaHooksAreExclusive(t *testing.T) {
	claims := map[*SchemaViolation][]string{}
	var hooks []*Rule
	for _, r := range schemaRules() {
		r := r
		hooks = append(hooks, &Rule{ID: r.ID, Severity: r.Severity, Schema: func(v *SchemaViolation) (model.Finding, bool) {
			f, ok := r.Schema(v)
			if ok {
				claims[v] = append(claims[v], r.ID)
			}
			return f, ok
		}})
	}
	if len(hooks) == 0 {
		t.Fatal("no rule has a Schema hook")
	}
	var docs int
	for _, dir := range []string{"page", "source", "log"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil || filepath.Ext(path) == ".want" {
				continue
			}
			var doc *model.Document
			if dir == "log" {
				doc, _ = eventlog.Parse(filepath.Base(path), data)
			} else {
				doc, _ = extract.File(path, data, extract.Options{})
			}
			var out []model.Finding
			checkSchemas(doc, hooks, &out)
			docs++
		}
	}
	if len(claims) == 0 {
		t.Fatalf("no violation claimed in %d fixtures", docs)
	}
	for v, ids := range claims {
		if len(ids) > 1 {
			t.Errorf("%v at %v claimed by %v", v.Loc, v.Node.Span, ids)
		}
	}
}
