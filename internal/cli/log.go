package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/lint"
)

// logOptions are the flags and arguments of `oaiq-lint log`.
type logOptions struct {
	io    *IOStreams
	g     *globalOptions
	paths []string
}

func newLogCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	o := &logOptions{io: streams, g: g}
	cmd := &cobra.Command{
		Use:   "log FILE... | -",
		Short: "Check JSON event logs (JSON Lines or one JSON array)",
		Long: `Check recorded pixel calls and server events.

A log is JSON Lines or one JSON array. Each record is one of:
  a bare call array, as the pixel's queue holds it:
      ["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]
  a recorded browser call:
      {"args": ["measure", …], "url": "https://…", "ts": "2026-11-26T10:00:00Z", "source": "browser"}
  a server-side event:
      {"source": "server", "pixel_id": "…", "event_name": "order_created",
       "event_id": "order_12345", "data": {…}, "ts": "…"}

A record that cannot be read is reported (log-parse-error) at its line and
the rest is still checked. Findings give the record's line and a JSON
Pointer into the record. Records that carry "file" and "kind" (as extract
writes them) are checked per file, as the page, fragment or script they
came from. Logs holding both browser and server events are
checked for deduplication (same pixel, event name and event_id).`,
		Example: `  oaiq-lint log events.jsonl
  oaiq-lint extract ./public | oaiq-lint log -
  oaiq-lint log --format json recorded.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runLog(cmd.Context(), o)
		},
	}
	g.addLintFlags(cmd)
	return cmd
}

// runLog lints each log, one input per document in it.
func runLog(ctx context.Context, o *logOptions) error {
	l := &lintRun{io: o.io, g: o.g, paths: o.paths}
	opts, err := l.options()
	if err != nil {
		return err
	}
	return l.run(ctx, opts, lint.Logs(o.paths, o.io.In), runHooks{})
}
