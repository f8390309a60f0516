package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestErrorMessagesSayTheFix(t *testing.T) {
	dir := t.TempDir()
	csv := writeFile(t, dir, "users.csv", "email\na@example.com\n")
	bad := writeFile(t, dir, "bad/.oaiq-lint.yaml", "rules:\n  amount-not-integr: error\n")
	for _, c := range []struct {
		name string
		args []string
		code int
		want []string
		// help: the "Run … --help" line belongs only to errors it answers.
		help bool
	}{
		{"missing file", []string{"check", filepath.Join(dir, "nope.html")}, ExitInput,
			[]string{"no such file or folder; check the path"}, false},
		{"whole number", []string{"crawl", "https://example.com", "--depth", "x"}, ExitUsage,
			[]string{`--depth wants a whole number, got "x"`}, false},
		{"duration", []string{"crawl", "https://example.com", "--timeout", "5"}, ExitUsage,
			[]string{`--timeout wants a duration, such as 30s`}, false},
		{"size", []string{"check", dir, "--max-file-size", "ten"}, ExitUsage,
			[]string{"--max-file-size", "10MB"}, false},
		{"flag as value", []string{"hash", "--csv", "--column", "email", csv}, ExitUsage,
			[]string{"--csv needs a FILE (got the flag --column)"}, false},
		{"unknown flag", []string{"check", dir, "--formt", "json"}, ExitUsage,
			[]string{"unknown flag: --formt", `did you mean --format?`, "Run 'oaiq-lint check --help'"}, true},
		{"unknown command", []string{"chek"}, ExitUsage,
			[]string{"unknown command \"chek\" for \"oaiq-lint\"\nDid you mean this?\n    check\nRun 'oaiq-lint --help'"}, true},
		{"config rule id", []string{"check", dir, "--config", bad}, ExitUsage,
			[]string{`unknown rule "amount-not-integr", did you mean "amount-not-integer"?`}, false},
		{"file or URL without scheme", []string{"check", "localhost:8080/x"}, ExitInput,
			[]string{`to check a URL, write it with its scheme: http://localhost:8080/x`}, false},
		{"URL without scheme", []string{"crawl", "--sitemap", "127.0.0.1:8080/s.xml"}, ExitUsage,
			[]string{`--sitemap: "127.0.0.1:8080/s.xml" is not a URL: write it with its scheme, such as http://127.0.0.1:8080/s.xml`}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout %s\nstderr %s", code, c.code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if strings.Contains(errOut, "--help") != c.help {
				t.Errorf("help hint shown = %v, want %v:\n%s", !c.help, c.help, errOut)
			}
			for _, raw := range []string{"strconv.", "stat ", "no such file or directory", `\n`, `\t`} {
				if strings.Contains(errOut, raw) {
					t.Errorf("raw Go error %q in:\n%s", raw, errOut)
				}
			}
		})
	}
}

func TestMaxFileSizeTakesUnits(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "big.html", page(strings.Repeat("<p>filler</p>\n", 200)))
	got, _ := rulesOf(t, "--max-file-size", "1KB", dir)
	if strings.Join(got, " ") == "" || !strings.Contains(strings.Join(got, " "), "file-too-large") {
		t.Errorf("1KB: findings %v, want file-too-large", got)
	}
	got, _ = rulesOf(t, "--max-file-size", "1.5MB", dir)
	if strings.Contains(strings.Join(got, " "), "file-too-large") {
		t.Errorf("1.5MB: findings %v", got)
	}
}

func TestSuppressionOfUnknownRuleSuggestsTheNearest(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.html", page(`<script>
// oaiq-lint-disable-next-line amount-not-integr -- legacy
oaiq("measure", "order_created", {amount: 2599, currency: "USD"});
</script>`))
	out, _, _ := runCLI(t, "", "check", p)
	if !strings.Contains(out, `did you mean "amount-not-integer"?`) {
		t.Errorf("no did-you-mean:\n%s", out)
	}
}

func TestJSONNamesTheUnreadableInputs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "ok.html", page(""))
	missing := filepath.Join(dir, "missing.html")
	out, _, code := runCLI(t, "", "check", filepath.Join(dir, "ok.html"), missing, "--format", "json")
	var doc struct {
		Summary    map[string]int                   `json:"summary"`
		Unreadable []struct{ Input, Reason string } `json:"unreadable_inputs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if code != ExitInput || doc.Summary["unreadable"] != 1 || len(doc.Unreadable) != 1 || doc.Unreadable[0].Input != missing ||
		!strings.Contains(doc.Unreadable[0].Reason, "no such file or folder") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestGitHubFormatFillsTheStepSummaryAndSARIFNamesTheRun(t *testing.T) {
	dir := t.TempDir()
	summary := filepath.Join(dir, "summary.md")
	sarif := filepath.Join(dir, "r.sarif")
	var body strings.Builder
	for range 11 {
		body.WriteString(`<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>` + "\n")
	}
	p := writeFile(t, dir, "a.html", page(body.String()))
	var out, errOut strings.Builder
	streams := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Env: []string{"GITHUB_STEP_SUMMARY=" + summary, "GITHUB_JOB=lint", "GITHUB_RUN_ID=42"}}
	if code := Main([]string{"check", p, filepath.Join(dir, "missing.html"), "--format", "github", "--format", "sarif=" + sarif}, streams); code != ExitInput {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if s := readFile(t, summary); !strings.Contains(s, "1 finding not shown as annotations") {
		t.Errorf("summary:\n%s", s)
	}
	var log struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
			Invocations       []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, sarif)), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if r.AutomationDetails.ID != "oaiq-lint/lint/42" || len(r.Invocations) != 1 || r.Invocations[0].ExecutionSuccessful ||
		len(r.Invocations[0].ToolExecutionNotifications) != 1 || !strings.Contains(r.Invocations[0].ToolExecutionNotifications[0].Message.Text, "missing.html: could not be read: no such file") {
		t.Errorf("sarif run: %+v", r)
	}
}

func TestFilesFlagsNameSayWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.html", page(""))
	missing := filepath.Join(dir, "no")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "sarif=" + filepath.Join(missing, "x.sarif")}, "--format sarif=" + filepath.Join(missing, "x.sarif") + ": the folder " + missing + " does not exist; create it first"},
		{[]string{"--record", filepath.Join(missing, "r.jsonl")}, "--record " + filepath.Join(missing, "r.jsonl") + ": the folder " + missing + " does not exist"},
		{[]string{"--baseline", filepath.Join(dir, "nope.json")}, "--baseline " + filepath.Join(dir, "nope.json") + ": no such file; check the path"},
	} {
		_, errOut, code := runCLI(t, "", append([]string{"check", dir}, c.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "no such file or directory") {
			t.Errorf("%v: exit %d\n%s", c.args, code, errOut)
		}
	}
}

// Nothing linted gives no verdict: never a green tick beside "could not be
// read" (review, section C).
func TestNothingLintedHasNoTick(t *testing.T) {
	dir := t.TempDir()
	out, _, code := runCLI(t, "", "check", filepath.Join(dir, "nosuch.html"))
	if code != ExitInput || strings.Contains(out, "✔") || strings.Contains(out, "the rest was checked") ||
		!strings.Contains(out, "1 input could not be read (reasons on standard error); nothing was linted") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	writeFile(t, dir, "ok.html", page(""))
	out, _, code = runCLI(t, "", "check", filepath.Join(dir, "nosuch.html"), filepath.Join(dir, "ok.html"))
	if code != ExitInput || !strings.Contains(out, "the rest was checked") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
}
