// Package natsq is `oaiq-lint log --nats`: a member of a queue group
// consuming event-log records from a NATS JetStream stream, one record per
// message, each linted on its own (lint.Record), republished unchanged to
// the subject its verdict names, and acknowledged once the republish is
// stored.
//
// Why a shared durable pull consumer: in JetStream a queue group is one
// durable consumer that several processes pull from. The server hands each
// message to one puller at a time, so N copies on N machines share the
// stream and a faster one simply pulls more; a message not acknowledged
// within AckWait (its consumer died) goes to another member. Pulling, not
// push delivery, lets each member take only as many messages as it has
// room for (Options.MaxInFlight), which bounds its memory and keeps a slow
// member from holding work the others could do.
//
// What "exactly once" rests on: the original is acknowledged only after
// the server confirmed the republish (a JetStream publish acknowledgement)
// and the acknowledgement itself is confirmed (a double ack), so a member
// killed at any point loses nothing: an unacknowledged message is
// redelivered. A member killed between the two confirmations makes the
// record's republish happen twice; the republish carries a message id made
// of the group, the stream and the record's sequence (Nats-Msg-Id), which
// the output stream's duplicate window drops.
package natsq

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Headers the republished records carry.
const (
	// FindingsHeader holds the record's findings as a JSON array, each as
	// `--format json` writes it (redacted).
	FindingsHeader = "Oaiq-Lint-Findings"
	// OmittedHeader counts the findings left out of FindingsHeader to keep
	// the header under maxFindingsHeader bytes.
	OmittedHeader = "Oaiq-Lint-Findings-Omitted"
	// SourceHeader names the original: "STREAM/SEQUENCE".
	SourceHeader = "Oaiq-Lint-Source"
	// ErrorHeader says why a record could not be linted at all (an
	// internal error); such a record goes to the invalid subject.
	ErrorHeader = "Oaiq-Lint-Error"
)

// maxFindingsHeader bounds the findings header: a server refuses a
// message over its max_payload (1 MB by default), headers included.
// headerRoom is kept for the headers a republish adds besides the
// findings (source, message id, error).
const (
	maxFindingsHeader = 32 << 10
	headerRoom        = 4 << 10
)

// Options are a queue member's settings.
type Options struct {
	// Subject is the subject (wildcards allowed) of the records to lint.
	Subject string
	// Group names the queue group: the durable consumer every member
	// pulls from.
	Group string
	// Stream is the stream holding Subject ("": the one that stores it).
	Stream string
	// ValidSubject and InvalidSubject are where records are republished
	// by verdict ("": not republished, only acknowledged).
	ValidSubject, InvalidSubject string
	// MaxInFlight bounds the messages this member holds at once: pulled
	// and not yet acknowledged (half pulled ahead, half in the linter and
	// on their way to the acknowledgement). At least 2.
	MaxInFlight int
	// AckWait is how long the server waits for a message's
	// acknowledgement before giving it to another member.
	AckWait time.Duration
	// UntilEmpty ends the run once the group has nothing left: no
	// message undelivered and none awaiting an acknowledgement.
	UntilEmpty bool
	// Poll is, with UntilEmpty, how long the member waits for a message
	// before it looks whether the group is done (default 1 s).
	Poll time.Duration
}

// Defaults.
const (
	DefaultMaxInFlight = 64
	DefaultAckWait     = 30 * time.Second
)

