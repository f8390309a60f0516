package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/natsq"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// natsFlags are log's queue-consumer flags (--nats and its companions).
type natsFlags struct {
	url, creds string
	o          natsq.Options
}

func (n *natsFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&n.url, "nats", "", "consume records from a NATS JetStream stream as a member of the queue group --queue, one record per message (servers as nats://[user:password@]host:4222, comma-separated; see docs/scale.md)")
	f.StringVar(&n.o.Subject, "subject", "", "with --nats: the subject the records are published on (wildcards allowed)")
	f.StringVar(&n.o.Group, "queue", "", "with --nats: the queue group, the same on every member that shares the work (the name of the stream's durable consumer)")
	f.StringVar(&n.o.ValidSubject, "valid-subject", "", "with --nats: republish each record without a finding at or above --fail-on, unchanged, on this subject")
	f.StringVar(&n.o.InvalidSubject, "invalid-subject", "", "with --nats: republish each record with a finding at or above --fail-on, unchanged, on this subject, its findings in the Oaiq-Lint-Findings header")
	f.StringVar(&n.o.Stream, "stream-name", "", "with --nats: the JetStream stream to consume (default: the one that stores --subject)")
	f.StringVar(&n.creds, "nats-creds", "", "with --nats: a NATS credentials file (user JWT and seed)")
	f.IntVar(&n.o.MaxInFlight, "max-in-flight", natsq.DefaultMaxInFlight, "with --nats: most records this member holds at once, pulled and not yet acknowledged")
	f.DurationVar(&n.o.AckWait, "ack-wait", natsq.DefaultAckWait, "with --nats: how long the server waits for a record's acknowledgement before giving it to another member")
	f.BoolVar(&n.o.UntilEmpty, "until-empty", false, "with --nats: stop once the queue has nothing left (no record undelivered or awaiting acknowledgement), the exit status then saying whether a record was invalid")
}

// changed names the first queue flag given on the command line, "" when
// none was.
func (n *natsFlags) changed(cmd *cobra.Command) string {
	for _, name := range []string{"nats", "subject", "queue", "valid-subject", "invalid-subject", "stream-name", "nats-creds", "max-in-flight", "ack-wait", "until-empty"} {
		if cmd.Flags().Changed(name) {
			return "--" + name
		}
	}
	return ""
}

// natsResult is the line `log --nats` writes for each record acknowledged.
type natsResult struct {
	Stream    string          `json:"stream"`
	Seq       uint64          `json:"seq"`
	Delivered uint64          `json:"delivered"`
	Subject   string          `json:"subject"`
	Valid     bool            `json:"valid"`
	To        string          `json:"to"`
	Findings  json.RawMessage `json:"findings"`
}

// runLogNATS is `log --nats`: a member of a queue group on a JetStream
// stream (see internal/natsq). It writes one JSON line per record
// acknowledged and runs until Ctrl-C or SIGTERM (exit 130), or with
// --until-empty until the queue has nothing left (exit 1 when a record was
// invalid).
func runLogNATS(ctx context.Context, o *logOptions, l *lintRun, opts lint.Options) error {
	switch {
	case len(o.paths) > 0:
		return usageErrorf("--nats reads records from the queue: give no file")
	case o.stream:
		return usageErrorf("--nats and --stream are two ways to read records: choose one")
	case o.validOut != "" || o.invalidOut != "":
		return usageErrorf("with --nats, records go to --valid-subject and --invalid-subject, not to files (--valid-out, --invalid-out)")
	case o.formatSet:
		return usageErrorf("--nats writes its own JSON Lines (one result per record): leave out --format")
	case l.g.maxPerRuleSet && l.g.maxPerRule > 0:
		return usageErrorf("--nats gives every finding of each record: leave out --max-findings-per-rule")
	case l.g.project.shard != "":
		return usageErrorf("--nats shares records among the queue's members: leave out --shard and start more members instead")
	case l.g.project.writeBaseline != "":
		return usageErrorf("--nats runs without end: write a baseline from a log file (log --write-baseline FILE LOG)")
	}
	if err := o.nats.o.Check(); err != nil {
		return usageError{err: err}
	}
	nc, err := natsq.Connect(o.nats.url, o.nats.creds)
	if err != nil {
		return err
	}
	defer nc.Close()
	joinCtx, cancel := context.WithTimeout(ctx, time.Minute)
	m, err := natsq.Join(joinCtx, nc, o.nats.o)
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		return err
	}
	fmt.Fprintf(o.io.ErrOut, "oaiq-lint: member of queue %s on stream %s (subject %s) at %s\n", o.nats.o.Group, m.Stream(), o.nats.o.Subject, natsq.RedactURL(nc.ConnectedUrlRedacted()))
	out := bufio.NewWriter(o.io.Out)
	res, err := m.Run(ctx, opts, func(r natsq.Record) error {
		findings := r.FindingsJSON
		if findings == "" {
			findings = "[]"
		}
		b, err := json.Marshal(natsResult{Stream: r.Stream, Seq: r.Seq, Delivered: r.Delivered, Subject: r.Subject, Valid: r.Valid, To: r.To, Findings: json.RawMessage(findings)})
		if err != nil {
			return err
		}
		out.Write(b)
		out.WriteByte('\n')
		if err := out.Flush(); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	})
	switch {
	case errors.Is(err, lint.ErrInterrupted):
		return errInterrupted
	case err != nil:
		return err
	case res.Failed:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}
