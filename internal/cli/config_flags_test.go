package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// thanksPage loads its pixel calls from a root-relative script.
const thanksPage = `<!doctype html><html><head>
<script src="/js/pixel.js"></script>
</head><body>
<script>oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });</script>
</body></html>
`

// pixelScript loads the SDK and initialises the pixel.
var pixelScript = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(loader), "<script>"), "</script>")

func TestConfigRootAndTheHintNamingRoot(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "site/thanks.html", thanksPage)
	writeFile(t, dir, "site/js/pixel.js", pixelScript)
	// Linted alone from elsewhere, the script is out of sight: the hint says how to show it.
	t.Chdir(t.TempDir())
	out, _, _ := runCLI(t, "", "check", p)
	if !strings.Contains(out, "init-missing") || !strings.Contains(out, "give the site's folder with --root (or root: in .oaiq-lint.yaml)") {
		t.Errorf("without a root:\n%s", out)
	}
	writeFile(t, dir, ".oaiq-lint.yaml", "root: site\n")
	// The configuration is found from the linted file upward, and its root resolves the script.
	got, _ := rulesOf(t, p)
	if strings.Contains(strings.Join(got, " "), "init-missing") {
		t.Errorf("root: in the configuration: %v", got)
	}
	// --no-config leaves it out again.
	got, _ = rulesOf(t, "--no-config", p)
	if !strings.Contains(strings.Join(got, " "), "init-missing") {
		t.Errorf("--no-config: %v", got)
	}
	if _, errOut, code := runCLI(t, "", "check", "--no-config", "--config", filepath.Join(dir, ".oaiq-lint.yaml"), p); code != ExitUsage || !strings.Contains(errOut, "contradict") {
		t.Errorf("--config with --no-config: exit %d %s", code, errOut)
	}
}

func TestPrintConfigShowsTheFileAndWhatItResolvedTo(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".oaiq-lint.yaml", "pixel_id: px_1\nroot: public\nfail_on: warning\nrules:\n  amount-not-integer: off\nignore: [\"dist/**\"]\n")
	p := writeFile(t, dir, "public/a.html", page(""))
	out, errOut, code := runCLI(t, "", "check", "--print-config", p)
	for _, want := range []string{"# configuration: " + cfg, "pixel_id: px_1", "root: " + filepath.Join(dir, "public"),
		"fail_on: warning", "amount-not-integer: \"off\"", "dist/**"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if code != ExitOK || errOut != "" {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	out, _, _ = runCLI(t, "", "check", "--print-config", "--fail-on", "info", p)
	if !strings.Contains(out, "fail_on: info") {
		t.Errorf("--fail-on does not win:\n%s", out)
	}
	out, _, _ = runCLI(t, "", "check", "--print-config", "--no-config", p)
	if !strings.Contains(out, "none (--no-config)") || strings.Contains(out, "px_1") {
		t.Errorf("--no-config:\n%s", out)
	}
}

func TestStdinFilenameNamesStandardInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".oaiq-lint.yaml", "overrides:\n  - files: [\"legacy/**\"]\n    rules:\n      amount-not-integer: off\n")
	t.Chdir(dir)
	src, err := os.ReadFile(writeFile(t, dir, "tmp.html", page(`<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>`)))
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, string(src), "check", "-", "--stdin-filename", "site/thanks.html")
	if code != ExitFindings || !strings.Contains(out, "site/thanks.html:") || strings.Contains(out, "<stdin>") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if out, _, code := runCLI(t, string(src), "check", "-", "--stdin-filename", "legacy/old.html"); code != ExitOK {
		t.Errorf("per-path settings not applied: exit %d\n%s", code, out)
	}
}
