package cli

import (
	"bufio"
	"fmt"
	"github.com/oaiq-lint/oaiq-lint/internal/report"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
)

func newExtractCmd(streams *IOStreams) *cobra.Command {
	o := &sourceOptions{}
	cmd := &cobra.Command{
		Use:   "extract PATH... | URL... | -",
		Short: "Print the pixel calls found in pages and scripts, as an event log",
		Long: `Print every oaiq(…) call found in the given pages, templates and scripts as
JSON Lines in the event-log format (docs/event-log.md), one browser record
per call with its file, the kind of that file (page, fragment, script), line
and column. Values only known at run time are
written as {"$dynamic": "expression"}, so the log can be linted later:

  oaiq-lint extract ./public | oaiq-lint log -

Problems reading the inputs (unreadable files, scripts that do not parse)
are printed on standard error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(streams.Out)
			w := eventlog.NewWriter(out)
			failed := false
			for in := range o.targetInputs(cmd.Context(), args, streams.In) {
				doc, _, err := in.load()
				if err != nil {
					failed = true
					fmt.Fprintf(streams.ErrOut, "%s\n", report.Printable(fmt.Sprintf("oaiq-lint: %s: %v", in.name, err)))
					continue
				}
				for _, f := range doc.Findings {
					fmt.Fprintf(streams.ErrOut, "%s\n", report.Printable(fmt.Sprintf("%s: %s: %s [%s]", f.Span, f.Severity, f.Message, f.Rule)))
				}
				for _, c := range doc.Calls {
					if err := w.Write(eventlog.CallRecord(c, doc)); err != nil {
						return err
					}
				}
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if failed {
				return &ExitError{Code: ExitInput}
			}
			return nil
		},
	}
	o.addFlags(cmd)
	return cmd
}
