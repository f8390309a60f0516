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
			args = strings.NewReplacer("build/man", man, "build/completions", comp).Replace(args)
			if _, errOut, code := runCLI(t, "", strings.Fields(args)...); code != ExitOK {
				t.Errorf("before hook %q fails: exit %d %s", h, code, errOut)
			}
		}
	}
	if !hookRan {
		t.Error("no before hook generates man pages and completions")
	}

	if len(cfg.Archives) != 1 || cfg.Archives[0].NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" {
		t.Fatalf("archive names changed: update action.yml's download name too (%+v)", cfg.Archives)
	}
	action := mustRead(t, filepath.Join(repoRoot, "action.yml"))
	if !strings.Contains(action, `archive="oaiq-lint_${tag#v}_${os}_${arch}.${ext}"`) {
		t.Error("action.yml no longer downloads oaiq-lint_VERSION_OS_ARCH archives")
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
}

// TestGoreleaserCheck runs the pinned goreleaser's own validation. It
// builds goreleaser first (minutes on a cold cache), so it runs only when
// OAIQ_RELEASE_CHECK=1.
func TestGoreleaserCheck(t *testing.T) {
	if os.Getenv("OAIQ_RELEASE_CHECK") != "1" {
		t.Skip("set OAIQ_RELEASE_CHECK=1 to run goreleaser check (builds goreleaser)")
	}
	cmd := exec.Command("bash", filepath.Join("scripts", "goreleaser-check.sh"), "check")
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("goreleaser check failed: %v\n%s", err, out)
	}
}
