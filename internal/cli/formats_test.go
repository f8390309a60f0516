package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oaiq-lint/oaiq-lint/rules"
)

// TestMachineFormatsTogether runs the CI combination: annotations on
// standard output and SARIF to a file, with rules[] read from the registry.
func TestMachineFormatsTogether(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "bad.jsonl", `["init", {"pixelId": "px_1"}]
["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}]
`)
	sarifPath := filepath.Join(dir, "out.sarif")
	out, errOut, code := runCLI(t, "", "log", p, "--format", "github", "--format", "sarif="+sarifPath)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFindings, errOut)
	}
	if !strings.HasPrefix(out, "::error file=") || strings.Contains(out, "\x1b[") {
		t.Errorf("standard output is not plain annotations:\n%s", out)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal([]byte(mustRead(t, sarifPath)), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) == 0 {
		t.Fatal("SARIF has no results")
	}
	if n := len(rules.All()); len(run.Tool.Driver.Rules) < n {
		t.Errorf("SARIF lists %d rules, the registry has %d", len(run.Tool.Driver.Rules), n)
	}
	validateAgainstSARIFSchema(t, sarifPath)
}

// validateAgainstSARIFSchema checks a report built from the real registry
// (titles, docs, help links of every rule) against the OASIS schema.
func validateAgainstSARIFSchema(t *testing.T, path string) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(repoRoot, "testdata", "sarif-2.1.0.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inst, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF report does not validate: %v", err)
	}
}