// Check says what is wrong with the options, in the words of the flags.
func (o Options) Check() error {
	if o.Subject == "" {
		return errors.New("--nats needs --subject: the subject the records are published on (wildcards allowed, such as pixel.events.>)")
	}
	if err := checkSubject(o.Subject, true); err != nil {
		return fmt.Errorf("--subject %q: %v", o.Subject, err)
	}
	if o.Group == "" {
		return errors.New("--nats needs --queue: the queue group's name, the same on every machine that shares the work (such as oaiq-lint)")
	}
	if err := checkName(o.Group); err != nil {
		return fmt.Errorf("--queue %q: %v", o.Group, err)
	}
	if o.Stream != "" {
		if err := checkName(o.Stream); err != nil {
			return fmt.Errorf("--stream-name %q: %v", o.Stream, err)
		}
	}
	for _, s := range []struct{ flag, subject string }{{"--valid-subject", o.ValidSubject}, {"--invalid-subject", o.InvalidSubject}} {
		if s.subject == "" {
			continue
		}
		if err := checkSubject(s.subject, false); err != nil {
			return fmt.Errorf("%s %q: %v", s.flag, s.subject, err)
		}
		if subjectMatches(o.Subject, s.subject) {
			return fmt.Errorf("%s %q is one of the subjects --subject %q reads: records would come back to be linted again; publish them on a subject outside it", s.flag, s.subject, o.Subject)
		}
	}
	if o.MaxInFlight < 2 {
		return fmt.Errorf("--max-in-flight must be at least 2 (half are pulled ahead while the other half are linted), got %d", o.MaxInFlight)
	}
	if o.AckWait < time.Second {
		return fmt.Errorf("--ack-wait must be at least 1s, got %s", o.AckWait)
	}
	return nil
}

// checkSubject: tokens separated by dots, none empty, no white space;
// wildcards (* for a token, > for the rest) only when allowed.
func checkSubject(s string, wild bool) error {
	if strings.ContainsAny(s, " \t\r\n") {
		return errors.New("a subject has no white space")
	}
	toks := strings.Split(s, ".")
	for i, t := range toks {
		switch {
		case t == "":
			return errors.New("a subject is tokens separated by single dots, none empty (such as pixel.events)")
		case !wild && (t == "*" || t == ">"):
			return errors.New("records are published on one subject: no wildcard (* or >)")
		case t == ">" && i != len(toks)-1:
			return errors.New("> stands for the rest of a subject: only as its last token")
		}
	}
	return nil
}

// checkName: a stream or consumer name is one token of a subject.
func checkName(s string) error {
	if s == "" || strings.ContainsAny(s, " \t\r\n.*>/\\") {
		return errors.New("a name has no white space and none of . * > / \\")
	}
	return nil
}

// subjectMatches reports whether the literal subject s is among those the
// subject filter f (with wildcards) selects.
func subjectMatches(f, s string) bool {
	ft, st := strings.Split(f, "."), strings.Split(s, ".")
	for i, t := range ft {
		switch {
		case t == ">":
			return len(st) > i
		case i >= len(st):
			return false
		case t != "*" && t != st[i]:
			return false
		}
	}
	return len(ft) == len(st)
}

// Connect connects to the servers of rawURL (a comma-separated list of
// nats:// or tls:// URLs; a user and password or a token may be in them),
// with the credentials file creds when not "".
func Connect(rawURL, creds string) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name("oaiq-lint")}
	if creds != "" {
		opts = append(opts, nats.UserCredentials(creds))
	}
	nc, err := nats.Connect(rawURL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", RedactURL(rawURL), err)
	}
	return nc, nil
}

// RedactURL is rawURL fit to print: the user information (a password or a
// token) of each server is replaced.
func RedactURL(rawURL string) string {
	parts := strings.Split(rawURL, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		if err != nil || u.Host == "" {
			if strings.Contains(p, "@") {
				parts[i] = "(a server address with credentials)"
			}
			continue
		}
		if u.User != nil {
			u.User = url.User("REDACTED")
		}
		parts[i] = u.String()
	}
	return strings.Join(parts, ",")
}

// Record is one record done: republished (unless its subject is "") and
// its acknowledgement confirmed.
type Record struct {
	// Stream and Seq name the original message; Delivered counts its
	// deliveries (more than 1: a member before this one did not finish it).
	Stream    string
	Seq       uint64
	Delivered uint64
	// Subject is the original's subject; To, where it was republished.
	Subject, To string
	Valid       bool
	// Findings are the record's findings (after the project's policy),
	// FindingsJSON the header's value ("" when none).
	Findings     []model.Finding
	FindingsJSON string
	Err          error
}

// Outcome sums up a member's run.
type Outcome struct {
	lint.Outcome
	// Records and Invalid count the records acknowledged.
	Records, Invalid int
}

