package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
)

// End-to-end fixtures: every file in testdata/check/e2e goes through the
// real `check` command, and each finding must be announced on its line by
// an inline expectation (`// want "rule"` or `<!-- want "rule:severity" -->`).
// The test fails on a missing finding and on an unexpected one.

var e2eWant = regexp.MustCompile(`"([a-z0-9-]+)(?::(error|warning|info))?"`)

func TestEndToEndFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "check", "e2e")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	empty := writeFile(t, t.TempDir(), "empty.yaml", "")
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wants := map[string]int{}
			for i, line := range strings.Split(string(decode.HTML(data, "").Text), "\n") {
				_, after, ok := strings.Cut(line, "want ")
				if !ok {
					continue
				}
				for _, m := range e2eWant.FindAllStringSubmatch(after, -1) {
					wants[key(i+1, m[1], m[2])]++
				}
			}
			out, stderr, _ := runCLI(t, "", "check", "--config", empty, "--format", "json", path)
			var doc struct {
				Findings []struct {
					Rule, Severity, Message, File string
					Line                          int
				}
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("%v\n%s\n%s", err, out, stderr)
			}
			for _, f := range doc.Findings {
				switch {
				case wants[key(f.Line, f.Rule, f.Severity)] > 0:
					wants[key(f.Line, f.Rule, f.Severity)]--
				case wants[key(f.Line, f.Rule, "")] > 0:
					wants[key(f.Line, f.Rule, "")]--
				default:
					t.Errorf("%s:%d: unexpected %s %s: %s", filepath.Base(f.File), f.Line, f.Severity, f.Rule, f.Message)
				}
			}
			for k, n := range wants {
				if n > 0 {
					t.Errorf("missing %s", k)
				}
			}
		})
	}
}

func key(line int, rule, severity string) string {
	k := itoa(line) + " " + rule
	if severity != "" {
		k += ":" + severity
	}
	return k
}
