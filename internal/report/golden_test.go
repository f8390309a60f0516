package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// update rewrites golden files: go test ./internal/report -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// fixtureBase stands for the repository root findings are made relative to.
const fixtureBase = "/repo"

func fixtureSpan(file string, l1, c1, l2, c2 int) model.Span {
	return model.Span{File: file, Start: model.Pos{Line: l1, Col: c1}, End: model.Pos{Line: l2, Col: c2}}
}

// fixtureRun is one run over five inputs covering what formats must get
// right: severities, characters each format must escape, absolute paths
// under the root, a path with a space, a URL, a whole-file finding, an
// event-log finding with a JSON Pointer, a rule the registry does not know,
// a raw e-mail address that must never be printed, and a clean file.
func fixtureRun() (Options, []Result) {
	opts := Options{
		Tool:    Tool{Name: "oaiq-lint", Version: "1.2.3"},
		BaseDir: fixtureBase,
		Rules: []RuleInfo{
			{ID: "amount-not-integer", Severity: model.Error, Title: "Amount is not an integer in minor units",
				Doc:  "The pixel drops events whose `amount` is not an integer.\n\nBad: `amount: 25.99`\n\nGood: `amount: 2599`",
				Spec: "amount: integer, in the currency's minor unit."},
			{ID: "snippet-not-in-head", Severity: model.Warning, Title: "Loader is not in <head>"},
			{ID: "value-dynamic", Severity: model.Info, Title: "Value not known statically"},
		},
	}
	amount := fixtureSpan("/repo/site/thanks.html", 42, 13, 42, 18)
	results := []Result{
		{Path: "/repo/site/thanks.html", Calls: 2, Findings: []model.Finding{
			{Rule: "amount-not-integer", Severity: model.Error, Span: amount,
				Message: `amount 25.99 is not an integer: 100% of "order_created" events, <dropped> & lost`,
				Hint:    "write the amount in minor units, e.g. 2599,\nnot 25.99"},
			{Rule: "snippet-not-in-head", Severity: model.Warning, Span: fixtureSpan("/repo/site/thanks.html", 3, 1, 5, 10),
				Message: "loader for jane.doe@example.com, found in <body>"},
			{Rule: "value-dynamic", Severity: model.Info, Span: fixtureSpan("/repo/site/thanks.html", 50, 7, 50, 21),
				Message: "value_id is computed (order.total); not checked"},
		}},
		{Path: "site/my page.html", Calls: 1},
		{Path: "https://shop.example/checkout?step=2&email=jane.doe@example.com", Calls: 1, Findings: []model.Finding{
			{Rule: "snippet-not-in-head", Severity: model.Warning, Span: model.Span{File: "https://shop.example/checkout?step=2&email=jane.doe@example.com"},
				Message: "no loader on the page"},
		}},
		{Path: "events.jsonl", Calls: 3, Findings: []model.Finding{
			{Rule: "log-parse-error", Severity: model.Error,
				Span:    model.Span{File: "events.jsonl", Start: model.Pos{Line: 7, Col: 1}, End: model.Pos{Line: 7, Col: 30}, Pointer: "/2/jane.doe@example.com"},
				Message: "record 7: unexpected end of JSON"},
		}},
		{Path: "/elsewhere/vendor.js", Calls: 1, Findings: []model.Finding{
			{Rule: "value-dynamic", Severity: model.Info, Span: fixtureSpan("/elsewhere/vendor.js", 1, 5, 1, 9),
				Message: "ünïcode ☃ value"},
		}},
	}
	return opts, results
}

// renderFixture runs a format over the fixture run.
func renderFixture(t *testing.T, format string) []byte {
	t.Helper()
	opts, results := fixtureRun()
	return runFormat(t, format, opts, results)
}

// runFormat writes results through one format, as a run would.
func runFormat(t *testing.T, format string, opts Options, results []Result) []byte {
	t.Helper()
	var out bytes.Buffer
	one, err := New(format, &out, opts)
	if err != nil {
		t.Fatal(err)
	}
	rep := Multi{one} // as the CLI reports: through Multi

	var sum Summary
	for _, r := range results {
		sum.Add(r)
		if err := rep.Result(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Finish(sum); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestGoldenFormats(t *testing.T) {
	for _, format := range []string{"sarif", "github", "junit", "checkstyle"} {
		t.Run(format, func(t *testing.T) {
			first := renderFixture(t, format)
			if again := renderFixture(t, format); !bytes.Equal(first, again) {
				t.Fatalf("%s output differs between two runs over the same input", format)
			}
			golden(t, format+".golden", first)
		})
	}
}

// TestNoRawPersonalData holds every registered format to the privacy
// contract: the fixture's raw e-mail address never reaches the output.
func TestNoRawPersonalData(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			out := renderFixture(t, format)
			if bytes.Contains(out, []byte("jane.doe@example.com")) {
				t.Errorf("%s output holds a raw e-mail address:\n%s", format, out)
			}
		})
	}
}