// Member is one member of a queue group, ready to run.
type Member struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	cons   jetstream.Consumer
	o      Options
	stream string
}

// Join finds the stream (Options.Stream, or the one storing the subject),
// makes sure the republish subjects are stored by a stream (else no
// publish would ever be confirmed), and creates the group's durable
// consumer or joins it when it exists with the same settings.
func Join(ctx context.Context, nc *nats.Conn, o Options) (*Member, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	// A republish not confirmed within AckWait is pointless (the original
	// goes to another member then), and without a bound a lost
	// confirmation would be awaited for ever.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(o.AckWait))
	if err != nil {
		return nil, err
	}
	m := &Member{nc: nc, js: js, o: o, stream: o.Stream}
	if m.stream == "" {
		m.stream, err = js.StreamNameBySubject(ctx, o.Subject)
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			return nil, fmt.Errorf("no JetStream stream stores --subject %q: create one that does (nats stream add), or name it with --stream-name", o.Subject)
		}
		if err != nil {
			return nil, fmt.Errorf("finding the stream of --subject %q: %w", o.Subject, err)
		}
	} else if _, err := js.Stream(ctx, m.stream); err != nil {
		if errors.Is(err, jetstream.ErrStreamNotFound) {
			return nil, fmt.Errorf("--stream-name %q: no such JetStream stream on this server", m.stream)
		}
		return nil, fmt.Errorf("--stream-name %q: %w", m.stream, err)
	}
	for _, s := range []struct{ flag, subject string }{{"--valid-subject", o.ValidSubject}, {"--invalid-subject", o.InvalidSubject}} {
		if s.subject == "" {
			continue
		}
		if _, err := js.StreamNameBySubject(ctx, s.subject); err != nil {
			if errors.Is(err, jetstream.ErrStreamNotFound) {
				return nil, fmt.Errorf("%s %q: no JetStream stream stores it, so no republish could be confirmed: add the subject to a stream", s.flag, s.subject)
			}
			return nil, fmt.Errorf("%s %q: %w", s.flag, s.subject, err)
		}
	}
	cfg := jetstream.ConsumerConfig{
		Durable:       o.Group,
		Description:   "oaiq-lint log --nats queue group",
		FilterSubject: o.Subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       o.AckWait,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
	m.cons, err = js.CreateConsumer(ctx, m.stream, cfg)
	if errors.Is(err, jetstream.ErrConsumerExists) {
		return nil, fmt.Errorf("--queue %q: stream %s already has a consumer of that name with other settings (another --subject or --ack-wait): give every member the same flags, or use another --queue", o.Group, m.stream)
	}
	if err != nil {
		return nil, fmt.Errorf("joining queue %q on stream %s: %w", o.Group, m.stream, err)
	}
	return m, nil
}

// Stream is the name of the stream the member consumes.
func (m *Member) Stream() string { return m.stream }

// held is a message this member pulled and has not acknowledged.
type held struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata
}

// done is a record linted, on its way to the acknowledgement.
type done struct {
	h   *held
	fut jetstream.PubAckFuture // nil: not republished
	rec Record
}

