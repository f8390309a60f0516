package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/expect"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
)

// End-to-end fixtures: every file in testdata/check/e2e goes through the
// real `check` command, and each finding must be announced on its line by
// an inline expectation in the one syntax of every fixture (see
// internal/expect). The test fails on a missing finding and on an
// unexpected one.

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
			wants, err := expect.Inline(string(decode.HTML(data, "").Text))
			if err != nil {
				t.Fatal(err)
			}
			out, stderr, _ := runCLI(t, "", "check", "--config", empty, "--format", "json", path)
			var doc struct {
				Findings []struct {
					Rule, Severity, Message, Hint, File string
					Line, Column                        int
				}
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("%v\n%s\n%s", err, out, stderr)
			}
			var got []expect.Finding
			for _, f := range doc.Findings {
				got = append(got, expect.Finding{Line: f.Line, Col: f.Column, Rule: f.Rule, Severity: f.Severity, Message: f.Message, Hint: f.Hint})
			}
			missing, unexpected := expect.Match(wants, got)
			for _, f := range unexpected {
				t.Errorf("unexpected: %s", f)
			}
			for _, w := range missing {
				t.Errorf("missing: %s", w)
			}
		})
	}
}
