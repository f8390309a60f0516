// Package config reads .oaiq-lint.yaml: per-rule severities, ignored paths,
// the project's Pixel ID, the failure threshold, hosts a crawl may visit,
// and per-path overrides. Every mistake in the file is an error that names
// the key and its line, because a silently ignored setting is worse than none.
package config

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/glob"
	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// FileName is the configuration file searched for upward from the working
// directory.
const FileName = ".oaiq-lint.yaml"

// Config is a parsed configuration.
type Config struct {
	// Path of the file, "" for the empty default.
	Path string
	// Dir is the folder paths in the file are relative to.
	Dir string
	// PixelID the project expects ("" for any).
	PixelID string
	// Root is the site root for root-relative script paths such as
	// /js/pixel.js, resolved against Dir ("" : not set; --root wins).
	Root string
	// FailOn is "error", "warning", "info", "never" or "" (not set).
	FailOn string
	// Rules maps a rule id to a severity, or to 0 for off.
	Rules map[string]model.Severity
	// Ignore globs (slash-separated, relative to Dir) of paths not linted.
	Ignore []string
	// AllowHosts a crawl may visit besides the start hosts.
	AllowHosts []string
	// Overrides adjust rules for the paths their globs match, in order.
	Overrides []Override
	// MaxFindingsPerRule keeps the first N findings of each rule and counts
	// the rest (max_findings_per_rule; 0: no cap).
	MaxFindingsPerRule int
}

// Override is a per-path rules section.
type Override struct {
	Files []string
	Rules map[string]model.Severity
}

// Error is a mistake in the file, at a line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Find looks for FileName in dir and its parents; "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// maxFile is the largest configuration file read.
const maxFile = 4 << 20

// Load reads and validates the file at p. known tells whether a rule id
// exists; ids, when given, are the rule ids an unknown one is compared
// with for a did-you-mean.
func Load(p string, known func(id string) bool, ids ...string) (*Config, error) {
	data, err := boundedio.ReadFile(p, maxFile)
	if err != nil {
		return nil, err
	}
	return Parse(p, data, known, ids...)
}

// Parse validates data as the configuration file at p.
func Parse(p string, data []byte, known func(id string) bool, ids ...string) (*Config, error) {
	cfg := &Config{Path: p, Dir: filepath.Dir(p)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Path: p, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file is a valid, empty configuration
	}
	r := &reader{path: p, known: known, ids: ids}
	r.top(doc.Content[0], cfg)
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return cfg, nil
}

type reader struct {
	path  string
	known func(string) bool
	ids   []string
	errs  []error
}

