package cli

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// input is one thing to lint. load reads and extracts it; an error means it
// could not be read at all (exit 3), while problems inside it are findings.
type input struct {
	name string
	load func() (*model.Document, []*source.File, error)
}

// lintRun carries what one linting command needs.
type lintRun struct {
	io      *IOStreams
	g       *globalOptions
	project *project
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

// finish ends the reporters with the run's totals, closes output files and
// writes the baseline when asked; it returns the first error, repErr first.
func (l *lintRun) finish(reps report.Multi, closeFiles func() error, sum report.Summary, repErr error) error {
	if repErr == nil {
		repErr = reps.Finish(sum)
	}
	if err := closeFiles(); repErr == nil {
		repErr = err
	}
	if err := l.g.project.finish(l.project, l.io.ErrOut); repErr == nil {
		repErr = err
	}
	return repErr
}

// prepare loads the project's settings (configuration, baseline, shard)
// and returns the --fail-on threshold; every problem is a usage error.
func (l *lintRun) prepare() (model.Severity, error) {
	pr, err := l.g.project.load()
	if err != nil {
		return 0, err
	}
	l.project = pr
	return l.failThreshold()
}

// run lints inputs in parallel (bounded by the CPUs), reports results in
// input order so output is deterministic, and returns the exit status.
func (l *lintRun) run(ctx context.Context, inputs iter.Seq[input]) error {
	threshold, err := l.prepare()
	if err != nil {
		return err
	}
	pr := l.project
	reps, closeFiles, err := l.openReporters()
	if err != nil {
		return err
	}
	// Workers lint at most one input per CPU. Inputs are taken from the
	// walk as the window allows: a slow early input holds back at most
	// `window` finished results (and their sources), and nothing is kept
	// for the inputs still to come, however many there are.
	workers := runtime.GOMAXPROCS(0)
	sem := make(chan struct{}, workers)
	pending := make(chan chan outcome, 4*workers) // in input order
	go func() {
		defer close(pending)
		for in := range inputs {
			if !pr.selects(in.name) {
				continue
			}
			slot := make(chan outcome, 1)
			select {
			case pending <- slot:
			case <-ctx.Done():
				return
			}
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				slot <- l.lintOne(in)
			}()
		}
	}()

	var sum report.Summary
	failed, unreadable := false, false
	var repErr error
	for slot := range pending {
		var o outcome
		select {
		case o = <-slot:
		case <-ctx.Done():
			return ctx.Err()
		}
		if o.err != nil && ctx.Err() != nil {
			return ctx.Err() // interrupted: the inputs still running fail with it, say it once
		}
		if o.err != nil {
			unreadable = true
			sum.Unreadable++
			fmt.Fprintf(l.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", o.name, o.err)))
			continue
		}
		pr.settle(&o.res)
		sum.Add(o.res)
		for _, f := range o.res.Findings {
			if threshold != 0 && f.Severity >= threshold {
				failed = true
			}
		}
		if repErr == nil {
			repErr = reps.Result(o.res)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	repErr = l.finish(reps, closeFiles, sum, repErr)
	if repErr != nil {
		return fmt.Errorf("writing output: %w", repErr)
	}
	switch {
	case unreadable:
		return &ExitError{Code: ExitInput}
	case failed:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

type outcome struct {
	name string // the input's name, for errors
	res  report.Result
	err  error
}

// lintOne loads and checks one input. A panic in a source or rule becomes
// an error for that input instead of ending the run.
func (l *lintRun) lintOne(in input) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = outcome{name: in.name, err: fmt.Errorf("internal error while linting (please report it): %v", r)}
		}
	}()
	doc, files, err := in.load()
	if err != nil {
		return outcome{name: in.name, err: err}
	}
	opts := l.project.ruleOptions(in.name)
	res := report.Result{Path: doc.Path, Calls: len(doc.Calls), Findings: rules.Check(doc, opts),
		Sources: make(map[string]*source.File, len(files))}
	addFacts(&res, doc)
	for _, f := range files {
		res.Sources[f.Name] = f
	}
	suppressInline(&res, opts)
	return outcome{name: in.name, res: res}
}
