package extract_test

// Application-source fixtures: testdata/source/* go through the extractor
// and every rule. Each expectation names a rule, optionally a severity,
// and the exact column where the finding starts, on the line it stands on:
// `// want "currency-code@91"` or `// want "dynamic-value:info@42"`. Missing
// and unexpected findings both fail.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

var (
	wantLineRE = regexp.MustCompile(`want((?:\s+"[^"]+")+)`)
	wantItemRE = regexp.MustCompile(`"([a-z0-9-]+)(?::(error|warning|info))?@(\d+)"`)
)

func TestSourceFixtures(t *testing.T) {
	files, err := filepath.Glob("../../testdata/source/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := extract.File(path, data, extract.Options{})
			want := map[string]int{}
			for i, line := range strings.Split(string(data), "\n") {
				for _, m := range wantLineRE.FindAllStringSubmatch(line, -1) {
					for _, it := range wantItemRE.FindAllStringSubmatch(m[1], -1) {
						want[fmt.Sprintf("%d:%s %s%s", i+1, it[3], it[1], sev(it[2]))]++
					}
				}
			}
			for _, f := range rules.Check(doc, rules.Options{}) {
				exact := fmt.Sprintf("%d:%d %s:%s", f.Span.Start.Line, f.Span.Start.Col, f.Rule, f.Severity)
				loose := fmt.Sprintf("%d:%d %s", f.Span.Start.Line, f.Span.Start.Col, f.Rule)
				switch {
				case want[exact] > 0:
					want[exact]--
				case want[loose] > 0 && f.Severity.String() != "info":
					want[loose]--
				default:
					t.Errorf("unexpected %s: %s", exact, f.Message)
				}
			}
			for k, n := range want {
				if n > 0 {
					t.Errorf("missing %s", k)
				}
			}
		})
	}
}

// sev keeps an expectation's severity in its key; without one, any
// severity but info matches (infos are always named).
func sev(s string) string {
	if s == "" {
		return ""
	}
	return ":" + s
}
