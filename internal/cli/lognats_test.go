package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/oaiq-lint/oaiq-lint/internal/natsq/natsqtest"
)

// Every misuse of the queue consumer's flags is a usage error (exit 2)
// that names the flag and says what to do.
func TestLogNATSUsageErrors(t *testing.T) {
	nats := []string{"log", "--nats", "nats://127.0.0.1:1"}
	full := append(append([]string{}, nats...), "--subject", "pixel.events", "--queue", "linters")
	for _, c := range []struct {
		args []string
		want string
	}{
		{nats, "--nats needs --subject"},
		{append(append([]string{}, nats...), "--subject", "pixel.events"), "--nats needs --queue"},
		{[]string{"log", "--subject", "pixel.events"}, "--subject goes with --nats URL"},
		{[]string{"log", "--until-empty", "events.jsonl"}, "--until-empty goes with --nats URL"},
		{append(append([]string{}, full...), "events.jsonl"), "--nats reads records from the queue: give no file"},
		{append(append([]string{}, full...), "--stream"), "--nats and --stream are two ways"},
		{append(append([]string{}, full...), "--invalid-out", "dead.jsonl"), "not to files"},
		{append(append([]string{}, full...), "--format", "json"), "leave out --format"},
		{append(append([]string{}, full...), "--shard", "1/2"), "leave out --shard"},
		{append(append([]string{}, full...), "--max-findings-per-rule", "3"), "leave out --max-findings-per-rule"},
		{append(append([]string{}, full...), "--max-in-flight", "1"), "--max-in-flight must be at least 2"},
		{append(append([]string{}, full...), "--ack-wait", "10ms"), "--ack-wait must be at least 1s"},
		{append(append([]string{}, full...), "--queue", "a.b"), `--queue "a.b"`},
		{append(append([]string{}, full...), "--valid-subject", "pixel.*"), "no wildcard"},
		{append(append([]string{}, full...), "--invalid-subject", "pixel.events"), "records would come back to be linted again"},
	} {
		_, errOut, code := runCLI(t, "", c.args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d saying %q", strings.Join(c.args, " "), code, errOut, ExitUsage, c.want)
		}
	}
}

// A server that cannot be reached is an input error (exit 3), and the
// message names the server without its password.
func TestLogNATSUnreachableServerHidesCredentials(t *testing.T) {
	_, errOut, code := runCLI(t, "", "log", "--nats", "nats://alice:s3cret@127.0.0.1:1", "--subject", "pixel.events", "--queue", "linters")
	if code != ExitInput || !strings.Contains(errOut, "127.0.0.1:1") {
		t.Errorf("exit %d, stderr %q; want exit %d naming the server", code, errOut, ExitInput)
	}
	if strings.Contains(errOut, "s3cret") {
		t.Errorf("stderr shows the password: %q", errOut)
	}
}

// natsStreams starts a server with a stream of records on pixel.events
// and one for the verdicts; it returns the server's URL.
func natsStreams(t *testing.T, records ...string) (string, jetstream.JetStream) {
	t.Helper()
	url := natsqtest.StartServer(t)
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, subjects := range map[string][]string{"EVENTS": {"pixel.events"}, "LINTED": {"pixel.valid", "pixel.invalid"}} {
		if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: name, Subjects: subjects}); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range records {
		if _, err := js.Publish(ctx, "pixel.events", []byte(r)); err != nil {
			t.Fatal(err)
		}
	}
	return url, js
}

type natsLine struct {
	Stream    string `json:"stream"`
	Seq       uint64 `json:"seq"`
	Delivered uint64 `json:"delivered"`
	Subject   string `json:"subject"`
	Valid     bool   `json:"valid"`
	To        string `json:"to"`
	Findings  []struct {
		Rule string `json:"rule"`
	} `json:"findings"`
}

// log --nats --until-empty lints every record of the queue, writes one
// line per record, republishes each by its verdict and exits 1 when one
// was invalid (0 when none was).
func TestLogNATSUntilEmpty(t *testing.T) {
	records := []string{
		`["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}, {"event_id": "o1"}]`,
		`["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}, {"event_id": "o2"}]`,
		`not json`,
		`["measure", "order_created", {"type": "contents", "amount": 999, "currency": "USD"}, {"event_id": "o1"}]`,
	}
	url, js := natsStreams(t, records...)
	args := []string{"log", "--nats", url, "--subject", "pixel.events", "--queue", "linters",
		"--valid-subject", "pixel.valid", "--invalid-subject", "pixel.invalid", "--until-empty"}
	out, errOut, code := runCLI(t, "", args...)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr %s", code, ExitFindings, errOut)
	}
	if !strings.Contains(errOut, "member of queue linters on stream EVENTS") {
		t.Errorf("stderr does not say what the member joined: %q", errOut)
	}
	wantValid := []bool{true, false, false, true}
	wantRule := []string{"", "amount-not-integer", "log-parse-error", ""}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(records) {
		t.Fatalf("%d result lines, want %d:\n%s", len(lines), len(records), out)
	}
	for _, l := range lines {
		var r natsLine
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		i := int(r.Seq) - 1
		if r.Stream != "EVENTS" || r.Subject != "pixel.events" || r.Delivered != 1 || r.Valid != wantValid[i] {
			t.Errorf("record %d: %s", r.Seq, l)
		}
		if want := map[bool]string{true: "pixel.valid", false: "pixel.invalid"}[wantValid[i]]; r.To != want {
			t.Errorf("record %d went to %q, want %q", r.Seq, r.To, want)
		}
		if wantRule[i] != "" && (len(r.Findings) == 0 || r.Findings[0].Rule != wantRule[i]) {
			t.Errorf("record %d: findings %+v, want %s", r.Seq, r.Findings, wantRule[i])
		}
	}
	stream, err := js.Stream(context.Background(), "LINTED")
	if err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != uint64(len(records)) {
		t.Errorf("LINTED holds %d records, want %d", info.State.Msgs, len(records))
	}

	// The queue is empty now: a second run has nothing to do and exits 0.
	out, errOut, code = runCLI(t, "", args...)
	if code != ExitOK || out != "" {
		t.Errorf("run on an empty queue: exit %d, stdout %q, stderr %q; want exit 0 and no result", code, out, errOut)
	}
}

// Ctrl-C (the run's context ending) stops a member that runs without end:
// one "interrupted" line and exit 130, as every command.
func TestLogNATSInterrupted(t *testing.T) {
	url, _ := natsStreams(t, `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]`)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var errOut strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- MainContext(ctx, []string{"log", "--nats", url, "--subject", "pixel.events", "--queue", "linters"},
			&IOStreams{In: strings.NewReader(""), Out: outW, ErrOut: &errOut})
		outW.Close()
	}()
	// The member is running once its first record's line is out.
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no result line: %v", err)
	}
	if !strings.Contains(line, `"valid":true`) {
		t.Errorf("result %q, want the record valid", line)
	}
	cancel()
	go io.Copy(io.Discard, outR)
	select {
	case c := <-code:
		if c != ExitInterrupted || !strings.Contains(errOut.String(), "interrupted") {
			t.Errorf("exit %d, stderr %q; want %d and an interrupted line", c, errOut.String(), ExitInterrupted)
		}
	case <-time.After(2 * time.Minute):
		// A bound on a hang, not a timed assertion.
		t.Fatal("the member did not stop after its context ended")
	}
}
