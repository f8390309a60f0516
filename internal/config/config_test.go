package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/schema"
)

func known(id string) bool {
	return id == "init-debug-enabled" || id == "init-missing" || id == "pii-raw"
}

const good = `# project settings
pixel_id: px_live_123
root: public
fail_on: warning
max_findings_per_rule: 20
rules:
  init-debug-enabled: off
  pii-raw: warning
ignore:
  - legacy/**
  - "*.min.js"
crawl:
  allow_hosts: [cdn.example.com]
overrides:
  - files: ["templates/partials/**"]
    rules:
      init-missing: off
      init-debug-enabled: error
`

func TestParseGoodConfig(t *testing.T) {
	dir := t.TempDir()
	cfg, err := Parse(filepath.Join(dir, FileName), []byte(good), known)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PixelID != "px_live_123" || cfg.FailOn != "warning" || len(cfg.AllowHosts) != 1 || cfg.MaxFindingsPerRule != 20 || cfg.Root != filepath.Join(dir, "public") {
		t.Errorf("cfg = %+v", cfg)
	}
	sev, off := cfg.RulesFor(filepath.Join(dir, "pages", "a.html"))
	if !off["init-debug-enabled"] || sev["pii-raw"] != model.Warning || off["init-missing"] {
		t.Errorf("top level: sev %v off %v", sev, off)
	}
	sev, off = cfg.RulesFor(filepath.Join(dir, "templates", "partials", "x", "head.njk"))
	if off["init-debug-enabled"] || sev["init-debug-enabled"] != model.Error || !off["init-missing"] {
		t.Errorf("override: sev %v off %v", sev, off)
	}
	for p, want := range map[string]bool{"legacy/old.html": true, "js/app.min.js": true, "index.html": false} {
		if got := cfg.Ignored(filepath.Join(dir, filepath.FromSlash(p))); got != want {
			t.Errorf("Ignored(%s) = %v", p, got)
		}
	}
}

func TestBadConfigsNameKeyAndLine(t *testing.T) {
	cases := map[string]string{
		"pixel_id: x\nfail_on: sometimes\n":             ":2: fail_on: \"sometimes\" is not one of",
		"rules:\n  init-debug-enabled: loud\n":          ":2: rules.init-debug-enabled: \"loud\" is not one of off",
		"rules:\n  no-such-rule: off\n":                 ":2: rules: unknown rule \"no-such-rule\"",
		"pixelid: x\n":                                  ":1: unknown key \"pixelid\", did you mean \"pixel_id\"?",
		"pixel_id: a\npixel_id: b\n":                    ":2: the configuration: key \"pixel_id\" is given twice (first on line 1)",
		"rules:\n  pii-raw: off\n  pii-raw: error\n":    ":3: rules: key \"pii-raw\" is given twice (first on line 2)",
		"ignore: legacy/**\n":                           ":1: ignore must be a list",
		"overrides:\n  - rules: {pii-raw: off}\n":       ":2: overrides[0] needs files",
		"crawl:\n  hosts: [a]\n":                        ":2: unknown key crawl.hosts",
		"rules: [1, 2\n":                                "did not find expected",
		"overrides:\n  - files: [a]\n    extra: true\n": ":3: unknown key overrides[0].extra",
		"max_findings_per_rule: many\n":                 ":1: max_findings_per_rule must be a whole number",
		"max_findings_per_rule: -1\n":                   ":1: max_findings_per_rule must be a whole number",
	}
	for src, want := range cases {
		_, err := Parse("/p/.oaiq-lint.yaml", []byte(src), known)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", src, err, want)
		}
	}
	if cfg, err := Parse("/p/.oaiq-lint.yaml", nil, known); err != nil || cfg.PixelID != "" {
		t.Errorf("empty file: %v", err)
	}
}

func TestFindSearchesUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	os.MkdirAll(deep, 0o755)
	os.WriteFile(filepath.Join(root, FileName), []byte(good), 0o644)
	if got := Find(deep); got != filepath.Join(root, FileName) {
		t.Errorf("Find = %q", got)
	}
}

// TestSchemaAcceptsWhatParseAccepts keeps the published config schema and
// the reader in step.
func TestSchemaAcceptsWhatParseAccepts(t *testing.T) {
	var v any
	if err := yaml.Unmarshal([]byte(good), &v); err != nil {
		t.Fatal(err)
	}
	if vs := schema.Validate("config", v); len(vs) > 0 {
		t.Errorf("config schema rejects the good example: %+v", vs)
	}
	var bad any
	yaml.Unmarshal([]byte("pixelid: x\nrules: {pii-raw: loud}\n"), &bad)
	if vs := schema.Validate("config", bad); len(vs) < 2 {
		t.Errorf("config schema accepts a bad config: %+v", vs)
	}
}