func (r *reader) fail(n *yaml.Node, format string, args ...any) {
	r.errs = append(r.errs, &Error{Path: r.path, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
}

// mapping walks a mapping node, calling fn per key; it reports non-mappings.
func (r *reader) mapping(n *yaml.Node, what string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		r.fail(n, "%s must be a mapping", what)
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if first, dup := seen[k.Value]; dup {
			// YAML parsers disagree on which of the two wins: say so rather
			// than silently apply one.
			r.fail(k, "%s: key %q is given twice (first on line %d); keep one", what, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		fn(k.Value, k, n.Content[i+1])
	}
}

var topKeys = []string{"pixel_id", "root", "fail_on", "rules", "ignore", "crawl", "overrides", "max_findings_per_rule"}

func (r *reader) top(n *yaml.Node, cfg *Config) {
	r.mapping(n, "the configuration", func(key string, k, v *yaml.Node) {
		switch key {
		case "pixel_id":
			cfg.PixelID = r.str(v, "pixel_id")
		case "root":
			if cfg.Root = r.str(v, "root"); cfg.Root != "" && !filepath.IsAbs(cfg.Root) {
				cfg.Root = filepath.Join(cfg.Dir, filepath.FromSlash(cfg.Root))
			}
		case "fail_on":
			cfg.FailOn = r.str(v, "fail_on")
			if !oneOf(cfg.FailOn, "error", "warning", "info", "never") {
				r.fail(v, "fail_on: %q is not one of error, warning, info, never", cfg.FailOn)
			}
		case "rules":
			cfg.Rules = r.rules(v, "rules")
		case "max_findings_per_rule":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 0 {
				r.fail(v, "max_findings_per_rule must be a whole number, 0 or more (0: no cap), got %q", v.Value)
			}
			cfg.MaxFindingsPerRule = max(n, 0)
		case "ignore":
			cfg.Ignore = r.globs(v, "ignore")
		case "crawl":
			r.mapping(v, "crawl", func(key string, k, v *yaml.Node) {
				if key != "allow_hosts" {
					r.fail(k, "unknown key crawl.%s%s (known: allow_hosts)", key, didYouMean(key, []string{"allow_hosts"}))
					return
				}
				cfg.AllowHosts = r.strs(v, "crawl.allow_hosts")
			})
		case "overrides":
			if v.Kind != yaml.SequenceNode {
				r.fail(v, "overrides must be a list of {files, rules}")
				return
			}
			for i, item := range v.Content {
				cfg.Overrides = append(cfg.Overrides, r.override(item, fmt.Sprintf("overrides[%d]", i)))
			}
		default:
			r.fail(k, "unknown key %q%s (known: %s)", key, didYouMean(key, topKeys), strings.Join(topKeys, ", "))
		}
	})
}

func (r *reader) override(n *yaml.Node, what string) Override {
	var o Override
	r.mapping(n, what, func(key string, k, v *yaml.Node) {
		switch key {
		case "files":
			o.Files = r.globs(v, what+".files")
		case "rules":
			o.Rules = r.rules(v, what+".rules")
		default:
			r.fail(k, "unknown key %s.%s%s (known: files, rules)", what, key, didYouMean(key, []string{"files", "rules"}))
		}
	})
	if len(o.Files) == 0 {
		r.fail(n, "%s needs files: a list of globs", what)
	}
	return o
}

func (r *reader) rules(n *yaml.Node, what string) map[string]model.Severity {
	out := map[string]model.Severity{}
	r.mapping(n, what, func(id string, k, v *yaml.Node) {
		if !r.known(id) {
			r.fail(k, "%s: unknown rule %q%s (`oaiq-lint rules` lists them)", what, id, didYouMean(id, r.ids))
			return
		}
		val := r.str(v, what+"."+id)
		if val == "off" {
			out[id] = 0
			return
		}
		sev, err := model.ParseSeverity(val)
		if err != nil {
			r.fail(v, "%s.%s: %q is not one of off, error, warning, info", what, id, val)
			return
		}
		out[id] = sev
	})
	return out
}

func (r *reader) globs(n *yaml.Node, what string) []string {
	out := r.strs(n, what)
	for _, g := range out {
		if !glob.Valid(g) {
			r.fail(n, "%s: bad glob %q", what, g)
		}
	}
	return out
}

func (r *reader) strs(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		r.fail(n, "%s must be a list of strings", what)
		return nil
	}
	var out []string
	for _, it := range n.Content {
		out = append(out, r.str(it, what))
	}
	return out
}

func (r *reader) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.fail(n, "%s must be a string", what)
		return ""
	}
	return n.Value
}

func oneOf(s string, opts ...string) bool {
	for _, o := range opts {
		if s == o {
			return true
		}
	}
	return false
}

// RulesFor returns the rule settings for the file at p (as given on the
// command line): the top-level rules, then every matching override in order.
// off is the set of rules turned off; sev the severities overridden.
func (c *Config) RulesFor(p string) (sev map[string]model.Severity, off map[string]bool) {
	sev, off = map[string]model.Severity{}, map[string]bool{}
	apply := func(rules map[string]model.Severity) {
		ids := make([]string, 0, len(rules))
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if rules[id] == 0 {
				off[id] = true
				delete(sev, id)
			} else {
				sev[id] = rules[id]
				delete(off, id)
			}
		}
	}
	apply(c.Rules)
	rel := c.rel(p)
	for _, o := range c.Overrides {
		if matchAny(o.Files, rel) {
			apply(o.Rules)
		}
	}
	return sev, off
}

// Ignored reports whether the file at p matches an ignore glob.
func (c *Config) Ignored(p string) bool { return matchAny(c.Ignore, c.rel(p)) }

// rel makes p relative to the configuration's folder, slash-separated.
func (c *Config) rel(p string) string {
	if c.Dir == "" {
		return filepath.ToSlash(p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	dir, _ := filepath.Abs(c.Dir)
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// matchAny matches a relative path against globs where "**" spans folders
// and a glob without "/" matches the base name anywhere (as in .gitignore).
func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		g = strings.TrimPrefix(g, "./")
		if !strings.Contains(g, "/") {
			if ok, _ := path.Match(g, path.Base(rel)); ok {
				return true
			}
			continue
		}
		if glob.Match(g, rel) {
			return true
		}
	}
	return false
}

// didYouMean is ", did you mean X?" for a near miss among known, else "".
func didYouMean(s string, known []string) string {
	if c := suggest.Nearest(s, known); c != "" {
		return fmt.Sprintf(", did you mean %q?", c)
	}
	return ""
}
