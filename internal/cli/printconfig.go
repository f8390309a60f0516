package cli

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// resolvedConfig is the configuration as a run applies it, in the file's
// own keys, for --print-config.
type resolvedConfig struct {
	PixelID   string              `yaml:"pixel_id,omitempty"`
	Root      string              `yaml:"root,omitempty"`
	FailOn    string              `yaml:"fail_on"`
	Rules     map[string]string   `yaml:"rules,omitempty"`
	Ignore    []string            `yaml:"ignore,omitempty"`
	Crawl     *resolvedCrawl      `yaml:"crawl,omitempty"`
	Overrides []resolvedOverrides `yaml:"overrides,omitempty"`
}

type resolvedCrawl struct {
	AllowHosts []string `yaml:"allow_hosts"`
}

type resolvedOverrides struct {
	Files []string          `yaml:"files"`
	Rules map[string]string `yaml:"rules"`
}

func severities(m map[string]model.Severity) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for id, sev := range m {
		out[id] = "off"
		if sev != 0 {
			out[id] = sev.String()
		}
	}
	return out
}

// printConfig writes which configuration file applies (or that none does)
// and what it resolved to: paths made absolute, the failure threshold the
// flags and the file settle on.
func (l *lintRun) printConfig() error {
	cfg := l.project.cfg
	switch {
	case cfg.Path != "":
		fmt.Fprintf(l.io.Out, "# configuration: %s\n", cfg.Path)
	case l.g.project.noConfig:
		fmt.Fprintln(l.io.Out, "# configuration: none (--no-config): the defaults")
	default:
		fmt.Fprintf(l.io.Out, "# configuration: none found (%s, searched upward from the path linted and the working directory): the defaults\n", config.FileName)
	}
	failOn := l.g.failOn
	if !l.g.failOnSet && cfg.FailOn != "" {
		failOn = cfg.FailOn
	}
	out := resolvedConfig{PixelID: cfg.PixelID, Root: cfg.Root, FailOn: failOn, Rules: severities(cfg.Rules), Ignore: cfg.Ignore}
	if len(cfg.AllowHosts) > 0 {
		out.Crawl = &resolvedCrawl{AllowHosts: cfg.AllowHosts}
	}
	for _, o := range cfg.Overrides {
		out.Overrides = append(out.Overrides, resolvedOverrides{Files: o.Files, Rules: severities(o.Rules)})
	}
	b, err := yaml.Marshal(out)
	if err != nil {
		return err
	}
	_, err = l.io.Out.Write(b)
	return err
}