// Run pulls, lints (with a linter of lo), republishes and acknowledges
// records until ctx ends (lint.ErrInterrupted), the group is empty
// (Options.UntilEmpty), or something fails: the connection closes, a
// republish is refused, each returns an error. each, when not nil, is
// called from one goroutine for every record whose acknowledgement the
// server confirmed, in the order the records were pulled (an
// acknowledgement whose confirmation was lost with the connection may
// still have counted: such a record is not redelivered and not reported). What the member
// pulled and did not finish is handed back to the group at once (a
// negative acknowledgement) when it can still talk to the server, else
// after AckWait.
func (m *Member) Run(ctx context.Context, lo lint.Options, each func(Record) error) (Outcome, error) {
	// Every record pulled must come out of the linter to be acknowledged:
	// none may be dropped as ignored (the configuration's ignore globs are
	// about paths) or as another shard's (the queue shares the work).
	lo.NoIgnore, lo.Shards = true, 0
	lo.CrossInputDedup, lo.SortByName = false, false
	if lo.Config != nil {
		// The header carries every finding of a record: a cap would make
		// a record past it look valid.
		cfg := *lo.Config
		cfg.MaxFindingsPerRule = 0
		lo.Config = &cfg
	}
	runCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ahead := m.o.MaxInFlight / 2
	q := &queue{m: m, slots: make(chan struct{}, m.o.MaxInFlight-ahead), ahead: ahead, open: map[*held]bool{}, fail: cancel}
	acks := make(chan done, cap(q.slots))
	// A closed connection ends every wait for the server at once.
	status := m.nc.StatusChanged(nats.CLOSED)
	defer m.nc.RemoveStatusListener(status)
	q.closed = make(chan struct{})
	watchDone := make(chan struct{})
	defer close(watchDone)
	go func() {
		select {
		case _, ok := <-status:
			if ok {
				close(q.closed)
			}
		case <-watchDone:
		}
	}()
	if m.nc.IsClosed() {
		return Outcome{}, errors.New("the connection to the NATS server is closed")
	}
	var out Outcome
	ackerDone := make(chan struct{})
	go func() {
		defer close(ackerDone)
		q.acknowledge(acks, each, &out)
	}()
	iterDone := make(chan struct{})
	res, err := lint.New(lo).Run(runCtx, q.inputs(runCtx, iterDone), func(r *lint.Result) error {
		d, ok := q.republish(r, lo.FailOn)
		if !ok {
			return nil
		}
		q.forget(d.h) // the acknowledger owns it now
		acks <- d
		return nil
	})
	cancel(nil) // stop pulling, whatever ended the run
	<-iterDone
	close(acks)
	<-ackerDone
	q.handBack()
	out.Outcome = res
	switch {
	case q.err != nil:
		return out, q.err
	case ctx.Err() != nil:
		return out, lint.ErrInterrupted
	}
	return out, err
}

// queue is one run's pulling and acknowledging.
type queue struct {
	m *Member
	// slots holds a token per message in the pipeline (taken from the
	// pull iterator, not yet acknowledged); ahead is how many the iterator
	// pulls ahead. Together: at most MaxInFlight.
	slots chan struct{}
	ahead int
	mu    sync.Mutex
	open  map[*held]bool // pulled, not yet handed to the acknowledger
	err   error          // the first failure
	fail  context.CancelCauseFunc
	// closed is closed when the connection is.
	closed chan struct{}
}

func (q *queue) setErr(err error) {
	q.mu.Lock()
	if q.err == nil {
		q.err = err
	}
	q.mu.Unlock()
	q.fail(err)
}

func (q *queue) failed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.err != nil
}

func (q *queue) forget(h *held) {
	q.mu.Lock()
	delete(q.open, h)
	q.mu.Unlock()
}

// handBack returns the messages pulled and never linted to the group.
func (q *queue) handBack() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for h := range q.open {
		q.nak(h)
	}
	clear(q.open)
}

// nak hands a message of the pipeline back for redelivery now (on a
// closed connection it cannot, and AckWait does), and frees its slot.
func (q *queue) nak(h *held) {
	if !q.m.nc.IsClosed() {
		_ = h.msg.Nak() // if it is lost, AckWait redelivers the message
	}
	<-q.slots
}

