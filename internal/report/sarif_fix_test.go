package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func fixedFinding() model.Finding {
	sp := func(l, c, e int) model.Span {
		return model.Span{File: "a.js", Start: model.Pos{Line: l, Col: c}, End: model.Pos{Line: l, Col: e}}
	}
	return model.Finding{Rule: "currency-code", Severity: model.Error, Message: "currency must be upper case",
		Span: sp(1, 15, 20), Fix: &model.Fix{Description: `write the currency as "USD"`, Applicability: model.Safe,
			Edits: []model.Edit{{Span: sp(1, 16, 19), Old: "usd", New: "USD"}}}}
}

func TestSARIFFixesValidate(t *testing.T) {
	sch := compileSARIFSchema(t)
	var out bytes.Buffer
	rep := newSARIF(&out, Options{Tool: Tool{Name: "oaiq-lint", Version: "dev"}})
	src := source.New("a.js", []byte(`x({ currency: "usd" });`+"\n"))
	if err := rep.Result(Result{Path: "a.js", Findings: []model.Finding{fixedFinding()}, Sources: map[string]*source.File{"a.js": src}}); err != nil {
		t.Fatal(err)
	}
	if err := rep.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(sch, out.Bytes()); err != nil {
		t.Fatalf("SARIF with fixes does not validate: %v\n%s", err, out.Bytes())
	}
	for _, want := range []string{`"fixes"`, `"artifactChanges"`, `"deletedRegion"`, `"insertedContent": {`, `"text": "USD"`, `"applicability": "safe"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("SARIF lacks %s:\n%s", want, out.String())
		}
	}
	// The schema can reject a broken fix: a replacement without its region.
	bad := strings.Replace(out.String(), `"deletedRegion"`, `"deletedRegionX"`, 1)
	if validateSARIF(sch, []byte(bad)) == nil {
		t.Error("schema accepted a replacement without deletedRegion")
	}
}

func TestJSONCarriesFix(t *testing.T) {
	var out bytes.Buffer
	rep := newJSON(&out, Options{Tool: Tool{Name: "oaiq-lint"}})
	rep.Result(Result{Path: "a.js", Findings: []model.Finding{fixedFinding()}})
	rep.Finish(Summary{Fixable: 1})
	var doc struct {
		Findings []struct {
			Fix struct {
				Description, Applicability string
				Edits                      []struct {
					File                             string
					Line, Column, EndLine, EndColumn int    `json:"-"`
					NewText                          string `json:"new_text"`
				}
			}
		}
		Summary struct{ Fixable int }
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	fx := doc.Findings[0].Fix
	if fx.Applicability != "safe" || len(fx.Edits) != 1 || fx.Edits[0].NewText != "USD" || doc.Summary.Fixable != 1 {
		t.Errorf("json fix = %+v summary %+v\n%s", fx, doc.Summary, out.String())
	}
}
