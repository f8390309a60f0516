package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// log --stream answers each record before the next one is written: the
// test writes a record, then blocks reading its result, so a reader that
// waited for more input or buffered its output would never answer.
func TestLogStreamAnswersEachRecordAsItArrives(t *testing.T) {
	dir := t.TempDir()
	validOut, invalidOut := filepath.Join(dir, "valid.jsonl"), filepath.Join(dir, "invalid.jsonl")
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	var errOut strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- Main([]string{"log", "--stream", "--valid-out", validOut, "--invalid-out", invalidOut},
			&IOStreams{In: inR, Out: outW, ErrOut: &errOut})
		outW.Close()
	}()
	records := []string{
		`["init", {"pixelId": "px_1"}]`,
		`["measure", "add_to_cart", {"type": "contents"}]`,
		`{"args": ["measure", "page_viewed", {"type": "contents"}]}`,
		`["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}, {"event_id": "o1"}]`,
		`not json`,
		`["measure", "order_created", {"type": "contents", "amount": 999, "currency": "USD"}, {"event_id": "o1"}]`,
	}
	wantValid := []bool{true, false, true, true, false, true}
	results := bufio.NewReader(outR)
	for i, rec := range records {
		if _, err := io.WriteString(inW, rec+"\n"); err != nil {
			t.Fatal(err)
		}
		line, err := results.ReadString('\n')
		if err != nil {
			t.Fatalf("record %d: no result: %v (stderr %s)", i+1, err, errOut.String())
		}
		var res struct {
			Line     int  `json:"line"`
			Valid    bool `json:"valid"`
			Findings []struct {
				Rule string `json:"rule"`
				Line int    `json:"line"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(line), &res); err != nil {
			t.Fatalf("record %d: %q: %v", i+1, line, err)
		}
		if res.Line != i+1 || res.Valid != wantValid[i] {
			t.Errorf("record %d: line %d valid %v, want valid %v: %s", i+1, res.Line, res.Valid, wantValid[i], line)
		}
		if i == 5 && (len(res.Findings) != 1 || res.Findings[0].Rule != "event-id-duplicate") {
			t.Errorf("the second o1 with other data: %s, want event-id-duplicate (records are compared across the stream)", line)
		}
	}
	inW.Close()
	if rest, _ := io.ReadAll(results); len(rest) != 0 {
		t.Errorf("after the last record: %q", rest)
	}
	if c := <-code; c != 1 {
		t.Errorf("exit %d, want 1 (invalid records)", c)
	}
	for path, want := range map[string][]int{validOut: {0, 2, 3, 5}, invalidOut: {1, 4}} {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, i := range want {
			lines = append(lines, records[i])
		}
		if string(got) != strings.Join(lines, "\n")+"\n" {
			t.Errorf("%s:\n%s\nwant the records unchanged:\n%s", filepath.Base(path), got, strings.Join(lines, "\n"))
		}
	}
}

func TestLogStreamUsage(t *testing.T) {
	for _, args := range [][]string{
		{"log", "--stream", "a.jsonl"},
		{"log", "--stream", "--format", "json"},
		{"log", "--valid-out", "v.jsonl", "a.jsonl"},
		{"log", "--stream", "--max-findings-per-rule", "3"},
	} {
		if _, stderr, code := runCLI(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
	}
}

// --max-findings-per-rule prints the first N findings of a rule and says
// how many more there were, in the text summary and the JSON summary.
func TestMaxFindingsPerRuleSummaries(t *testing.T) {
	log := `["init", {"pixelId": "px_1"}]` + "\n" + strings.Repeat(`["measure", "add_to_cart", {"type": "contents"}]`+"\n", 3)
	stdout, _, code := runCLI(t, log, "log", "--max-findings-per-rule", "1", "-")
	if code != 1 || strings.Count(stdout, "[event-name-unknown]") != 1 ||
		!strings.Contains(stdout, "2 findings not shown (--max-findings-per-rule): event-name-unknown 2 of 3") ||
		!strings.Contains(stdout, "3 errors") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	stdout, _, _ = runCLI(t, log, "log", "--format", "json", "--max-findings-per-rule", "1", "-")
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
		Summary  struct {
			Errors  int            `json:"errors"`
			Rules   map[string]int `json:"rules"`
			Omitted map[string]int `json:"omitted"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if len(doc.Findings) != 1 || doc.Summary.Errors != 3 || doc.Summary.Rules["event-name-unknown"] != 3 || doc.Summary.Omitted["event-name-unknown"] != 2 {
		t.Errorf("%d findings, summary %+v", len(doc.Findings), doc.Summary)
	}
}

// A byte-order mark before the first record is the stream's, not the
// record's: log --stream reads it as log reads a file that starts with
// one (docs/event-log.md), so the record parses and its columns are
// those log gives.
func TestLogStreamReadsAByteOrderMark(t *testing.T) {
	in := "\xef\xbb\xbf" + `["init", {"pixelId": "px_1"}]` + "\n" + `["measure", "add_to_cart", {"type": "contents"}]` + "\n"
	stdout, stderr, code := runCLI(t, in, "log", "--stream")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], `{"line":1,"valid":true`) ||
		!strings.Contains(lines[1], `"rule":"event-name-unknown"`) || strings.Contains(stdout, "log-parse-error") || strings.Contains(stdout, "init-missing") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	in = "\xef\xbb\xbf" + `["measure", "add_to_cart", {"type": "contents"}]` + "\n"
	stream, _, _ := runCLI(t, in, "log", "--stream")
	file, _, _ := runCLI(t, in, "log", "--format", "json", "-")
	at := `"rule":"event-name-unknown","severity":"error"`
	if !strings.Contains(stream, at) || !strings.Contains(stream, `"line":1,"column":13`) || !strings.Contains(file, `"line":1,"column":13`) {
		t.Errorf("the first record's columns differ between log and log --stream:\n%s\n%s", file, stream)
	}
}