// inputs pulls messages, one input each, until ctx ends (or, with
// UntilEmpty, the group has nothing left). The pull iterator keeps up to
// q.ahead messages pulled ahead; the pipeline holds at most cap(q.slots).
// When it stops, the iterator is drained, not dropped: the messages the
// server already sent are received and handed back, none is left to
// wait for AckWait.
func (q *queue) inputs(ctx context.Context, finished chan struct{}) iter.Seq[lint.Input] {
	poll := q.m.o.Poll
	if poll <= 0 {
		poll = time.Second
	}
	return func(yield func(lint.Input) bool) {
		defer close(finished)
		it, err := q.m.cons.Messages(jetstream.PullMaxMessages(q.ahead))
		if err != nil {
			q.setErr(fmt.Errorf("pulling from queue %s: %w", q.m.o.Group, err))
			return
		}
		defer q.drain(it)
		for {
			select {
			case q.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			nctx, cancel := ctx, context.CancelFunc(func() {})
			if q.m.o.UntilEmpty {
				nctx, cancel = context.WithTimeout(ctx, poll)
			}
			msg, err := it.Next(jetstream.NextContext(nctx))
			cancel()
			if err != nil {
				<-q.slots
				switch {
				case ctx.Err() != nil:
					return
				case errors.Is(err, context.DeadlineExceeded):
					if q.empty(ctx) {
						return // the inputs end: the run ends as a run over files does
					}
					continue
				case errors.Is(err, jetstream.ErrConnectionClosed) || q.m.nc.IsClosed():
					q.setErr(fmt.Errorf("the connection to the NATS server closed: %w", err))
				default:
					q.setErr(fmt.Errorf("pulling from queue %s: %w", q.m.o.Group, err))
				}
				return
			}
			h := &held{msg: msg}
			if h.meta, err = msg.Metadata(); err != nil {
				q.nak(h)
				continue
			}
			q.mu.Lock()
			q.open[h] = true
			q.mu.Unlock()
			text := msg.Data()
			if len(text) > 0 && text[len(text)-1] == '\n' {
				text = text[:len(text)-1]
				if len(text) > 0 && text[len(text)-1] == '\r' {
					text = text[:len(text)-1]
				}
			}
			in := lint.Record(msg.Subject(), lint.StreamRecord{Line: 1, Text: text})
			in.Origin = h
			if !yield(in) {
				return // h is open: handBack returns it
			}
		}
	}
}

// empty reports whether the group has nothing left: no message
// undelivered, none awaiting an acknowledgement (this member's included).
func (q *queue) empty(ctx context.Context) bool {
	info, err := q.m.cons.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

// drain stops the pull iterator and hands back what it had pulled ahead.
func (q *queue) drain(it jetstream.MessagesContext) {
	it.Drain()
	for {
		msg, err := it.Next()
		if err != nil {
			return
		}
		if !q.m.nc.IsClosed() {
			_ = msg.Nak() // if it is lost, AckWait redelivers the message
		}
	}
}

// republish sends a linted record to the subject its verdict names; ok is
// false for a result that is no record's (there is none today).
func (q *queue) republish(r *lint.Result, failOn model.Severity) (d done, ok bool) {
	h, ok := r.Origin.(*held)
	if !ok {
		return done{}, false
	}
	rec := Record{Stream: h.meta.Stream, Seq: h.meta.Sequence.Stream, Delivered: h.meta.NumDelivered, Subject: h.msg.Subject(), Valid: r.Err == nil, Err: r.Err}
	for _, f := range r.Report.Findings {
		if failOn != 0 && f.Severity >= failOn {
			rec.Valid = false
		}
	}
	rec.Findings = r.Report.Findings
	// The republish must fit the server's max_payload, headers included,
	// or every member would fail on the record in turn: what does not
	// fit of the findings is counted instead.
	kept := keptHeaders(h.msg.Headers())
	budget := min(maxFindingsHeader, int(q.m.nc.MaxPayload())-len(h.msg.Data())-headerSize(kept)-headerRoom)
	findings, omitted := findingsHeader(r.Report.Findings, budget)
	rec.FindingsJSON = findings
	rec.To = q.m.o.ValidSubject
	if !rec.Valid {
		rec.To = q.m.o.InvalidSubject
	}
	d = done{h: h, rec: rec}
	if rec.To == "" || q.failed() {
		return d, true
	}
	out := nats.NewMsg(rec.To)
	out.Data = h.msg.Data()
	maps.Copy(out.Header, kept)
	source := rec.Stream + "/" + strconv.FormatUint(rec.Seq, 10)
	out.Header.Set(jetstream.MsgIDHeader, "oaiq-lint/"+q.m.o.Group+"/"+source)
	out.Header.Set(SourceHeader, source)
	if findings != "" {
		out.Header.Set(FindingsHeader, findings)
	}
	if omitted > 0 {
		out.Header.Set(OmittedHeader, strconv.Itoa(omitted))
	}
	if r.Err != nil {
		out.Header.Set(ErrorHeader, report.Printable(r.Err.Error()))
	}
	fut, err := q.m.js.PublishMsgAsync(out)
	if err != nil {
		q.setErr(fmt.Errorf("republishing record %s to %s: %w", source, rec.To, err))
		return d, true
	}
	d.fut = fut
	return d, true
}

// keptHeaders are the original's headers a republish carries: not the
// server's own (an expected sequence, a message id), which were the
// original's, nor ours, which are set anew.
func keptHeaders(h nats.Header) nats.Header {
	kept := nats.Header{}
	for k, vs := range h {
		lk := strings.ToLower(k)
		if !strings.HasPrefix(lk, "nats-") && !strings.HasPrefix(lk, "oaiq-lint-") {
			kept[k] = vs
		}
	}
	return kept
}

// headerSize is about what h takes in a message ("Key: value\r\n" each).
func headerSize(h nats.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// findingsHeader is the findings as a JSON array (redacted, as `--format
// json` writes them), as many as fit in max bytes; omitted counts the
// rest.
func findingsHeader(fs []model.Finding, max int) (s string, omitted int) {
	if len(fs) == 0 {
		return "", 0
	}
	if max < 2 {
		return "", len(fs)
	}
	var b strings.Builder
	b.WriteByte('[')
	n := 0
	for i, f := range fs {
		j, err := report.FindingJSON(f, true)
		if err != nil || b.Len()+len(j)+2 > max {
			return closeArray(&b), len(fs) - i
		}
		if n > 0 {
			b.WriteByte(',')
		}
		b.Write(j)
		n++
	}
	return closeArray(&b), 0
}

func closeArray(b *strings.Builder) string {
	b.WriteByte(']')
	return b.String()
}

// acknowledge waits, record by record, for the republish to be stored,
// then acknowledges the original and waits for the server to confirm it.
// The confirmations are awaited side by side (each is a round trip to the
// server), and each is called in pull order. After a failure it hands
// every record still to come back to the group.
func (q *queue) acknowledge(acks <-chan done, each func(Record) error, out *Outcome) {
	type acking struct {
		d   done
		err chan error // the acknowledgement's outcome; nil: handed back
	}
	inOrder := make(chan acking, cap(q.slots))
	go func() {
		defer close(inOrder)
		for d := range acks {
			a := acking{d: d}
			if q.failed() {
				q.nak(d.h)
				inOrder <- a
				continue
			}
			if d.fut != nil {
				select {
				case <-d.fut.Ok():
				case err := <-d.fut.Err():
					q.setErr(fmt.Errorf("republishing record %s/%d to %s: %w", d.rec.Stream, d.rec.Seq, d.rec.To, err))
					q.nak(d.h)
					inOrder <- a
					continue
				case <-q.closed:
					q.setErr(fmt.Errorf("republishing record %s/%d to %s: %w", d.rec.Stream, d.rec.Seq, d.rec.To, nats.ErrConnectionClosed))
					q.nak(d.h)
					inOrder <- a
					continue
				}
			}
			a.err = make(chan error, 1)
			go func() {
				// The run's context may be over (Ctrl-C): what was
				// republished is still acknowledged, within a bound.
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				a.err <- d.h.msg.DoubleAck(ctx)
			}()
			inOrder <- a
		}
	}()
	for a := range inOrder {
		if a.err == nil {
			continue
		}
		err := <-a.err
		<-q.slots // acknowledged, or left to AckWait: the server redelivers it
		if err != nil {
			q.setErr(fmt.Errorf("acknowledging record %s/%d: %w", a.d.rec.Stream, a.d.rec.Seq, err))
			continue
		}
		out.Records++
		if !a.d.rec.Valid {
			out.Invalid++
		}
		if each != nil {
			if err := each(a.d.rec); err != nil {
				q.setErr(err)
			}
		}
	}
}
