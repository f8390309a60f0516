package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// lintRun is the wiring every linting command shares: the project's
// settings turned into lint.Options, and the consumers of lint's ordered
// stream (the reporters and --record).
type lintRun struct {
	io      *IOStreams
	g       *globalOptions
	project *project
	// record is the --record file ("" : none).
	record string
}

// failThreshold parses --fail-on (or the configuration's fail_on when the
// flag was not given); 0 means never fail on findings.
func (l *lintRun) failThreshold() (model.Severity, error) {
	failOn := l.g.failOn
	if !l.g.failOnSet && l.project.cfg.FailOn != "" {
		failOn = l.project.cfg.FailOn
	}
	if failOn == "never" {
		return 0, nil
	}
	sev, err := model.ParseSeverity(failOn)
	if err != nil {
		return 0, usageErrorf("--fail-on: %q is not one of error, warning, info, never", failOn)
	}
	return sev, nil
}

// options loads the project's settings (configuration, baseline, shard)
// into the pipeline's options; every problem is a usage error.
func (l *lintRun) options() (lint.Options, error) {
	pr, err := l.g.project.load()
	if err != nil {
		return lint.Options{}, err
	}
	l.project = pr
	threshold, err := l.failThreshold()
	if err != nil {
		return lint.Options{}, err
	}
	return lint.Options{Config: pr.cfg, ShardIndex: pr.shardI, Shards: pr.shardN, Baseline: pr.baseline,
		BaselineRecorder: pr.recorder, FailOn: threshold, Record: l.record != ""}, nil
}

// openReporters builds one reporter per --format. At most one may write to
// standard output; NAME=FILE writes to a file (never coloured).
func (l *lintRun) openReporters() (report.Multi, func() error, error) {
	if l.g.color != "auto" && l.g.color != "always" && l.g.color != "never" {
		return nil, nil, usageErrorf("--color must be auto, always or never, got %q", l.g.color)
	}
	opts := report.Options{Tool: report.Tool{Name: "oaiq-lint", Version: Version(), Revision: pixel.Revision}, Quiet: l.g.quiet,
		Rules: reportRules(), StandardEvents: slices.Clone(pixel.StandardEvents)}
	if l.g.reportTime {
		opts.ReportTime = time.Now().UTC().Truncate(time.Second)
	}
	if wd, err := os.Getwd(); err == nil {
		opts.BaseDir = wd // CI runs from the repository root
	}
	var reps report.Multi
	var files []*os.File
	closeAll := func() error {
		var first error
		for _, f := range files {
			if err := f.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	toStdout := 0
	for _, spec := range l.g.formats {
		name, path, toFile := strings.Cut(spec, "=")
		var w io.Writer
		if toFile {
			if path == "" {
				closeAll()
				return nil, nil, usageErrorf("--format %s: missing file name after '='", spec)
			}
			f, err := os.Create(path)
			if err != nil {
				closeAll()
				return nil, nil, usageErrorf("--format %s: %v", spec, err)
			}
			files = append(files, f)
			w = f
			if name == "text" {
				w = l.io.colorWriter(f, l.g.color, false) // a file is no terminal: styled only with --color always
			}
		} else {
			toStdout++
			if toStdout > 1 {
				closeAll()
				return nil, nil, usageErrorf("only one --format may write to standard output; give the others a file: NAME=FILE")
			}
			w = l.io.Out
			if name == "text" {
				// Only the human format is styled; machine formats go out as written.
				w = l.io.colorWriter(l.io.Out, l.g.color, l.io.StdoutTTY)
			}
		}
		rep, err := report.New(name, w, opts)
		if err != nil {
			closeAll()
			return nil, nil, usageErrorf("--format: %v", err)
		}
		reps = append(reps, rep)
	}
	return reps, closeAll, nil
}

// runHooks let a command add consumers to the stream (the crawl summary)
// and decide on its own exit status.
type runHooks struct {
	// each sees every result after the reporters did.
	each func(*lint.Result)
	// exit, when set, may turn a finished run into an exit status.
	exit func() error
	// afterFinish runs once the reports are closed (the crawl summary).
	afterFinish func()
	// recordPageURL gives a recorded call with no URL of its own the URL
	// of the input it came from (a crawled page).
	recordPageURL bool
}

// run lints inputs through the pipeline with opts and feeds the ordered
// results to the reporters and --record; it returns the exit status. An
// interrupted run still ends its reports and closes its files, over what
// was linted before the interrupt.
func (l *lintRun) run(ctx context.Context, opts lint.Options, inputs iter.Seq[lint.Input], hooks runHooks) (err error) {
	reps, closeFiles, err := l.openReporters()
	if err != nil {
		return err
	}
	var rec *eventlog.Writer
	var recFile *os.File
	if l.record != "" {
		if recFile, err = os.Create(l.record); err != nil {
			closeFiles()
			return usageErrorf("--record: %v", err)
		}
		rec = eventlog.NewWriter(recFile)
	}
	var repErr error // the first failure to write; the run goes on to its end
	unreadable := false
	consume := func(r *lint.Result) error {
		if r.Err != nil {
			unreadable = true
			fmt.Fprintf(l.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", r.Name, r.Err)))
			return nil
		}
		for i := range r.Records {
			if rec != nil && repErr == nil {
				if r.Records[i].URL == "" && hooks.recordPageURL {
					r.Records[i].URL = r.Name
				}
				if err := rec.Write(r.Records[i]); err != nil {
					repErr = fmt.Errorf("--record: %w", err)
				}
			}
		}
		if repErr == nil {
			repErr = reps.Result(r.Report)
		}
		if hooks.each != nil {
			hooks.each(r)
		}
		return nil
	}
	out, runErr := lint.New(opts).Run(ctx, inputs, consume)
	if runErr != nil && !errors.Is(runErr, lint.ErrInterrupted) {
		repErr = errors.Join(repErr, runErr)
	}
	if repErr == nil {
		repErr = reps.Finish(out.Summary)
	}
	if err := closeFiles(); repErr == nil {
		repErr = err
	}
	if recFile != nil {
		if err := recFile.Close(); repErr == nil && err != nil {
			repErr = fmt.Errorf("--record: %w", err)
		}
	}
	if errors.Is(runErr, lint.ErrInterrupted) {
		return errInterrupted // partial reports are closed; the baseline is not written from them
	}
	if err := l.g.project.finish(l.project, l.io.ErrOut); repErr == nil {
		repErr = err
	}
	if repErr != nil {
		return fmt.Errorf("writing output: %w", repErr)
	}
	if hooks.afterFinish != nil {
		hooks.afterFinish()
	}
	if hooks.exit != nil {
		if err := hooks.exit(); err != nil {
			return err
		}
	}
	switch {
	case unreadable:
		return &ExitError{Code: ExitInput}
	case out.Failed:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
