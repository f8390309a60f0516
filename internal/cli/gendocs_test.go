package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenDocsWritesManPagesAndCompletions(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01: pages are reproducible
	man, comp := t.TempDir(), t.TempDir()
	_, errOut, code := runCLI(t, "", "gen-docs", "--man", man, "--completions", comp)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	root := mustRead(t, filepath.Join(man, "oaiq-lint.1"))
	for _, want := range []string{`.TH "OAIQ-LINT" "1" "Jan 2026" "oaiq-lint `, "--format", "oaiq-lint-log(1)"} {
		if !strings.Contains(root, want) {
			t.Errorf("oaiq-lint.1 lacks %q", want)
		}
	}
	// Help text is literal: code in it survives the Markdown the generator reads.
	for page, wants := range map[string][]string{
		"oaiq-lint-check.1": {"early in <head>;", "<script src>", `"site/**/*\&.html"`},
		"oaiq-lint-hash.1":  {"a <name>_sha256 column", "add <name>_sha256 after it"},
	} {
		got := mustRead(t, filepath.Join(man, page))
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
		if strings.Contains(got, `\\`) {
			t.Errorf("%s shows escapes", page)
		}
	}
	if log := mustRead(t, filepath.Join(man, "oaiq-lint-log.1")); !strings.Contains(log, "JSON Lines") {
		t.Errorf("oaiq-lint-log.1 lacks the command's long help")
	}
	if _, err := os.Stat(filepath.Join(man, "oaiq-lint-gen-docs.1")); err == nil {
		t.Errorf("the hidden gen-docs command got a man page")
	}
	for file, want := range map[string]string{
		"oaiq-lint.bash": "__start_oaiq-lint",
		"_oaiq-lint":     "#compdef oaiq-lint",
		"oaiq-lint.fish": "complete -c oaiq-lint",
		"oaiq-lint.ps1":  "Register-ArgumentCompleter",
	} {
		if got := mustRead(t, filepath.Join(comp, file)); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q", file, want)
		}
	}
}

func TestGenDocsNeedsADirectory(t *testing.T) {
	if _, _, code := runCLI(t, "", "gen-docs"); code != ExitUsage {
		t.Errorf("gen-docs without directories exited %d, want %d", code, ExitUsage)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
