package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func at(rule string, line, col, endCol int) model.Finding {
	return model.Finding{Rule: rule, Severity: model.Error, Message: "m on line 3",
		Span: model.Span{File: "p.html", Start: model.Pos{Line: line, Col: col}, End: model.Pos{Line: line, Col: endCol}}}
}

func TestBaselineSurvivesLineShiftsAndCountsCopies(t *testing.T) {
	before := source.New("p.html", []byte("a\n  amount: 1.5,\n"))
	rec := NewRecorder()
	rec.Add([]model.Finding{at("amount-not-integer", 2, 11, 14)}, map[string]*source.File{"p.html": before})
	var buf bytes.Buffer
	if err := rec.Write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	os.WriteFile(path, buf.Bytes(), 0o644)

	// Three lines were added above; the same problem moved, and a copy appeared.
	after := source.New("p.html", []byte("x\ny\nz\na\n  amount: 1.5,\n    amount: 1.5,\n  amount: 2.5,\n"))
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got := b.Filter([]model.Finding{
		at("amount-not-integer", 5, 11, 14), // known, moved
		at("amount-not-integer", 6, 13, 16), // same text, indented: folded white space makes it the same
		at("amount-not-integer", 7, 11, 14), // new value
	}, map[string]*source.File{"p.html": after})
	if len(got) != 2 || got[0].Span.Start.Line != 6 || got[1].Span.Start.Line != 7 {
		t.Errorf("new findings = %+v", got)
	}
}

func TestLoadRejectsOtherFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.json")
	os.WriteFile(p, []byte(`{"version": 9}`), 0o644)
	if _, err := Load(p); err == nil {
		t.Error("version 9 accepted")
	}
	os.WriteFile(p, []byte(`nope`), 0o644)
	if _, err := Load(p); err == nil {
		t.Error("garbage accepted")
	}
}
