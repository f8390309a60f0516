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

	"github.com/oaiq-lint/oaiq-lint/internal/discover"
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
	// paths are the local paths linted, where the configuration is looked
	// for first.
	paths []string
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
	pr, err := l.g.project.load(l.paths)
	if err != nil {
		return lint.Options{}, err
	}
	l.project = pr
	threshold, err := l.failThreshold()
	if err != nil {
		return lint.Options{}, err
	}
	if l.g.maxPerRuleSet {
		if l.g.maxPerRule < 0 {
			return lint.Options{}, usageErrorf("--max-findings-per-rule must be 0 or more (0: keep all), got %d", l.g.maxPerRule)
		}
		pr.cfg.MaxFindingsPerRule = l.g.maxPerRule
	}
	if l.g.project.printConfig {
		if err := l.printConfig(); err != nil {
			return lint.Options{}, err
		}
		return lint.Options{}, &ExitError{Code: ExitOK}
	}
	return lint.Options{Config: pr.cfg, ShardIndex: pr.shardI, Shards: pr.shardN, Baseline: pr.baseline,
		BaselineRecorder: pr.recorder, FailOn: threshold, Record: l.record != "", NoIgnore: l.g.project.noIgnore}, nil
}

// outputs are the files a run writes; each replaces its named file only
// when committed.
type outputs []*outputFile

// commit renames every file into place; the first failure is returned.
func (o outputs) commit() error {
	var first error
	for _, f := range o {
		if err := f.commit(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// abort drops every file not yet committed.
func (o outputs) abort() {
	for _, f := range o {
		f.abort()
	}
}

// openReporters builds one reporter per --format. At most one may write to
// standard output; NAME=FILE writes to a file (never coloured), which
// replaces the named file only when the run commits it.
func (l *lintRun) openReporters() (report.Multi, outputs, error) {
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
	opts.AutomationID = automationID(l.io)
	var reps report.Multi
	var files outputs
	if path := l.io.getenv("GITHUB_STEP_SUMMARY"); path != "" && slices.ContainsFunc(l.g.formats, func(f string) bool { return strings.HasPrefix(f, "github") }) {
		// What annotations cannot show goes to the job's summary page,
		// appended to as it is: the job's steps share it.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("$GITHUB_STEP_SUMMARY: %w", lint.Explain(err))
		}
		files = append(files, &outputFile{File: f})
		opts.StepSummary = f
	}
	toStdout := 0
	for _, spec := range l.g.formats {
		name, path, toFile := strings.Cut(spec, "=")
		var w io.Writer
		if toFile {
			if path == "" {
				files.abort()
				return nil, nil, usageErrorf("--format %s: missing file name after '='", spec)
			}
			f, err := createOutput(path)
			if err != nil {
				files.abort()
				return nil, nil, usageError{err: fileError("--format "+name+"=", path, err, true)}
			}
			files = append(files, f)
			w = f
			if name == "text" {
				w = l.io.colorWriter(f, l.g.color, false) // a file is no terminal: styled only with --color always
			}
		} else {
			toStdout++
			if toStdout > 1 {
				files.abort()
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
			files.abort()
			return nil, nil, usageErrorf("--format: %v", err)
		}
		reps = append(reps, rep)
	}
	return reps, files, nil
}

// automationID names the analysis for SARIF: "oaiq-lint/JOB/RUN" on
// GitHub Actions (the job's id, then the run, so code scanning keeps one
// category per job), "oaiq-lint/" elsewhere.
func automationID(io *IOStreams) string {
	category := "oaiq-lint/"
	if job := io.getenv("GITHUB_JOB"); job != "" {
		category += job + "/"
	}
	return category + io.getenv("GITHUB_RUN_ID")
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
	// summary may add to the run's summary before the reports end (how
	// much of the site a crawl saw).
	summary func(*report.Summary)
	// recordPageURL gives a recorded call with no URL of its own the URL
	// of the input it came from (a crawled page).
	recordPageURL bool
	// fixes tells the results whose fixes the command can apply (check's
	// files); nil: none, and the text output does not call them fixable.
	fixes func(*lint.Result) bool
}

// run lints inputs through the pipeline with opts and feeds the ordered
// results to the reporters and --record; it returns the exit status. An
// interrupted run still ends its reports and closes its files, over what
// was linted before the interrupt.
func (l *lintRun) run(ctx context.Context, opts lint.Options, inputs iter.Seq[lint.Input], hooks runHooks) (err error) {
	reps, files, err := l.openReporters()
	if err != nil {
		return err
	}
	// Whatever ends the run before its outputs are committed (an error,
	// an interruption, a panic) leaves the previous files as they were.
	defer func() { files.abort() }()
	var rec *eventlog.Writer
	if l.record != "" {
		recFile, err := createOutput(l.record)
		if err != nil {
			return usageError{err: fileError("--record", l.record, err, true)}
		}
		files = append(files, recFile)
		rec = eventlog.NewWriter(recFile)
	}
	var repErr error // the first failure to write; the run goes on to its end
	unreadable, noFiles := false, false
	linted, ignored := 0, 0
	consume := func(r *lint.Result) error {
		var none *discover.NoFilesError
		switch {
		case errors.As(r.Err, &none):
			noFiles = true
			fmt.Fprintf(l.io.ErrOut, "%s\n", report.Printable("oaiq-lint: "+none.Error()))
			return nil
		case r.Err != nil:
			unreadable = true
			fmt.Fprintf(l.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", r.Name, r.Err)))
			return nil
		case r.Ignored:
			ignored++
			fmt.Fprintf(l.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: ignored by %s: use --no-ignore to lint it", r.Name, l.project.cfg.Path)))
			return nil
		case r.Skipped != "":
			return nil
		}
		linted++
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
		r.Report.NoFixes = hooks.fixes == nil || !hooks.fixes(r)
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
	if hooks.summary != nil {
		hooks.summary(&out.Summary)
	}
	if repErr == nil {
		repErr = reps.Finish(out.Summary)
	}
	if errors.Is(runErr, lint.ErrInterrupted) {
		return errInterrupted // partial reports replace no file; the baseline is not written from them
	}
	if repErr == nil {
		repErr = l.g.project.finish(l.project, l.io.ErrOut)
	}
	if repErr == nil {
		repErr = files.commit()
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
	case noFiles:
		return &ExitError{Code: ExitUsage}
	case ignored > 0 && linted == 0 && !unreadable:
		fmt.Fprintf(l.io.ErrOut, "oaiq-lint: no files to lint: every file named is ignored by %s\n", report.Printable(l.project.cfg.Path))
		return &ExitError{Code: ExitUsage}
	case unreadable:
		return &ExitError{Code: ExitInput}
	case out.Failed && l.project.recorder == nil:
		// With --write-baseline the findings are the ones being accepted:
		// the run that records them succeeds.
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
