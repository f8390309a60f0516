package rules

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A key written in code is an error in a page and in code that runs in the
// browser, a warning in server code, and nothing when the request reads it
// from elsewhere.
func TestCAPIKeyInCode(t *testing.T) {
	key := model.Span{File: "x", Start: model.Pos{Line: 3, Col: 30}, End: model.Pos{Line: 3, Col: 60}}
	for _, c := range []struct {
		kind    model.DocKind
		span    model.Span
		want    model.Severity
		browser bool
	}{
		{model.Page, key, model.Error, false},
		{model.Script, key, model.Warning, false},
		{model.Script, model.Span{}, 0, false},
		{model.Script, key, model.Error, true},
	} {
		doc := &model.Document{Kind: c.kind, Requests: []*model.Request{{Body: &model.Value{Kind: model.Object}, KeySpan: c.span, Browser: c.browser}}}
		var got model.Severity
		for _, f := range Check(doc, Options{}) {
			if f.Rule == "capi-key-in-code" {
				got = f.Severity
				if f.Span != key {
					t.Errorf("%s: at %v, want %v", c.kind, f.Span, key)
				}
			}
		}
		if got != c.want {
			t.Errorf("%s, key at %v: severity %v, want %v", c.kind, c.span, got, c.want)
		}
	}
}
