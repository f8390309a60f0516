package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// setting is a commented line of a YAML setting (a key, or indented).
var setting = regexp.MustCompile(`^([a-z_]+:( |$)| )`)

func TestInitWritesAConfigThatLoads(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, "", "init", "--pixel-id", "px_live_1", dir); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	path := filepath.Join(dir, config.FileName)
	cfg, err := config.Load(path, func(id string) bool { return rules.Lookup(id) != nil })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PixelID != "px_live_1" || cfg.FailOn != "error" {
		t.Errorf("loaded %+v", cfg)
	}
	// Every commented example is a valid setting once uncommented.
	data, _ := os.ReadFile(path)
	var un []string
	for _, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimPrefix(l, "# "); t != l && setting.MatchString(t) {
			un = append(un, t)
			continue
		}
		un = append(un, l)
	}
	uncommented := strings.Replace(strings.Join(un, "\n"), "pixel_id: px_live_1\n", "", 1)
	if _, err := config.Parse(path, []byte(uncommented), func(id string) bool { return rules.Lookup(id) != nil }); err != nil {
		t.Errorf("the examples do not load: %v\n%s", err, uncommented)
	}
	if _, errOut, code := runCLI(t, "", "init", dir); code != ExitUsage || !strings.Contains(errOut, "--force") {
		t.Errorf("existing file: exit %d %s", code, errOut)
	}
	if _, _, code := runCLI(t, "", "init", "--force", dir); code != ExitOK {
		t.Errorf("--force: exit %d", code)
	}
	if cfg, err := config.Load(path, func(string) bool { return true }); err != nil || cfg.PixelID != "" {
		t.Errorf("without an id: %+v %v", cfg, err)
	}
}

func TestVersionNamesTheRevision(t *testing.T) {
	bi := &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"},
		{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionLine("dev", bi), "dev (revision 0123456789ab, 2026-12-01T10:00:00Z, with uncommitted changes)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := versionLine("v1.2.3", &debug.BuildInfo{}); got != "v1.2.3" {
		t.Errorf("no vcs: %q", got)
	}
}

func TestCompletionOffersFlagValues(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--format", ""}, []string{"json", "sarif", "github"}},
		{[]string{"check", "--fail-on", ""}, []string{"error", "warning", "info", "never"}},
		{[]string{"check", "--color", ""}, []string{"auto", "always", "never"}},
		{[]string{"hash", "--type", ""}, []string{"email", "external-id"}},
		{[]string{"rules", "--format", ""}, []string{"text", "json", "markdown"}},
	} {
		out, _, _ := runCLI(t, "", append([]string{"__complete"}, c.args...)...)
		for _, w := range c.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("%v: %q not offered:\n%s", c.args, w, out)
			}
		}
	}
}
