package cli

import (
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/baseline"
	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/suppress"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// projectFlags are the flags that adapt a run to a repository: its
// configuration, a baseline of accepted findings, and a CI shard.
type projectFlags struct {
	configPath    string
	baselinePath  string
	writeBaseline string
	shard         string
}

func (p *projectFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&p.configPath, "config", "", "configuration file (default: "+config.FileName+" in the working directory or a parent)")
	f.StringVar(&p.baselinePath, "baseline", "", "report only findings that are not in this baseline file")
	f.StringVar(&p.writeBaseline, "write-baseline", "", "record today's findings in this file (then use --baseline)")
	f.StringVar(&p.shard, "shard", "", "lint only shard I of N of the inputs (I/N, e.g. 2/4), to split a large site across CI jobs")
}

// project is a repository's settings for one run.
type project struct {
	cfg            *config.Config
	shardI, shardN int
	baseline       *baseline.Baseline
	recorder       *baseline.Recorder
	// reported holds the findings already reported in this run: a script
	// that several pages include (and that is linted on its own too) has
	// its problems reported once.
	reported map[model.Finding]bool
}

// loadProject reads the configuration, baseline and shard; every problem
// is a usage error (exit 2).
func (p *projectFlags) load() (*project, error) {
	pr := &project{cfg: &config.Config{}, reported: map[model.Finding]bool{}}
	path := p.configPath
	if path == "" {
		if wd, err := os.Getwd(); err == nil {
			path = config.Find(wd)
		}
	}
	if path != "" {
		cfg, err := config.Load(path, func(id string) bool { return rules.Lookup(id) != nil })
		if err != nil {
			return nil, usageErrorf("configuration: %v", err)
		}
		pr.cfg = cfg
	}
	if p.shard != "" {
		i, n, ok := parseShard(p.shard)
		if !ok {
			return nil, usageErrorf("--shard wants I/N with 1 ≤ I ≤ N, such as 1/4; got %q", p.shard)
		}
		pr.shardI, pr.shardN = i, n
	}
	if p.baselinePath != "" {
		b, err := baseline.Load(p.baselinePath)
		if err != nil {
			return nil, usageErrorf("--baseline: %v", err)
		}
		pr.baseline = b
	}
	if p.writeBaseline != "" {
		pr.recorder = baseline.NewRecorder()
	}
	return pr, nil
}

func parseShard(s string) (int, int, bool) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return i, n, ok && err1 == nil && err2 == nil && n >= 1 && i >= 1 && i <= n
}

// selects reports whether this run lints the input named name: not ignored
// by the configuration, and in this shard. Shards hash the name, so adding
// a page does not move the others to another shard.
func (pr *project) selects(name string) bool {
	if pr.cfg.Ignored(name) {
		return false
	}
	if pr.shardN <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32()%uint32(pr.shardN)) == pr.shardI-1
}

// ruleOptions are the rule settings for one input.
func (pr *project) ruleOptions(name string) rules.Options {
	sev, off := pr.cfg.RulesFor(name)
	return rules.Options{Severity: sev, Off: off, PixelID: pr.cfg.PixelID}
}

// suppress applies the inline suppressions of the files a result points
// into. It runs in the worker: it only reads the result's own sources.
func suppressInline(res *report.Result, opts rules.Options) {
	var dirs []*suppress.Directive
	for _, f := range res.Sources {
		d, bad := suppress.Parse(f, func(id string) bool { return rules.Lookup(id) != nil })
		dirs = append(dirs, d...)
		for _, b := range bad {
			if !opts.Off[b.Rule] {
				res.Findings = append(res.Findings, b)
			}
		}
	}
	if len(dirs) == 0 {
		return
	}
	res.Findings = suppress.Apply(res.Findings, dirs)
	if opts.Off[suppress.UnusedRule] {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if f.Rule != suppress.UnusedRule {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
	rules.SortFindings(res.Findings)
}

// settle drops findings already reported for another input, applies the
// baseline and records findings for --write-baseline.
// It runs in the single goroutine that reports, in input order, so the
// baseline's counts are consumed deterministically.
func (pr *project) settle(res *report.Result) {
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if !pr.reported[f] {
			pr.reported[f] = true
			kept = append(kept, f)
		}
	}
	res.Findings = kept
	if pr.recorder != nil {
		pr.recorder.Add(res.Findings, res.Sources)
	}
	if pr.baseline != nil {
		res.Findings = pr.baseline.Filter(res.Findings, res.Sources)
	}
}

// finish writes the baseline file when asked.
func (p *projectFlags) finish(pr *project, errOut io.Writer) error {
	if pr.baseline != nil && pr.baseline.Hidden > 0 {
		fmt.Fprintf(errOut, "oaiq-lint: %s in the baseline %s not reported\n", plural(pr.baseline.Hidden, "known finding", "known findings"), p.baselinePath)
	}
	if pr.recorder == nil {
		return nil
	}
	f, err := os.Create(p.writeBaseline)
	if err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := pr.recorder.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("--write-baseline: %w", err)
	}
	fmt.Fprintf(errOut, "oaiq-lint: wrote baseline %s\n", p.writeBaseline)
	return f.Close()
}
