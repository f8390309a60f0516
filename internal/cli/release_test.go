package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var repoRoot = filepath.Join("..", "..")

// goreleaserConfig is the part of .goreleaser.yaml other files rely on.
type goreleaserConfig struct {
	Version int `yaml:"version"`
	Before  struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		Main    string   `yaml:"main"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		NameTemplate string `yaml:"name_template"`
		Files        []any  `yaml:"files"`
	} `yaml:"archives"`
	Nfpms []struct {
		Formats []string `yaml:"formats"`
	} `yaml:"nfpms"`
}

// TestReleaseConfigMatchesTheCode checks, without goreleaser, what would
// silently break a release: the ldflags must name the variable Version()
// reads, the docs hook must name a real command, and the archive names
// must be the ones action.yml downloads.
func TestReleaseConfigMatchesTheCode(t *testing.T) {
	var cfg goreleaserConfig
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot, ".goreleaser.yaml"))), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || len(cfg.Builds) != 1 {
		t.Fatalf("want a version 2 config with one build, got version %d, %d builds", cfg.Version, len(cfg.Builds))
	}
	b := cfg.Builds[0]
	if !reflect.DeepEqual(b.Goos, []string{"linux", "darwin", "windows"}) || !reflect.DeepEqual(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("platforms %v × %v", b.Goos, b.Goarch)
	}
	if !reflect.DeepEqual(b.Env, []string{"CGO_ENABLED=0"}) || b.Main != "./cmd/oaiq-lint" {
		t.Errorf("build env %v main %q", b.Env, b.Main)
	}
	if want := "-X github.com/oaiq-lint/oaiq-lint/internal/cli.version={{.Version}}"; len(b.Ldflags) != 1 || !strings.Contains(b.Ldflags[0], want) {
		t.Errorf("ldflags %v do not stamp %s", b.Ldflags, want)
	}
	version = "v9.9.9" // what the ldflags set
	defer func() { version = "" }()
	if Version() != "v9.9.9" {
		t.Errorf("Version() ignores the stamped variable")
	}

	var hookRan bool
	for _, h := range cfg.Before.Hooks {
		if args, ok := strings.CutPrefix(h, "go run ./cmd/oaiq-lint "); ok {
			hookRan = true
			man, comp := t.TempDir(), t.TempDir()
			deb := t.TempDir()
			args = strings.NewReplacer("build/man", man, "build/completions", comp, "build/deb", deb,
				"{{ .Version }}", "1.2.3", "{{ .CommitTimestamp }}", "1767225600").Replace(args)
			if _, errOut, code := runCLI(t, "", strings.Fields(args)...); code != ExitOK {
				t.Errorf("before hook %q fails: exit %d %s", h, code, errOut)
			}
		}
	}
	if !hookRan {
		t.Error("no before hook generates man pages and completions")
	}

	// The archive names are the ones docs/ci.md tells people to download.
	if len(cfg.Archives) != 1 || cfg.Archives[0].NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" {
		t.Fatalf("archive names changed: update docs/ci.md's download name too (%+v)", cfg.Archives)
	}
	if !strings.Contains(mustRead(t, filepath.Join(repoRoot, "docs", "ci.md")), "oaiq-lint_VERSION_OS_ARCH.tar.gz") {
		t.Error("docs/ci.md no longer names the oaiq-lint_VERSION_OS_ARCH archives")
	}
	files := mustRead(t, filepath.Join(repoRoot, ".goreleaser.yaml"))
	for _, want := range []string{"README.md", "LICENSE", "build/completions/*", "build/man/*"} {
		if !strings.Contains(files, want) {
			t.Errorf("archives lack %s", want)
		}
	}
	if len(cfg.Nfpms) != 1 || !reflect.DeepEqual(cfg.Nfpms[0].Formats, []string{"deb", "rpm"}) {
		t.Errorf("packages %+v, want deb and rpm", cfg.Nfpms)
	}
	// zsh completion where each distribution's zsh looks; reproducible
	// binaries, archives and packages.
	for _, want := range []string{
		"dst: /usr/share/zsh/vendor-completions/_oaiq-lint\n        packager: deb",
		"dst: /usr/share/zsh/site-functions/_oaiq-lint\n        packager: rpm",
		`mod_timestamp: "{{ .CommitTimestamp }}"`,
		"builds_info:\n      mtime: \"{{ .CommitDate }}\"",
		"--date {{ .CommitTimestamp }}",
	} {
		if !strings.Contains(files, want) {
			t.Errorf(".goreleaser.yaml lacks %q", want)
		}
	}
}

// TestGoreleaserCheck runs goreleaser's own validation: the goreleaser on
// PATH when there is one, else the pinned one built from source (minutes on
// a cold cache), only when OAIQ_RELEASE_CHECK=1.
func TestGoreleaserCheck(t *testing.T) {
	cmd := exec.Command("goreleaser", "check")
	if _, err := exec.LookPath("goreleaser"); err != nil {
		// Not installed: build the pinned one, only when asked.
		if os.Getenv("OAIQ_RELEASE_CHECK") != "1" {
			t.Skip("goreleaser is not installed; set OAIQ_RELEASE_CHECK=1 to build the pinned one and run goreleaser check")
		}
		cmd = exec.Command("bash", filepath.Join("scripts", "goreleaser-check.sh"), "check")
	}
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("goreleaser check failed: %v\n%s", err, out)
	}
}

// TestActionInstallsWithGoAndKeepsJobsApart checks what action.yml promises:
// the linter is built with the Go toolchain from the action's own checkout
// (its version is the ref in uses:, no token or release download), the
// root is passed, and the SARIF upload, at the current major of
// upload-sarif, gets a category naming the job and the matrix.
func TestActionInstallsWithGoAndKeepsJobsApart(t *testing.T) {
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				Env  map[string]string `yaml:"env"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	text := mustRead(t, filepath.Join(repoRoot, "action.yml"))
	if err := yaml.Unmarshal([]byte(text), &action); err != nil {
		t.Fatal(err)
	}
	if d := action.Inputs["version"].Default; d != "" {
		t.Errorf("version defaults to %q: the action's own version is the default", d)
	}
	for _, banned := range []string{"gh release", "GH_TOKEN", "github.token"} {
		if strings.Contains(text, banned) {
			t.Errorf("action.yml still uses %s", banned)
		}
	}
	var installs, passesRoot, category, uploads bool
	for _, st := range action.Runs.Steps {
		installs = installs || strings.Contains(st.Run, "go install") && strings.Contains(st.Run, `cd "$ACTION_PATH"`) && st.Env["ACTION_REF"] == "${{ github.action_ref }}"
		passesRoot = passesRoot || strings.Contains(st.Run, `args+=(--root "$ROOT")`) && st.Env["ROOT"] == "${{ inputs.root }}"
		category = category || st.Env["JOB"] == "${{ github.job }}" && st.Env["MATRIX"] == "${{ toJSON(matrix) }}"
		if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") {
			uploads = st.Uses == "github/codeql-action/upload-sarif@v4" && st.With["category"] == "${{ steps.category.outputs.category }}"
		}
	}
	if !installs || !passesRoot || !category || !uploads {
		t.Errorf("installs with go from the checkout %v, passes --root %v, category from job and matrix %v, upload-sarif@v4 with it %v",
			installs, passesRoot, category, uploads)
	}
}

// TestPreCommitInstallsOnlyTheLinter: pre-commit's golang hooks run
// "go install ./...", which puts every main package on PATH. Only
// cmd/oaiq-lint may be one without the oaiqtools tag.
func TestPreCommitInstallsOnlyTheLinter(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "./...")
	cmd.Dir = repoRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(string(out)); !reflect.DeepEqual(got, []string{"github.com/oaiq-lint/oaiq-lint/cmd/oaiq-lint"}) {
		t.Errorf("go install ./... installs %v", got)
	}
	hooks := mustRead(t, filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if !strings.Contains(hooks, "entry: oaiq-lint check") || !strings.Contains(hooks, "language: golang") {
		t.Errorf("the hook does not run oaiq-lint check from a Go build:\n%s", hooks)
	}
	if !strings.Contains(mustRead(t, filepath.Join(repoRoot, "README.md")), "The hook needs Go") {
		t.Error("README's pre-commit section does not say the hook needs Go")
	}
}
