package cli

import (
	"context"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// logOptions are the flags and arguments of `oaiq-lint log`.
type logOptions struct {
	io    *IOStreams
	g     *globalOptions
	paths []string
	// now is --now: when Conversions API requests without their own time
	// were sent ("" when not given).
	now string
	// stream is --stream (see runLogStream), with the files records are
	// copied to; formatSet: --format was given.
	stream               bool
	validOut, invalidOut string
	formatSet            bool
	// maxSize is --max-log-size.
	maxSize int64
	// nats are --nats and its companions (see runLogNATS); natsFlag names
	// the first of them given.
	nats     natsFlags
	natsFlag string
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
checked for deduplication (same pixel, event name and event_id), within a
log and across the files of one run.

Conversions API requests are read too, recognised by content: request
bodies ({"events": […]}), bare event lists, one event per line, request
records with method, URL and body (HTTP client logs), and HAR files; a body
logged as a JSON string is read inside the string. Secrets in them
(Authorization headers, cookies, keys in URLs) are masked before anything
is read. Event timestamps are judged against the record's own time, else
--now. --format json says per file what it held ("inputs").

As a filter, --stream reads JSON Lines from standard input and writes one
result per record as it arrives. As a queue consumer, --nats URL --subject S
--queue GROUP consumes a NATS JetStream stream, one record per message,
sharing it with every other member of GROUP (on any machine): each record
is checked on its own, republished unchanged to --valid-subject or
--invalid-subject (its findings, redacted, in the Oaiq-Lint-Findings
header) and acknowledged once the republish is stored. See docs/scale.md.`,
		Example: `  oaiq-lint log events.jsonl
  oaiq-lint extract ./public | oaiq-lint log -
  oaiq-lint log --format json recorded.json
  oaiq-lint log --now 2026-12-01T10:00:00Z capi-requests.jsonl
  tail -F events.jsonl | oaiq-lint log --stream --valid-out ok.jsonl --invalid-out dead-letter.jsonl
  oaiq-lint log --nats nats://nats.internal:4222 --subject pixel.events --queue oaiq-lint \
      --valid-subject pixel.events-valid --invalid-subject pixel.events-invalid`,
		Args: func(cmd *cobra.Command, args []string) error {
			if o.stream || o.nats.changed(cmd) != "" {
				return nil // standard input or a queue; runLogStream or runLogNATS says what else is wrong
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			o.formatSet = cmd.Flags().Changed("format")
			o.natsFlag = o.nats.changed(cmd)
			return runLog(cmd.Context(), o)
		},
	}
	g.addLintFlags(cmd)
	cmd.Flags().BoolVar(&o.stream, "stream", false, "read JSON Lines from standard input and write one JSON result per record as it arrives, in order (a filter for pipelines; see docs/scale.md)")
	cmd.Flags().StringVar(&o.validOut, "valid-out", "", "with --stream: copy each record without a finding at or above --fail-on, unchanged, to this file")
	cmd.Flags().StringVar(&o.invalidOut, "invalid-out", "", "with --stream: copy each record with a finding at or above --fail-on, unchanged, to this file (a dead-letter file)")
	o.nats.add(cmd)
	cmd.Flags().Int64Var(&o.maxSize, "max-log-size", lint.DefaultMaxLogSize, "most of a log held at once, in bytes: a log read whole (not JSON Lines or a JSON array of records) or one record larger is reported as unreadable (raise this to read it); logs read in pieces may be of any size")
	cmd.Flags().StringVar(&o.now, "now", "", "the time Conversions API requests without their own time were sent (RFC 3339), for the timestamp_ms window")
	return cmd
}

// runLog lints each log, one input per document in it.
func runLog(ctx context.Context, o *logOptions) error {
	l := &lintRun{io: o.io, g: o.g, paths: o.paths}
	opts, err := l.options()
	if err != nil {
		return err
	}
	if o.now != "" {
		t, err := time.Parse(time.RFC3339Nano, o.now)
		if err != nil {
			return usageErrorf("--now: %q is not an RFC 3339 time such as 2026-12-01T10:00:00Z", o.now)
		}
		opts.Now = t
	}
	opts.CrossInputDedup = !isSingleFile(o.paths)
	if o.maxSize <= 0 {
		return usageErrorf("--max-log-size must be a positive number of bytes")
	}
	if os.Getenv("GOMEMLIMIT") == "" && os.Getenv("GOGC") == "" {
		// What a log run holds is bounded (the pieces in flight, the rules'
		// rules.LogState): collect when the heap nears the limit rather
		// than each time it doubles, which keeps a log of any size under
		// 100 MB and spends less time collecting.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(logMemoryLimit))
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	switch {
	case o.nats.url != "":
		return runLogNATS(ctx, o, l, opts)
	case o.natsFlag != "":
		return usageErrorf("%s goes with --nats URL (the queue consumer; see docs/scale.md)", o.natsFlag)
	case o.stream:
		return runLogStream(ctx, o, l, opts)
	}
	if o.validOut != "" || o.invalidOut != "" {
		return usageErrorf("--valid-out and --invalid-out go with --stream")
	}
	// Standard input may block (a terminal, a pipe that never writes): its
	// reads end with the run's context, so Ctrl-C and SIGTERM end the run.
	return l.run(ctx, opts, lint.LogsWithin(o.paths, boundedio.Cancelable(ctx, o.io.In), o.maxSize), runHooks{})
}

// logMemoryLimit is the soft heap limit of a log run.
const logMemoryLimit = 70 << 20

// isSingleFile: the arguments name one regular file (or standard input),
// so no other input can hold an event's twin and none need be kept.
func isSingleFile(args []string) bool {
	if len(args) != 1 {
		return false
	}
	if args[0] == "-" {
		return true
	}
	info, err := os.Stat(args[0])
	return err == nil && info.Mode().IsRegular()
}
