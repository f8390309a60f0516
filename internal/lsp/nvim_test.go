package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestNeovimClient drives the server from a real editor: Neovim headless
// with its built-in LSP client opens a fixture and reads the diagnostics
// and code actions. With CI=true a missing nvim fails the test.
func TestNeovimClient(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed (Debian package neovim; .ci/run installs it)")
		}
		t.Skip("nvim is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "oaiq-lint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is needed to build the server for Neovim: %v", err)
	}
	build := exec.CommandContext(ctx, goBin, "build", "-o", bin, "github.com/oaiq-lint/oaiq-lint/cmd/oaiq-lint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "thanks.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "diagnostics.txt")
	script, _ := filepath.Abs(filepath.Join("testdata", "nvim-client.lua"))
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OAIQ_OUT="+out, "OAIQ_BIN="+bin, "OAIQ_FILE="+file, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no diagnostics: %v", err)
	}
	text := string(got)
	if !strings.Contains(text, "diag 3:77 currency-code") {
		t.Errorf("Neovim did not receive currency-code at line 3, column 77:\n%s", text)
	}
	if !strings.Contains(text, `action write the currency as "USD"`) {
		t.Errorf("Neovim got no code action for the fix:\n%s", text)
	}
}
