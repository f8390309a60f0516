package cli

import (
	"io"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func newLogCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
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
Pointer into the record. Logs holding both browser and server events are
checked for deduplication (same pixel, event name and event_id).`,
		Example: `  oaiq-lint log events.jsonl
  oaiq-lint extract ./public | oaiq-lint log -
  oaiq-lint log --format json recorded.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs := make([]input, len(args))
			for i, arg := range args {
				inputs[i] = logInput(arg, streams.In)
			}
			run := &lintRun{io: streams, g: g}
			return run.run(cmd.Context(), slices.Values(inputs))
		},
	}
	g.addLintFlags(cmd)
	return cmd
}

func logInput(path string, stdin io.Reader) input {
	return input{name: path, load: func() (*model.Document, []*source.File, error) {
		var data []byte
		var err error
		name := path
		if path == "-" {
			name = "<stdin>"
			data, err = io.ReadAll(stdin)
		} else {
			data, err = os.ReadFile(path)
		}
		if err != nil {
			return nil, nil, err
		}
		doc, f := eventlog.Parse(name, data)
		return doc, []*source.File{f}, nil
	}}
}
