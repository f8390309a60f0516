package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

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
}
