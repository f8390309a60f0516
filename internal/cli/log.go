package cli

import (
	"io"
	"iter"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func newLogCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	var now string
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

Conversions API requests are read too, recognised by content: request
bodies ({"events": […]}), bare event lists, one event per line, request
records with method, URL and body (HTTP client logs), and HAR files; a body
logged as a JSON string is read inside the string. Secrets in them
(Authorization headers, cookies, keys in URLs) are masked before anything
is read. Event timestamps are judged against the record's own time, else
--now. --format json says per file what it held ("inputs").

A record that cannot be read is reported (log-parse-error) at its line and
the rest is still checked. Findings give the record's line and a JSON
Pointer into the record. Records that carry "file" and "kind" (as extract
writes them) are checked per file, as the page, fragment or script they
came from. Logs holding both browser and server events are
checked for deduplication (same pixel, event name and event_id).`,
		Example: `  oaiq-lint log events.jsonl
  oaiq-lint extract ./public | oaiq-lint log -
  oaiq-lint log --format json recorded.json
  oaiq-lint log --now 2026-12-01T10:00:00Z capi-requests.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			run := &lintRun{io: streams, g: g, single: isSingleFile(args)}
			if now != "" {
				t, err := time.Parse(time.RFC3339Nano, now)
				if err != nil {
					return usageErrorf("--now: %q is not an RFC 3339 time such as 2026-12-01T10:00:00Z", now)
				}
				run.now = t
			}
			return run.run(cmd.Context(), logInputs(args, streams.In))
		},
	}
	g.addLintFlags(cmd)
	cmd.Flags().StringVar(&now, "now", "", "the time Conversions API requests without their own time were sent (RFC 3339), for the timestamp_ms window")
	return cmd
}

// logInputs reads each log when the run reaches it and yields one input
// per document in it: a log that extract wrote holds the calls of many
// pages and scripts, each checked as check checked it. A large log of
// Conversions API requests is read in pieces as the run takes them, so
// memory stays flat (eventlog.ReadPieces).
func logInputs(paths []string, stdin io.Reader) iter.Seq[input] {
	return func(yield func(input) bool) {
		for _, path := range paths {
			fail := func(err error) bool {
				return yield(input{name: path, load: func() (*model.Document, []*source.File, error) { return nil, nil, err }})
			}
			r, name, closeFn, err := openLog(path, stdin)
			if err != nil {
				if !fail(err) {
					return
				}
				continue
			}
			stopped := false
			err = eventlog.ReadPieces(name, r, eventlog.WholeLimit, func(p eventlog.Piece) bool {
				for _, doc := range p.Docs {
					load := func() (*model.Document, []*source.File, error) { return doc, []*source.File{p.File}, nil }
					if !yield(input{name: path, load: load, continues: p.Continues}) {
						stopped = true
						return false
					}
				}
				return true
			})
			closeFn()
			if stopped {
				return
			}
			if err != nil && !fail(err) {
				return
			}
		}
	}
}

// openLog opens a log file, or standard input for "-".
func openLog(path string, stdin io.Reader) (io.Reader, string, func(), error) {
	if path == "-" {
		return stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}
