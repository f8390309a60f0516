package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the program in-process over buffers, as a pipe (not a terminal).
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, Env: []string{"TERM=xterm-256color"}}
	code = Main(args, streams)
	return out.String(), errOut.String(), code
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const cleanLog = `["init", {"pixelId": "px_1"}]
["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]
`

func TestLogCleanPrintsOneLineSummaryAndExits0(t *testing.T) {
	p := writeFile(t, t.TempDir(), "clean.jsonl", cleanLog)
	out, errOut, code := runCLI(t, "", "log", p)
	if code != ExitOK || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if got := strings.Count(out, "\n"); got != 1 || !strings.Contains(out, "no problems in 1 file, 2 calls") {
		t.Errorf("want one summary line, got %q", out)
	}
}

func TestLogBadRecordIsReportedAtItsLineAndTheRestIsChecked(t *testing.T) {
	log := cleanLog + "{oops\n" + `["consent", true]` + "\n"
	out, _, code := runCLI(t, log, "log", "-", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("code %d, want 1\n%s", code, out)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]int   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json output does not parse: %v\n%s", err, out)
	}
	var parseErrors []map[string]any
	for _, f := range doc.Findings {
		if f["rule"] == "log-parse-error" {
			parseErrors = append(parseErrors, f)
		}
	}
	if len(parseErrors) != 1 || parseErrors[0]["line"] != 3.0 || parseErrors[0]["column"] != 2.0 || parseErrors[0]["file"] != "<stdin>" {
		t.Errorf("log-parse-error findings = %v", parseErrors)
	}
	if doc.Summary["calls"] != 3 || doc.Summary["files"] != 1 {
		t.Errorf("summary = %v", doc.Summary)
	}
}

func TestJSONContractKeys(t *testing.T) {
	out, _, _ := runCLI(t, "[1\n", "log", "-", "-f", "json")
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "tool", "findings", "summary"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("missing top-level key %q in %s", k, out)
		}
	}
	var findings []map[string]any
	json.Unmarshal(doc["findings"], &findings)
	if len(findings) == 0 {
		t.Fatal("no findings")
	}
	for _, k := range []string{"rule", "severity", "message", "file", "line", "column", "end_line", "end_column", "pointer"} {
		if _, ok := findings[0][k]; !ok {
			t.Errorf("finding lacks %q: %v", k, findings[0])
		}
	}
	var sum map[string]int
	json.Unmarshal(doc["summary"], &sum)
	for _, k := range []string{"files", "calls", "errors", "warnings", "infos"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
}

func TestColorOnlyWhenAskedOrOnATerminal(t *testing.T) {
	bad := "{oops\n"
	piped, _, _ := runCLI(t, bad, "log", "-")
	if strings.Contains(piped, "\x1b[") {
		t.Errorf("piped output has escape codes: %q", piped)
	}
	forced, _, _ := runCLI(t, bad, "log", "-", "--color", "always")
	if !strings.Contains(forced, "\x1b[") {
		t.Errorf("--color always has no escape codes: %q", forced)
	}
	var out bytes.Buffer
	tty := &IOStreams{In: strings.NewReader(bad), Out: &out, ErrOut: &out, StdoutTTY: true, Env: []string{"TERM=xterm-256color", "NO_COLOR=1"}}
	Main([]string{"log", "-"}, tty)
	if strings.Contains(out.String(), "\x1b[3") {
		t.Errorf("NO_COLOR on a terminal still coloured: %q", out.String())
	}
	run := func(tty bool, env ...string) string {
		var out bytes.Buffer
		s := &IOStreams{In: strings.NewReader(bad), Out: &out, ErrOut: &out, StdoutTTY: tty, Env: append([]string{"TERM=xterm-256color"}, env...)}
		Main([]string{"log", "-"}, s)
		return out.String()
	}
	if got := run(true, "CLICOLOR=0"); strings.Contains(got, "\x1b[") {
		t.Errorf("CLICOLOR=0 on a terminal still coloured: %q", got)
	}
	if got := run(true); !strings.Contains(got, "\x1b[") {
		t.Errorf("a terminal without colour settings is not coloured: %q", got)
	}
	if got := run(false, "CLICOLOR_FORCE=1"); !strings.Contains(got, "\x1b[") {
		t.Errorf("CLICOLOR_FORCE=1 in a pipe is not coloured: %q", got)
	}
	if got := run(false, "CLICOLOR_FORCE=0"); strings.Contains(got, "\x1b[") {
		t.Errorf("CLICOLOR_FORCE=0 in a pipe is coloured: %q", got)
	}
	if got := run(false, "CLICOLOR_FORCE=1", "NO_COLOR=1"); strings.Contains(got, "\x1b[") {
		t.Errorf("NO_COLOR must win over CLICOLOR_FORCE: %q", got)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.jsonl", cleanLog)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"log", clean}, ExitOK},
		{[]string{"log", filepath.Join(dir, "missing.jsonl"), clean}, ExitInput},
		{[]string{"log"}, ExitUsage},
		{[]string{"nosuchcommand"}, ExitUsage},
		{[]string{"log", clean, "--fail-on", "sometimes"}, ExitUsage},
		{[]string{"log", clean, "--format", "yaml"}, ExitUsage},
		{[]string{"log", clean, "--format", "json", "--format", "text"}, ExitUsage},
		{[]string{"log", clean, "--color", "purple"}, ExitUsage},
	}
	for _, c := range cases {
		_, stderr, code := runCLI(t, "", c.args...)
		if code != c.want {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, code, c.want, stderr)
		}
	}
}

func TestFormatToFileWritesBoth(t *testing.T) {
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "out.json")
	out, _, code := runCLI(t, "{oops\n", "log", "-", "--format", "text", "--format", "json="+jsonPath)
	if code != ExitFindings || !strings.Contains(out, "log-parse-error") {
		t.Fatalf("code %d, text %q", code, out)
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil || !json.Valid(data) || !bytes.Contains(data, []byte("log-parse-error")) {
		t.Errorf("json file: %v %s", err, data)
	}
}

// TestSpecificationPageIsClean: every example of the pixel's documentation
// on one page, under the documented snippet, gives no error and no warning.
func TestSpecificationPageIsClean(t *testing.T) {
	out, _, code := runCLI(t, "", "check", "--fail-on", "warning", "../../testdata/page/spec-examples.html")
	if code != ExitOK || !strings.Contains(out, "no problems in 1 file, 15 calls") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestSummaryCountsUnreadableInputs(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.jsonl", cleanLog)
	out, stderr, code := runCLI(t, "", "log", filepath.Join(dir, "missing.jsonl"), clean)
	if code != ExitInput || !strings.Contains(out, "1 input could not be read") || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	out, _, _ = runCLI(t, "", "log", "--format", "json", filepath.Join(dir, "missing.jsonl"))
	if !strings.Contains(out, `"unreadable":1`) {
		t.Errorf("json summary: %s", out)
	}
	out, _, _ = runCLI(t, "", "log", "--format", "json", clean)
	if strings.Contains(out, "unreadable") {
		t.Errorf("clean run has an unreadable count: %s", out)
	}
}
