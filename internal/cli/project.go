package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/baseline"
	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// projectFlags are the flags that adapt a run to a repository: its
// configuration, a baseline of accepted findings, and a CI shard.
type projectFlags struct {
	configPath    string
	baselinePath  string
	writeBaseline string
	shard         string
	noIgnore      bool
	noConfig      bool
	printConfig   bool
}

func (p *projectFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&p.configPath, "config", "", "configuration file (default: "+config.FileName+" in the folder of the first path linted or a parent, else in the working directory or a parent)")
	f.BoolVar(&p.noConfig, "no-config", false, "use no configuration file: the default settings")
	f.BoolVar(&p.printConfig, "print-config", false, "print which configuration file applies and what it resolved to, then exit")
	f.StringVar(&p.baselinePath, "baseline", "", "report only findings that are not in this baseline file")
	f.StringVar(&p.writeBaseline, "write-baseline", "", "record today's findings in this file (then use --baseline)")
	f.BoolVar(&p.noIgnore, "no-ignore", false, "lint the paths the configuration's ignore globs match too")
	f.StringVar(&p.shard, "shard", "", "lint only shard I of N of the inputs (I/N, e.g. 2/4), to split a large site across CI jobs")
}

// project is a repository's settings for one run.
type project struct {
	cfg            *config.Config
	shardI, shardN int
	baseline       *baseline.Baseline
	recorder       *baseline.Recorder
}

// load reads the configuration, baseline and shard; every problem is a
// usage error (exit 2). paths are what the run lints: the configuration is
// looked for from the first local one upward, as ESLint and ruff do, so a
// project's settings apply whatever folder the linter runs from.
func (p *projectFlags) load(paths []string) (*project, error) {
	pr := &project{cfg: &config.Config{}}
	if p.noConfig && p.configPath != "" {
		return nil, usageErrorf("--config and --no-config contradict each other; give one")
	}
	path := p.configPath
	if path == "" && !p.noConfig {
		path = findConfig(paths)
	}
	if path != "" {
		cfg, err := config.Load(path, func(id string) bool { return rules.Lookup(id) != nil }, rules.IDs()...)
		if err != nil {
			return nil, usageErrorf("configuration: %v", lint.Explain(err))
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
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return nil, usageError{err: fileError("--baseline", p.baselinePath, err, false)}
			}
			return nil, usageErrorf("--baseline: %v", err)
		}
		pr.baseline = b
	}
	if p.writeBaseline != "" {
		pr.recorder = baseline.NewRecorder(p.writeBaseline)
	}
	return pr, nil
}

// findConfig looks for the configuration from the folder of the first
// local path (a file's folder, a folder, a pattern's fixed part) upward,
// then from the working directory upward; "" when there is none.
func findConfig(paths []string) string {
	for _, a := range paths {
		if a == "-" || isHTTPURL(a) || a == "" {
			continue
		}
		dir := a
		if i := strings.IndexAny(filepath.ToSlash(dir), "*?[{"); i >= 0 {
			dir = filepath.Dir(dir[:i] + "x")
		} else if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			dir = filepath.Dir(dir)
		}
		if found := config.Find(dir); found != "" {
			return found
		}
		break
	}
	if wd, err := os.Getwd(); err == nil {
		return config.Find(wd)
	}
	return ""
}

func parseShard(s string) (int, int, bool) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return i, n, ok && err1 == nil && err2 == nil && n >= 1 && i >= 1 && i <= n
}

// finish writes the baseline file when asked.
func (p *projectFlags) finish(pr *project, errOut io.Writer) error {
	if pr.baseline != nil && pr.baseline.Hidden > 0 {
		fmt.Fprintf(errOut, "oaiq-lint: %s in the baseline %s not reported\n", report.Plural(pr.baseline.Hidden, "known finding", "known findings"), p.baselinePath)
	}
	if pr.recorder == nil {
		return nil
	}
	f, err := createOutput(p.writeBaseline)
	if err != nil {
		return fileError("--write-baseline", p.writeBaseline, err, true)
	}
	if err := pr.recorder.Write(f); err != nil {
		f.abort()
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := f.commit(); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	fmt.Fprintf(errOut, "oaiq-lint: wrote baseline %s\n", p.writeBaseline)
	return nil
}
