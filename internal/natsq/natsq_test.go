package natsq

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/oaiq-lint/oaiq-lint/internal/natsq/natsqtest"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func connect(t testing.TB, url string) *nats.Conn {
	t.Helper()
	nc, err := Connect(url, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// kinds of record the tests publish, and the verdict each must get.
type kind int

const (
	good     kind = iota // valid, no finding
	badMoney             // amount-not-integer
	notJSON              // log-parse-error
	email                // pii-raw, whose message must not quote the address
)

func recordOf(k kind, i int) string {
	switch k {
	case badMoney:
		return fmt.Sprintf(`["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}, {"event_id": "r%d"}]`, i)
	case notJSON:
		return fmt.Sprintf("not json r%d", i)
	case email:
		return fmt.Sprintf(`["init", {"pixelId": "px_%d", "user": {"email": "jane.doe@example.com"}}]`, i)
	}
	// A measure alone is valid: the rules that compare records are off.
	return fmt.Sprintf(`["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}, {"event_id": "r%d"}]`+"\n", i)
}

var wantRule = map[kind]string{badMoney: "amount-not-integer", notJSON: "log-parse-error", email: "pii-raw"}

// fixture is a server with an EVENTS stream of n records (every fourth of
// each bad kind) and a LINTED stream for the verdicts.
type fixture struct {
	url   string
	js    jetstream.JetStream
	kinds map[uint64]kind   // by the record's sequence in EVENTS
	texts map[uint64]string // as published
}

func newFixture(t testing.TB, n int) *fixture {
	t.Helper()
	url := natsqtest.StartServer(t)
	js, err := jetstream.New(connect(t, url))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, subjects := range map[string][]string{"EVENTS": {"pixel.events"}, "LINTED": {"pixel.valid", "pixel.invalid"}} {
		if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: name, Subjects: subjects}); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{url: url, js: js, kinds: map[uint64]kind{}, texts: map[uint64]string{}}
	for i := range n {
		k := kind(i % 4)
		text := recordOf(k, i)
		msg := nats.NewMsg("pixel.events")
		msg.Data = []byte(text)
		msg.Header.Set("Trace-Id", "t"+strconv.Itoa(i))
		ack, err := js.PublishMsg(ctx, msg)
		if err != nil {
			t.Fatal(err)
		}
		f.kinds[ack.Sequence], f.texts[ack.Sequence] = k, text
	}
	return f
}

func (f *fixture) options() Options {
	return Options{Subject: "pixel.events", Group: "linters", ValidSubject: "pixel.valid", InvalidSubject: "pixel.invalid",
		MaxInFlight: 8, AckWait: time.Minute, UntilEmpty: true}
}

// dones collects the records acknowledged, by every member.
type dones struct {
	mu  sync.Mutex
	all []Record
	by  map[uint64][]string // members that acknowledged each sequence
}

func (d *dones) add(member string, r Record) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.by == nil {
		d.by = map[uint64][]string{}
	}
	d.all = append(d.all, r)
	d.by[r.Seq] = append(d.by[r.Seq], member)
}

// checkOutput reads LINTED and checks that every record is there exactly
// once, on the subject its kind deserves, unchanged, with its own headers
// and findings (redacted) in the header.
func (f *fixture) checkOutput(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	stream, err := f.js.Stream(ctx, "LINTED")
	if err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[uint64]int{}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("LINTED message %d: %v", seq, err)
		}
		src := m.Header.Get(SourceHeader)
		orig, err := strconv.ParseUint(strings.TrimPrefix(src, "EVENTS/"), 10, 64)
		if err != nil {
			t.Fatalf("LINTED message %d: %s %q: %v", seq, SourceHeader, src, err)
		}
		seen[orig]++
		k, ok := f.kinds[orig]
		if !ok {
			t.Fatalf("LINTED message %d comes from EVENTS/%d, which was never published", seq, orig)
		}
		if string(m.Data) != f.texts[orig] {
			t.Errorf("record %d republished as %q, want it unchanged: %q", orig, m.Data, f.texts[orig])
		}
		if m.Header.Get("Trace-Id") == "" {
			t.Errorf("record %d lost its own header Trace-Id", orig)
		}
		wantSubject := "pixel.invalid"
		if k == good {
			wantSubject = "pixel.valid"
		}
		if m.Subject != wantSubject {
			t.Errorf("record %d (%s) went to %s, want %s", orig, f.texts[orig], m.Subject, wantSubject)
		}
		h := m.Header.Get(FindingsHeader)
		if k == good {
			if h != "" {
				t.Errorf("valid record %d has findings %s", orig, h)
			}
			continue
		}
		if strings.Contains(h, "jane.doe@example.com") {
			t.Errorf("record %d: the findings header quotes the raw e-mail address: %s", orig, h)
		}
		var fs []struct{ Rule, Severity string }
		if err := json.Unmarshal([]byte(h), &fs); err != nil {
			t.Fatalf("record %d: %s is not a JSON array of findings: %v: %q", orig, FindingsHeader, err, h)
		}
		var rules []string
		for _, x := range fs {
			rules = append(rules, x.Rule)
		}
		if !strings.Contains(","+strings.Join(rules, ",")+",", ","+wantRule[k]+",") {
			t.Errorf("record %d (%s): findings %v, want %s among them", orig, f.texts[orig], rules, wantRule[k])
		}
	}
	for seq := range f.kinds {
		if seen[seq] != 1 {
			t.Errorf("record %d republished %d times, want exactly once", seq, seen[seq])
		}
	}
}

