package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// runLogStream is `log --stream`: JSON Lines from standard input, one
// result per record written (and flushed) as soon as it is known, in
// order, each record copied unchanged to --valid-out or --invalid-out. A
// record is invalid when one of its own findings is at or above
// --fail-on. Findings the rules that compare records make later about an
// earlier record (a measure before the init that follows it) come with
// the record that revealed them; those only the end of the stream decides
// come in a last result.
func runLogStream(ctx context.Context, o *logOptions, l *lintRun, opts lint.Options) (err error) {
	if len(o.paths) > 1 || len(o.paths) == 1 && o.paths[0] != "-" {
		return usageErrorf("--stream reads standard input: give no file (or -)")
	}
	if o.formatSet {
		return usageErrorf("--stream writes its own JSON Lines (one result per record): leave out --format")
	}
	// A record's result is its own findings, all of them: a cap on
	// findings per rule would make a record past it look valid.
	if l.g.maxPerRuleSet && l.g.maxPerRule > 0 {
		return usageErrorf("--stream writes every finding of each record: leave out --max-findings-per-rule")
	}
	opts.Config.MaxFindingsPerRule = 0
	var valid, invalid *bufio.Writer
	for _, f := range []struct {
		path string
		w    **bufio.Writer
		flag string
	}{{o.validOut, &valid, "--valid-out"}, {o.invalidOut, &invalid, "--invalid-out"}} {
		if f.path == "" {
			continue
		}
		file, cerr := os.Create(f.path)
		if cerr != nil {
			return usageErrorf("%s: %v", f.flag, cerr)
		}
		defer func() {
			if cerr := file.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("%s: %w", f.flag, cerr)
			}
		}()
		*f.w = bufio.NewWriter(file)
	}
	out := bufio.NewWriter(o.io.Out)
	var writeErr, readErr error
	unreadable := false
	consume := func(r *lint.Result) error {
		if r.Err != nil {
			unreadable = true
			fmt.Fprintf(o.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", r.Name, r.Err)))
			return nil
		}
		rec, isRecord := r.Origin.(lint.StreamRecord)
		if !isRecord && len(r.Report.Findings) == 0 {
			return nil
		}
		ok := true
		out.WriteString("{")
		if isRecord {
			for _, f := range r.Report.Findings {
				if f.Span.Start.Line == rec.Line && opts.FailOn != 0 && f.Severity >= opts.FailOn {
					ok = false
				}
			}
			fmt.Fprintf(out, `"line":%d,"valid":%t,`, rec.Line, ok)
		} else {
			out.WriteString(`"end":true,`)
		}
		out.WriteString(`"findings":[`)
		for i, f := range r.Report.Findings {
			b, merr := report.FindingJSON(f, true)
			if merr != nil {
				return merr
			}
			if i > 0 {
				out.WriteByte(',')
			}
			out.Write(b)
		}
		out.WriteString("]}\n")
		if isRecord {
			w := invalid
			if ok {
				w = valid
			}
			if w != nil {
				w.Write(rec.Text)
				w.WriteByte('\n')
				if werr := w.Flush(); werr != nil {
					return werr
				}
			}
		}
		// One result per record as it arrives: whoever reads the other end
		// of the pipe sees it now.
		if werr := out.Flush(); werr != nil {
			writeErr = werr
			return werr
		}
		return nil
	}
	res, runErr := lint.New(opts).Run(ctx, lint.Stream("<stdin>", boundedio.Cancelable(ctx, o.io.In), o.maxSize, &readErr), consume)
	switch {
	case errors.Is(runErr, lint.ErrInterrupted):
		return errInterrupted
	case writeErr != nil:
		return fmt.Errorf("writing output: %w", writeErr)
	case runErr != nil:
		return fmt.Errorf("writing output: %w", runErr)
	case readErr != nil:
		fmt.Fprintf(o.io.ErrOut, "oaiq-lint: <stdin>: %v\n", readErr)
		return &ExitError{Code: ExitInput}
	case unreadable:
		return &ExitError{Code: ExitInput}
	case res.Failed:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}
