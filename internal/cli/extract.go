package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// extractOptions are the flags and arguments of `oaiq-lint extract`.
type extractOptions struct {
	io     *IOStreams
	source sourceOptions
	args   []string
}

func newExtractCmd(streams *IOStreams) *cobra.Command {
	o := &extractOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "extract PATH... | URL... | -",
		Short: "Print the pixel calls found in pages and scripts, as an event log",
		Long: `Print every oaiq(…) call found in the given pages, templates and scripts as
JSON Lines in the event-log format (docs/event-log.md), one browser record
per call with its file, the kind of that file (page, fragment, script), line
and column; an event server code posts to the Conversions API is a server
event record (without the request's URL, which may hold a key). Values only
known at run time are
written as {"$dynamic": "expression"}, so the log can be linted later:

  oaiq-lint extract ./public | oaiq-lint log -

Problems reading the inputs (unreadable files, scripts that do not parse)
are printed on standard error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			return runExtract(cmd.Context(), o)
		},
	}
	o.source.addFlags(cmd)
	return cmd
}

// runExtract prints the calls of every input, in input order, as event-log
// records; what the sources themselves reported goes to standard error.
func runExtract(ctx context.Context, o *extractOptions) error {
	out := bufio.NewWriter(o.io.Out)
	w := eventlog.NewWriter(out)
	failed := false
	opts := lint.Options{ExtractOnly: true, Record: true}
	_, err := lint.New(opts).Run(ctx, lint.Targets(o.args, o.io.In, o.source.lintOptions(nil)), func(r *lint.Result) error {
		if r.Err != nil {
			failed = true
			fmt.Fprintf(o.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", r.Name, r.Err)))
			return nil
		}
		for _, f := range r.Report.Findings {
			fmt.Fprintf(o.io.ErrOut, "%s\n", report.Printable(fmt.Sprintf("%s: %s: %s [%s]", f.Span, f.Severity, f.Message, f.Rule)))
		}
		for _, rec := range r.Records {
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	switch {
	case errors.Is(err, lint.ErrInterrupted):
		return errInterrupted
	case err != nil:
		return err
	case failed:
		return &ExitError{Code: ExitInput}
	}
	return nil
}
