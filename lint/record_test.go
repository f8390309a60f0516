package lint

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A record checked on its own (Record) is judged by what it holds: the
// rules that compare records say nothing (a measure alone is not "no
// init"; the same event_id twice is not a duplicate), the others run as on
// any log, and a record that is not JSON is a log-parse-error at its line,
// every time it comes (the same finding twice is not "already reported"),
// as is a record with nothing in it.
func TestRecordAlone(t *testing.T) {
	measure := `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}, {"event_id": "o1"}]`
	recs := []StreamRecord{
		{Line: 1, Text: []byte(measure)},
		{Line: 1, Text: []byte(measure)},
		{Line: 7, Text: []byte(`["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "USD"}]`)},
		{Line: 1, Text: []byte(`{"args": ["measure", `)},
		{Line: 1, Text: []byte(`{"args": ["measure", `)},
		{Line: 1, Text: []byte(" \t")},
	}
	var inputs []Input
	for _, r := range recs {
		inputs = append(inputs, Record("events.pixel", r))
	}
	var got [][]string
	out, err := New(Options{FailOn: model.Error}).Run(context.Background(), slices.Values(inputs), func(r *Result) error {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
		rec := r.Origin.(StreamRecord)
		var rs []string
		for _, f := range r.Report.Findings {
			if f.Span.Start.Line != rec.Line || f.Span.File != "events.pixel" {
				t.Errorf("finding %s at %s:%d, want line %d of events.pixel", f.Rule, f.Span.File, f.Span.Start.Line, rec.Line)
			}
			rs = append(rs, f.Rule)
		}
		got = append(got, rs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{nil, nil, {"amount-not-integer"}, {"log-parse-error"}, {"log-parse-error"}, {"log-parse-error"}}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if strings.Join(got[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("record %d: findings %v, want %v", i+1, got[i], want[i])
		}
	}
	if !out.Failed {
		t.Error("run with error findings did not fail")
	}
}
