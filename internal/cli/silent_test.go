package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A run that names nothing to lint must not pass: a mistyped path in CI
// would otherwise be green.
func TestNothingToLintIsAUsageError(t *testing.T) {
	empty := t.TempDir()
	notes := t.TempDir()
	writeFile(t, notes, "notes.txt", "hello")
	for _, c := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"empty folder", "", []string{"check", empty}, "no files to lint in " + empty},
		{"no lintable files", "", []string{"check", notes}, "no files to lint in " + notes},
		{"glob matching nothing", "", []string{"check", filepath.Join(empty, "*.html")}, "no files to lint in " + filepath.Join(empty, "*.html")},
		{"empty stdin", " \n", []string{"check", "-"}, "no files to lint in standard input"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, c.stdin, c.args...)
			if code != ExitUsage || !strings.Contains(errOut, c.want) || strings.Contains(out, "no problems") {
				t.Errorf("exit %d, want %d\nstdout %s\nstderr %s", code, ExitUsage, out, errOut)
			}
		})
	}
}

func TestFileNamedButIgnoredIsReported(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".oaiq-lint.yaml", "ignore: [\"legacy/**\"]\n")
	p := writeFile(t, dir, "legacy/old.html", page(`<script>oaiq("measure", "order_created", {amount: 25.99, currency: "USD"});</script>`))
	t.Chdir(dir)
	_, errOut, code := runCLI(t, "", "check", p)
	if code != ExitUsage || !strings.Contains(errOut, "ignored by "+filepath.Join(dir, ".oaiq-lint.yaml")) || !strings.Contains(errOut, "--no-ignore") {
		t.Errorf("exit %d\nstderr %s", code, errOut)
	}
	// In a folder walk, or matched by a pattern, the ignore applies silently, as configured.
	writeFile(t, dir, "index.html", page(""))
	for _, arg := range []string{dir, filepath.Join(dir, "**", "*.html")} {
		if _, errOut, code := runCLI(t, "", "check", arg, "-q"); code != ExitOK || errOut != "" {
			t.Errorf("%s: exit %d, stderr %s", arg, code, errOut)
		}
	}
	got, code := rulesOf(t, "--no-ignore", p)
	if code != ExitFindings || !strings.Contains(strings.Join(got, " "), "amount-not-integer") {
		t.Errorf("--no-ignore: exit %d, findings %v", code, got)
	}
}

func TestNoPathLintsTheWorkingDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "site/thanks.html", page(`<script>oaiq("measure", "order_created", {amount: 25.99, currency: "USD"});</script>`))
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "", "check")
	if code != ExitFindings || !strings.Contains(out, "site/thanks.html") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// The html report saved into the tree is not one of the site's pages.
func TestOwnHTMLReportIsNotLinted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "index.html", page(`<script>oaiq("measure", "order_created", {amount: 25.99, currency: "USD"});</script>`))
	report := filepath.Join(dir, "oaiq-report.html")
	if _, errOut, code := runCLI(t, "", "check", dir, "-q", "--format", "html="+report); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out, _, _ := runCLI(t, "", "check", dir, "--format", "json")
	var doc struct{ Summary struct{ Files int } }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Files != 1 {
		t.Errorf("files = %d, want 1 (the report skipped)\n%s", doc.Summary.Files, out)
	}
	// Named on its own it is still read: the user asked for it.
	if _, _, code := runCLI(t, "", "check", report, "-q"); code == ExitUsage {
		t.Errorf("the report named on the command line was not read")
	}
}