// waitHeld returns once the group's consumer has messages delivered and
// not acknowledged, which a member stopped now must hand back or lose.
func (f *fixture) waitHeld(ctx context.Context, t *testing.T) {
	cons, err := f.js.Consumer(ctx, "EVENTS", "linters")
	if err != nil {
		t.Error(err)
		return
	}
	for ctx.Err() == nil {
		info, err := cons.Info(ctx)
		if err == nil && info.NumAckPending > 0 {
			return
		}
		// Polling a condition, not racing a start: the member keeps
		// pulling, so the count rises.
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("no message ever held by the member")
}

type memberResult struct {
	name string
	out  Outcome
	err  error
}

// runMembers runs members side by side, each on its own connection, and
// returns their results.
func runMembers(ctx context.Context, t *testing.T, f *fixture, o Options, names []string, conns map[string]*nats.Conn, each func(name string, r Record) error) []memberResult {
	t.Helper()
	results := make([]memberResult, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		nc := conns[name]
		if nc == nil {
			nc = connect(t, f.url)
		}
		m, err := Join(ctx, nc, o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wg.Go(func() {
			out, err := m.Run(ctx, lint.Options{FailOn: model.Error}, func(r Record) error { return each(name, r) })
			results[i] = memberResult{name, out, err}
		})
	}
	wg.Wait()
	return results
}

// Three members of one queue group share a stream: every record is linted
// and acknowledged exactly once across them, republished once to the
// subject its verdict names, findings in a header.
func TestQueueMembersShareTheStream(t *testing.T) {
	f := newFixture(t, 300)
	// A deadline for a test that hangs, not a timed assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var d dones
	results := runMembers(ctx, t, f, f.options(), []string{"a", "b", "c"}, nil, func(name string, r Record) error {
		d.add(name, r)
		return nil
	})
	records, invalid := 0, 0
	for _, r := range results {
		if r.err != nil {
			t.Fatalf("member %s: %v", r.name, r.err)
		}
		t.Logf("member %s: %d records, %d invalid", r.name, r.out.Records, r.out.Invalid)
		records += r.out.Records
		invalid += r.out.Invalid
		if r.out.Invalid > 0 && !r.out.Failed {
			t.Errorf("member %s acknowledged %d invalid records but its outcome is not failed", r.name, r.out.Invalid)
		}
	}
	if records != 300 || invalid != 225 {
		t.Errorf("members acknowledged %d records (%d invalid), want 300 (225 invalid)", records, invalid)
	}
	for seq := range f.kinds {
		if len(d.by[seq]) != 1 {
			t.Errorf("record %d acknowledged by %v, want exactly one member", seq, d.by[seq])
		}
	}
	for _, r := range d.all {
		if r.Delivered != 1 {
			t.Errorf("record %d was delivered %d times: no member failed, so once was enough", r.Seq, r.Delivered)
		}
		if r.Valid != (f.kinds[r.Seq] == good) {
			t.Errorf("record %d (%s): valid %v", r.Seq, f.texts[r.Seq], r.Valid)
		}
	}
	f.checkOutput(t)
}

// A member killed mid-stream (its connection closed, messages it pulled
// neither republished nor acknowledged) loses nothing: the server gives
// what it held to the others after AckWait, and nothing that was
// acknowledged is linted or republished again.
func TestQueueMemberKilledMidStream(t *testing.T) {
	f := newFixture(t, 200)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	o := f.options()
	// Short enough that the test does not wait long for the redelivery,
	// long enough that a live member on a loaded machine acknowledges
	// well within it.
	o.AckWait = 15 * time.Second
	var d dones
	// The victim starts alone; after its fifth acknowledgement, once the
	// server counts messages delivered to it and not acknowledged, its
	// connection is closed.
	victim := connect(t, f.url)
	killed := runMembers(ctx, t, f, o, []string{"victim"}, map[string]*nats.Conn{"victim": victim}, func(name string, r Record) error {
		d.add(name, r)
		if len(d.all) == 5 {
			f.waitHeld(ctx, t)
			victim.Close()
		}
		return nil
	})
	if killed[0].err == nil {
		t.Fatal("the member whose connection closed ended without an error")
	}
	if n := len(d.all); killed[0].out.Records != n || n < 5 {
		t.Fatalf("the victim acknowledged %d records and reported %d, want the same number, at least 5", killed[0].out.Records, n)
	}
	for _, r := range runMembers(ctx, t, f, o, []string{"b", "c"}, nil, func(name string, r Record) error {
		d.add(name, r)
		return nil
	}) {
		if r.err != nil {
			t.Fatalf("member %s: %v", r.name, r.err)
		}
	}
	// A record is acknowledged by one member at most. An acknowledgement
	// the victim sent as its connection closed may count on the server
	// without its confirmation coming back: such a record is reported by
	// no member (checkOutput finds it republished once all the same), and
	// there are at most as many as the victim held.
	redelivered, unconfirmed := 0, 0
	for seq := range f.kinds {
		switch n := len(d.by[seq]); {
		case n == 0:
			unconfirmed++
		case n > 1:
			t.Errorf("record %d acknowledged by %v, want one member", seq, d.by[seq])
		}
	}
	if unconfirmed > o.MaxInFlight {
		t.Errorf("%d records acknowledged by no member, more than the %d the victim could hold", unconfirmed, o.MaxInFlight)
	}
	for _, r := range d.all {
		if r.Delivered > 1 {
			redelivered++
		}
	}
	if redelivered == 0 {
		t.Error("no record was redelivered: the victim held none when it was killed, so the test tested nothing")
	}
	t.Logf("%d records redelivered after the victim was killed", redelivered)
	f.checkOutput(t)
}

// Ctrl-C on a member: it stops pulling, acknowledges what it republished,
// and hands what it pulled and did not finish back to the group at once,
// so another member takes it without waiting for AckWait (an hour here:
// without the hand-back the test would hit its deadline).
func TestQueueInterruptHandsBack(t *testing.T) {
	f := newFixture(t, 100)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	o := f.options()
	o.AckWait = time.Hour
	o.UntilEmpty = false
	var d dones
	first, stop := context.WithCancel(ctx)
	nc := connect(t, f.url)
	m, err := Join(ctx, nc, o)
	if err != nil {
		t.Fatal(err)
	}
	out, err := m.Run(first, lint.Options{FailOn: model.Error}, func(r Record) error {
		d.add("first", r)
		if len(d.all) == 3 {
			f.waitHeld(ctx, t)
			stop()
		}
		return nil
	})
	if !errors.Is(err, lint.ErrInterrupted) {
		t.Fatalf("interrupted member ended with %v, want lint.ErrInterrupted", err)
	}
	if out.Records < 3 {
		t.Fatalf("interrupted member acknowledged %d records, want at least 3", out.Records)
	}
	o.UntilEmpty = true
	for _, r := range runMembers(ctx, t, f, o, []string{"second"}, nil, func(name string, r Record) error {
		d.add(name, r)
		return nil
	}) {
		if r.err != nil {
			t.Fatalf("member %s: %v", r.name, r.err)
		}
	}
	for seq := range f.kinds {
		if len(d.by[seq]) != 1 {
			t.Errorf("record %d acknowledged by %v, want exactly one member", seq, d.by[seq])
		}
	}
	f.checkOutput(t)
}

// Join says what is missing on the server: a stream for the subject, a
// stream for the republish subjects, a consumer of the group's name with
// other settings.
func TestJoinExplainsWhatIsMissing(t *testing.T) {
	f := newFixture(t, 0)
	nc := connect(t, f.url)
	ctx := context.Background()
	for _, c := range []struct {
		change func(*Options)
		want   string
	}{
		{func(o *Options) { o.Subject = "other.events" }, `no JetStream stream stores --subject "other.events"`},
		{func(o *Options) { o.Stream = "NOPE" }, `--stream-name "NOPE": no such JetStream stream`},
		{func(o *Options) { o.InvalidSubject = "pixel.dead" }, `--invalid-subject "pixel.dead": no JetStream stream stores it`},
	} {
		o := f.options()
		c.change(&o)
		if _, err := Join(ctx, nc, o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Join: %v, want an error saying %q", err, c.want)
		}
	}
	if _, err := Join(ctx, nc, f.options()); err != nil {
		t.Fatal(err)
	}
	if _, err := Join(ctx, nc, f.options()); err != nil {
		t.Errorf("a second member with the same settings could not join: %v", err)
	}
	o := f.options()
	o.AckWait = 2 * time.Minute
	if _, err := Join(ctx, nc, o); err == nil || !strings.Contains(err.Error(), "give every member the same flags") {
		t.Errorf("a member with another --ack-wait joined: %v", err)
	}
}

func TestOptionsCheck(t *testing.T) {
	base := Options{Subject: "pixel.events.>", Group: "linters", ValidSubject: "pixel.valid", InvalidSubject: "pixel.invalid", MaxInFlight: 2, AckWait: time.Second}
	if err := base.Check(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		change func(*Options)
		want   string
	}{
		{func(o *Options) { o.Subject = "" }, "--nats needs --subject"},
		{func(o *Options) { o.Group = "" }, "--nats needs --queue"},
		{func(o *Options) { o.Group = "a.b" }, `--queue "a.b": a name has no white space`},
		{func(o *Options) { o.Subject = "pixel..events" }, "none empty"},
		{func(o *Options) { o.Subject = "pixel.>.x" }, "only as its last token"},
		{func(o *Options) { o.ValidSubject = "pixel.*" }, "no wildcard"},
		{func(o *Options) { o.InvalidSubject = "pixel.events.dead" }, "records would come back to be linted again"},
		{func(o *Options) { o.MaxInFlight = 1 }, "--max-in-flight must be at least 2"},
		{func(o *Options) { o.AckWait = time.Millisecond }, "--ack-wait must be at least 1s"},
		{func(o *Options) { o.Stream = "a b" }, "--stream-name"},
	} {
		o := base
		c.change(&o)
		if err := o.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Check: %v, want an error saying %q", err, c.want)
		}
	}
}

func TestSubjectMatches(t *testing.T) {
	for _, c := range []struct {
		f, s string
		want bool
	}{
		{"a.b", "a.b", true}, {"a.b", "a.c", false}, {"a.*", "a.b", true}, {"a.*", "a.b.c", false},
		{"a.>", "a.b.c", true}, {"a.>", "a", false}, {">", "a", true}, {"a.*.c", "a.b.c", true}, {"a.b", "a", false},
	} {
		if got := subjectMatches(c.f, c.s); got != c.want {
			t.Errorf("subjectMatches(%q, %q) = %v, want %v", c.f, c.s, got, c.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	got := RedactURL("nats://alice:s3cret@a.example:4222, nats://tok3n@b.example:4222,nats://c.example:4222")
	if strings.Contains(got, "s3cret") || strings.Contains(got, "tok3n") || strings.Contains(got, "alice") {
		t.Errorf("RedactURL left credentials: %s", got)
	}
	if !strings.Contains(got, "a.example:4222") || !strings.Contains(got, "c.example:4222") {
		t.Errorf("RedactURL lost the hosts: %s", got)
	}
}

// The findings header holds what fits and counts the rest, so a record
// with many findings still fits the server's max_payload.
func TestFindingsHeaderFits(t *testing.T) {
	var fs []model.Finding
	for i := range 50 {
		fs = append(fs, model.Finding{Rule: "amount-not-integer", Severity: model.Error, Message: strings.Repeat("x", 100),
			Span: model.Span{File: "pixel.events", Start: model.Pos{Line: 1, Col: i + 1}, End: model.Pos{Line: 1, Col: i + 2}}})
	}
	all, omitted := findingsHeader(fs, maxFindingsHeader)
	if omitted != 0 {
		t.Fatalf("50 short findings: %d omitted", omitted)
	}
	some, omitted := findingsHeader(fs, len(all)/2)
	var parsed []map[string]any
	if err := json.Unmarshal([]byte(some), &parsed); err != nil {
		t.Fatalf("cut header is not JSON: %v: %s", err, some)
	}
	if len(some) > len(all)/2 || omitted == 0 || len(parsed)+omitted != len(fs) {
		t.Errorf("half the room: %d bytes, %d findings kept, %d omitted (of %d)", len(some), len(parsed), omitted, len(fs))
	}
	if none, omitted := findingsHeader(fs, 0); none != "" || omitted != len(fs) {
		t.Errorf("no room: %q, %d omitted", none, omitted)
	}
}
