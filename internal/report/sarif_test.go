package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema (errata 01), shipped so
// the test runs offline.
var sarifSchemaPath = filepath.Join("..", "..", "testdata", "sarif-2.1.0.schema.json")

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	// URIs (helpUri, artifactLocation.uri) must really be URIs.
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(sch *jsonschema.Schema, b []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	if err := validateSARIF(sch, renderFixture(t, "sarif")); err != nil {
		t.Fatalf("SARIF output does not validate: %v", err)
	}
	// An empty run (no rules registered, no inputs) is valid too.
	var out bytes.Buffer
	rep := newSARIF(&out, Options{Tool: Tool{Name: "oaiq-lint", Version: "dev"}})
	if err := rep.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(sch, out.Bytes()); err != nil {
		t.Fatalf("empty SARIF run does not validate: %v\n%s", err, out.Bytes())
	}
}

// TestSARIFSchemaRejects proves the validation above can fail: documents
// that break the schema in ways a reporter could are rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := compileSARIFSchema(t)
	good := renderFixture(t, "sarif")
	for name, bad := range map[string]string{
		"level info":          strings.Replace(string(good), `"level": "note"`, `"level": "info"`, 1),
		"column zero":         strings.Replace(string(good), `"startColumn": 13`, `"startColumn": 0`, 1),
		"relative info URI":   strings.Replace(string(good), `"informationUri": "https://`, `"informationUri": "`, 1),
		"region without line": strings.Replace(string(good), `"startLine": 42,`, ``, 1),
		"wrong version":       strings.Replace(string(good), `"version": "2.1.0"`, `"version": "2.1"`, 1),
		"unknown result prop": strings.Replace(string(good), `"ruleIndex": 0,`, `"ruleIndex": 0, "severity": "error",`, 1),
	} {
		if bad == string(good) {
			t.Fatalf("%s: the fixture no longer holds the text this case replaces", name)
		}
		if err := validateSARIF(sch, []byte(bad)); err == nil {
			t.Errorf("%s: schema accepted an invalid document", name)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID, HelpURI          string
						DefaultConfiguration *struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           *struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(renderFixture(t, "sarif"), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints (columns count runes)", run.ColumnKind)
	}
	rules := run.Tool.Driver.Rules
	// Registered rules first, in registry order, then unknown ids as met.
	wantIDs := []string{"amount-not-integer", "snippet-not-in-head", "value-dynamic", "log-parse-error"}
	if len(rules) != len(wantIDs) {
		t.Fatalf("got %d rules, want %d", len(rules), len(wantIDs))
	}
	for i, id := range wantIDs {
		if rules[i].ID != id || rules[i].HelpURI != RuleHelpURL(id) {
			t.Errorf("rule %d = %s %s, want %s %s", i, rules[i].ID, rules[i].HelpURI, id, RuleHelpURL(id))
		}
	}
	if rules[0].DefaultConfiguration.Level != "error" || rules[2].DefaultConfiguration.Level != "note" {
		t.Errorf("default levels: %+v %+v", rules[0].DefaultConfiguration, rules[2].DefaultConfiguration)
	}
	for _, r := range run.Results {
		if rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at rule %d (%s)", r.RuleID, r.RuleIndex, rules[r.RuleIndex].ID)
		}
	}
	type loc struct {
		uri, base string
	}
	wantLocs := []loc{
		{"site/thanks.html", "%SRCROOT%"},
		{"site/thanks.html", "%SRCROOT%"},
		{"site/thanks.html", "%SRCROOT%"},
		{"https://shop.example/checkout?step=2&email=j***@e***.com", ""},
		{"events.jsonl", "%SRCROOT%"},
		{"file:///elsewhere/vendor.js", ""},
	}
	if len(run.Results) != len(wantLocs) {
		t.Fatalf("got %d results, want %d", len(run.Results), len(wantLocs))
	}
	for i, want := range wantLocs {
		got := run.Results[i].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != want.uri || got.URIBaseID != want.base {
			t.Errorf("result %d location = %q %q, want %q %q", i, got.URI, got.URIBaseID, want.uri, want.base)
		}
	}
	if reg := run.Results[0].Locations[0].PhysicalLocation.Region; reg == nil || *reg != (struct{ StartLine, StartColumn, EndLine, EndColumn int }{42, 13, 42, 18}) {
		t.Errorf("region = %+v, want 42:13-42:18", reg)
	}
	if reg := run.Results[3].Locations[0].PhysicalLocation.Region; reg != nil {
		t.Errorf("a whole-page finding has region %+v, want none", reg)
	}
}

func TestSARIFURI(t *testing.T) {
	for _, tc := range []struct{ base, file, uri, baseID string }{
		{"/repo", "/repo/a/b.html", "a/b.html", "%SRCROOT%"},
		{"/repo", "a/../c d.html", "c%20d.html", "%SRCROOT%"},
		{"/repo", "/repository/x.html", "file:///repository/x.html", ""},
		{"/repo", "/repo/50%.html", "50%25.html", "%SRCROOT%"},
		{"/repo", "a#b?.js", "a%23b%3F.js", "%SRCROOT%"},
		{"/repo", "c:x.html", "./c:x.html", "%SRCROOT%"},
		{"", "http://shop.example/a b", "http://shop.example/a%20b", ""},
		{"/repo", "https://shop.example/%7Ex?q=a%20b#top", "https://shop.example/%7Ex?q=a%20b#top", ""},
	} {
		uri, baseID := sarifURI(tc.base, tc.file)
		if uri != tc.uri || baseID != tc.baseID {
			t.Errorf("sarifURI(%q, %q) = %q %q, want %q %q", tc.base, tc.file, uri, baseID, tc.uri, tc.baseID)
		}
	}
}

// A finding keeps its partial fingerprint when lines are added above it,
// so code scanning does not close and reopen it on every edit.
func TestSARIFPartialFingerprintSurvivesLineShift(t *testing.T) {
	fingerprint := func(text string, line int) string {
		t.Helper()
		src := source.New("a.js", []byte(text))
		f := model.Finding{Rule: "amount-not-integer", Severity: model.Error, Message: "m",
			Span: model.Span{File: "a.js", Start: model.Pos{Line: line, Col: 5}, End: model.Pos{Line: line, Col: 10}}}
		var out bytes.Buffer
		rep := newSARIF(&out, Options{Tool: Tool{Name: "oaiq-lint"}})
		if err := rep.Result(Result{Path: "a.js", Findings: []model.Finding{f}, Sources: map[string]*source.File{"a.js": src}}); err != nil {
			t.Fatal(err)
		}
		if err := rep.Finish(Summary{}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		fp := log.Runs[0].Results[0].PartialFingerprints[sarifFingerprintKey]
		if len(fp) != 32 {
			t.Fatalf("fingerprint %q is not 32 hex digits", fp)
		}
		return fp
	}
	before := fingerprint("x = f(18.99);\n", 1)
	after := fingerprint("// a comment\n\nx = f(18.99);\n", 3)
	if before != after {
		t.Errorf("fingerprint moved with the line: %s → %s", before, after)
	}
	if other := fingerprint("x = f(20.50);\n", 1); other == before {
		t.Error("a different finding has the same fingerprint")
	}
}
