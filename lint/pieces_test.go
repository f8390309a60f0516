package lint

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/expect"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// crossRecords exercises every rule that compares records: a measure
// before init, an init without pixelId, a second pixelId, consent(false)
// after init, one event_id with other data, browser and server events
// paired with another name, another custom name, another pixel, and
// event_ids on one side only.
const crossRecords = `["measure", "page_viewed", {"type": "contents"}]
{"args": ["measure", "order_created", {"type": "contents", "amount": 100, "currency": "USD"}, {"event_id": "o1"}], "ts": "2026-11-26T10:00:00Z"}
["init", {"debug": false}]
["init", {"pixelId": "px_1"}]
["measure", "order_created", {"type": "contents", "amount": 100, "currency": "USD"}, {"event_id": "o2"}]
["consent", true]
["consent", false]
["consent", false]
["init", {"pixelId": "px_2"}]
["measure", "order_created", {"type": "contents", "amount": 200, "currency": "USD"}, {"event_id": "o2"}]
["measure", "custom", {"type": "contents"}, {"event_id": "c1", "custom_event_name": "signup_done"}]
{"source": "server", "pixel_id": "px_1", "event_name": "checkout_started", "event_id": "o1"}
{"source": "server", "pixel_id": "px_1", "event_name": "custom", "event_id": "c1", "custom_event_name": "signup_finished"}
{"source": "server", "pixel_id": "px_9", "event_name": "order_created", "event_id": "o2"}
{"source": "server", "pixel_id": "px_1", "event_name": "order_created", "event_id": "o3"}
{"source": "server", "pixel_id": "px_1", "event_name": "order_created", "event_id": "o3", "data": {"type": "contents", "amount": 5}}
["measure", "page_viewed", {"type": "contents"}]
`

// A log read in pieces gets the findings it gets read whole: the rules
// that compare records carry their state across pieces (rules.LogState).
// Pieces of about 64 bytes cut almost every record into a piece of its own.
func TestPiecesKeepVerdicts(t *testing.T) {
	logs := map[string][]byte{
		"cross.jsonl":     []byte(crossRecords),
		"no-init.jsonl":   []byte(strings.Repeat(`["measure", "page_viewed", {"type": "contents"}]`+"\n", 5)),
		"late-init.jsonl": []byte(strings.Repeat(`["measure", "page_viewed", {"type": "contents"}]`+"\n", 5) + `["init", {"pixelId": "px_1"}]` + "\n"),
	}
	// The same records as one JSON array, and arrays with broken
	// separators, which must be reported where a whole read reports them.
	records := strings.Split(strings.TrimSpace(crossRecords), "\n")
	logs["cross.json"] = []byte("[\n  " + strings.Join(records, ",\n  ") + "\n]\n")
	logs["trailing-comma.json"] = []byte("[\n" + strings.Join(records[:6], ",\n") + ",\n]\n")
	logs["missing-comma.json"] = []byte("[\n" + strings.Join(records[:3], ",\n") + "\n" + strings.Join(records[3:8], ",\n") + "\n]\n")
	logs["extra-comma.json"] = []byte("[\n" + strings.Join(records[:4], ",\n") + ",\n,\n" + strings.Join(records[4:], ",\n") + "\n]\n")
	logs["broken-string.json"] = []byte("[\n" + strings.Join(records[:4], ",\n") + ",\n[\"measure\", \"page\n" + strings.Join(records[4:], ",\n") + "\n]\n")
	logs["unclosed.json"] = []byte("[\n" + strings.Join(records, ",\n") + ",\n")
	logs["after-end.json"] = []byte("[\n" + strings.Join(records, ",\n") + "\n]\n[]\n")
	var fixtures []string
	for _, ext := range []string{"*.jsonl", "*.json"} {
		found, err := filepath.Glob(filepath.Join("..", "testdata", "log", ext))
		if err != nil {
			t.Fatal(err)
		}
		fixtures = append(fixtures, found...)
	}
	for _, path := range fixtures {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		logs[path] = data
	}
	findings := 0
	for name, data := range logs {
		cfg := &config.Config{}
		if want, err := os.ReadFile(strings.TrimSuffix(name, filepath.Ext(name)) + ".want"); err == nil {
			cfg.PixelID = expect.Config(string(want))["pixel_id"]
		}
		whole := logFindings(t, name, data, cfg, WholeLimitForTest(1<<30))
		pieced := logFindings(t, name, data, cfg, WholeLimitForTest(64))
		if !slices.Equal(whole, pieced) {
			t.Errorf("%s: read in pieces:\n%s\nread whole:\n%s", name, strings.Join(pieced, "\n"), strings.Join(whole, "\n"))
		}
		findings += len(whole)
	}
	if findings == 0 {
		t.Fatal("no findings at all: the logs test nothing")
	}
}

// WholeLimitForTest sets the largest log read whole until the returned
// function is called.
func WholeLimitForTest(n int) func() {
	old := wholeLimit
	wholeLimit = n
	return func() { wholeLimit = old }
}

func logFindings(t *testing.T, name string, data []byte, cfg *config.Config, restore func()) []string {
	t.Helper()
	defer restore()
	var out []string
	_, err := New(Options{Config: cfg, Workers: 2}).Run(context.Background(), Logs([]string{"-"}, bytes.NewReader(data)), func(r *Result) error {
		if r.Err != nil {
			return r.Err
		}
		for _, f := range r.Report.Findings {
			out = append(out, findingLine(f))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	slices.Sort(out)
	return out
}

func findingLine(f model.Finding) string {
	return fmt.Sprintf("%s %s %s %s | %s", f.Span, f.Rule, f.Severity, f.Message, f.Hint)
}

// A cap on findings per rule keeps the first N of each rule, in input
// order, counts every finding per rule and the ones left out, and the run
// still fails on the findings not shown.
func TestMaxFindingsPerRule(t *testing.T) {
	log := `["init", {"pixelId": "px_1"}]` + "\n" +
		strings.Repeat(`["measure", "add_to_cart", {"type": "contents"}]`+"\n", 5) +
		`["measure", "page_viewed", {"type": "contents", "amount": 1.5, "currency": "USD"}]` + "\n"
	var lines []int
	out, err := New(Options{Config: &config.Config{MaxFindingsPerRule: 2}, FailOn: model.Error}).Run(context.Background(),
		Logs([]string{"-"}, strings.NewReader(log)), func(r *Result) error {
			for _, f := range r.Report.Findings {
				if f.Rule == "event-name-unknown" {
					lines = append(lines, f.Span.Start.Line)
				}
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lines, []int{2, 3}) {
		t.Errorf("event-name-unknown shown on lines %v, want the first two: [2 3]", lines)
	}
	s := out.Summary
	if s.Rules["event-name-unknown"] != 5 || s.Omitted["event-name-unknown"] != 3 || s.Omitted["amount-not-integer"] != 0 || s.Rules["amount-not-integer"] != 1 {
		t.Errorf("per rule %v, omitted %v", s.Rules, s.Omitted)
	}
	if s.Errors < 6 || !out.Failed {
		t.Errorf("errors = %d, failed = %v: every finding counts, shown or not", s.Errors, out.Failed)
	}
}
