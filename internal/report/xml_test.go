package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// TestJUnitCounts reads the JUnit output back and checks the counts CI
// systems show: errors and warnings fail, infos and clean files pass.
func TestJUnitCounts(t *testing.T) {
	var doc junitSuites
	if err := xml.Unmarshal(renderFixture(t, "junit"), &doc); err != nil {
		t.Fatalf("JUnit output is not well-formed XML: %v", err)
	}
	if doc.Tests != 7 || doc.Failures != 4 || doc.Errors != 0 {
		t.Errorf("totals tests=%d failures=%d errors=%d, want 7 4 0", doc.Tests, doc.Failures, doc.Errors)
	}
	want := map[string][2]int{ // suite -> tests, failures
		"site/thanks.html":  {3, 2},
		"site/my page.html": {1, 0},
		"https://shop.example/checkout?step=2&email=j***@e***.com": {1, 1},
		"events.jsonl":         {1, 1},
		"/elsewhere/vendor.js": {1, 0},
	}
	if len(doc.Suites) != len(want) {
		t.Fatalf("got %d suites, want %d", len(doc.Suites), len(want))
	}
	for _, s := range doc.Suites {
		w, ok := want[s.Name]
		if !ok || s.Tests != w[0] || s.Failures != w[1] || len(s.Cases) != s.Tests {
			t.Errorf("suite %q: tests=%d failures=%d cases=%d, want %v", s.Name, s.Tests, s.Failures, len(s.Cases), w)
		}
	}
	info := doc.Suites[0].Cases[2]
	if info.Failure != nil || !strings.Contains(info.SystemOut, "value_id is computed") {
		t.Errorf("an info finding should pass with its text in system-out: %+v", info)
	}
	first := doc.Suites[0].Cases[0]
	if first.Failure == nil || first.Failure.Message != `amount 25.99 is not an integer: 100% of "order_created" events, <dropped> & lost` {
		t.Errorf("failure message lost its characters in escaping: %+v", first.Failure)
	}
}

func TestCheckstyleReadsBack(t *testing.T) {
	var doc struct {
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	out := renderFixture(t, "checkstyle")
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("checkstyle output is not well-formed XML: %v", err)
	}
	if doc.Version != "4.3" || len(doc.Files) != 5 {
		t.Fatalf("version=%q files=%d, want 4.3 and 5", doc.Version, len(doc.Files))
	}
	if n := len(doc.Files[1].Errors); doc.Files[1].Name != "site/my page.html" || n != 0 {
		t.Errorf("a clean file is listed with no errors, got %q with %d", doc.Files[1].Name, n)
	}
	e := doc.Files[0].Errors[0]
	if e.Line != 42 || e.Column != 13 || e.Severity != "error" || e.Source != "oaiq-lint.amount-not-integer" ||
		!strings.HasSuffix(e.Message, "Hint: write the amount in minor units, e.g. 2599,\nnot 25.99") {
		t.Errorf("first error = %+v", e)
	}

	// An empty run is still a document.
	var empty bytes.Buffer
	rep := newCheckstyle(&empty, Options{})
	if err := rep.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(empty.Bytes(), &doc); err != nil {
		t.Errorf("empty checkstyle run is not XML: %v\n%s", err, empty.Bytes())
	}
}
