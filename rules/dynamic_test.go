package rules

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Builders for documents a page or script extractor would produce: values
// with spans on one line, dynamic nodes and open objects.

func tAt(col int) model.Span {
	return model.Span{File: "page.html", Start: model.Pos{Line: 1, Col: col}, End: model.Pos{Line: 1, Col: col + 1}}
}

func tStr(s string, col int) *model.Value {
	return &model.Value{Kind: model.String, Str: s, Span: tAt(col)}
}
func tNum(n float64, raw string, col int) *model.Value {
	return &model.Value{Kind: model.Number, Num: n, Raw: raw, Span: tAt(col)}
}
func tDyn(raw string, col int) *model.Value {
	return &model.Value{Kind: model.Dynamic, Raw: raw, Span: tAt(col)}
}

func tObj(col int, open bool, kv ...any) *model.Value {
	v := &model.Value{Kind: model.Object, Open: open, Span: tAt(col)}
	for i := 0; i < len(kv); i += 2 {
		val := kv[i+1].(*model.Value)
		v.Fields = append(v.Fields, &model.Field{Key: kv[i].(string), KeySpan: tAt(val.Span.Start.Col - 2), Value: val})
	}
	return v
}

func tCall(col int, args ...*model.Value) *model.Call {
	return &model.Call{Args: args, Span: tAt(col)}
}

func tRulesOf(fs []model.Finding) map[string][]model.Finding {
	out := map[string][]model.Finding{}
	for _, f := range fs {
		out[f.Rule] = append(out[f.Rule], f)
	}
	return out
}

func TestDynamicValuesAreNotGuessedAbout(t *testing.T) {
	doc := &model.Document{Path: "page.html", Kind: model.Script, Calls: []*model.Call{
		tCall(1, tStr("init", 2), tObj(10, false, "pixelId", tDyn("{{ pixel_id }}", 20), "user", tObj(40, false, "email_sha256", tDyn("hash(email)", 60)))),
		tCall(100, tStr("measure", 101), tStr("order_created", 110), tObj(130, false,
			"type", tStr("contents", 140),
			"amount", tDyn("order.total * 100", 160),
			"currency", tDyn("cur", 190),
		)),
		tCall(300, tStr("measure", 301), tDyn("eventName", 310), tObj(330, true, "amount", tNum(2599, "2599", 340))),
		tCall(400, tStr("measure", 401), tStr("custom", 410), tObj(420, false, "type", tStr("custom", 430)), tDyn("opts", 450)),
	}}
	got := tRulesOf(Check(doc, Options{}))
	for id, fs := range got {
		if id != "dynamic-value" {
			t.Errorf("unexpected %s: %s", id, fs[0].Message)
		}
	}
	dv := got["dynamic-value"]
	// pixelId, email_sha256, amount, currency, the event name, the open data
	// object and the dynamic options: one finding each.
	if len(dv) != 7 {
		for _, f := range dv {
			t.Log(f.Span.Start.Col, f.Message)
		}
		t.Fatalf("%d dynamic-value findings, want 7", len(dv))
	}
	var amount string
	for _, f := range dv {
		if f.Severity != model.Info {
			t.Errorf("dynamic-value is info, got %s", f.Severity)
		}
		if f.Span.Start.Col == 160 {
			amount = f.Message
		}
	}
	if !strings.Contains(amount, "order.total * 100") || !strings.Contains(amount, "integer") {
		t.Errorf("amount finding should show the expression and what was not checked: %q", amount)
	}
}

func TestOpenObjectsStillReportPresentMistakes(t *testing.T) {
	doc := &model.Document{Path: "page.html", Kind: model.Script, Calls: []*model.Call{
		tCall(1, tStr("init", 2), tObj(10, true, "pixel", tStr("px_1", 20))),
		tCall(100, tStr("measure", 101), tStr("order_created", 110), tObj(130, true, "value", tNum(25.99, "25.99", 140))),
	}}
	got := tRulesOf(Check(doc, Options{}))
	if len(got["init-unknown-field"]) != 1 || len(got["data-unknown-field"]) != 1 {
		t.Errorf("a present unknown field is wrong even beside a spread: %v", got)
	}
	for _, id := range []string{"data-type-missing", "init-pixel-id-missing", "currency-missing"} {
		if len(got[id]) != 0 {
			t.Errorf("%s: absence proves nothing in an open object", id)
		}
	}
}

func TestInitMissingNeedsEvidence(t *testing.T) {
	measure := tCall(100, tStr("measure", 101), tStr("lead_created", 110), tObj(130, false, "type", tStr("customer_action", 140)))
	for _, tt := range []struct {
		name string
		doc  *model.Document
		want model.Severity
	}{
		{"log", &model.Document{Kind: model.EventLog}, model.Error},
		{"whole page", &model.Document{Kind: model.Page, Page: &model.PageFacts{HasHead: true}}, model.Error},
		{"page with a tag manager", &model.Document{Kind: model.Page, Page: &model.PageFacts{TagManagers: []model.TagManager{{Name: "Google Tag Manager"}}}}, model.Info},
		{"page with unreadable scripts", &model.Document{Kind: model.Page, Page: &model.PageFacts{Unresolved: []model.ExternalScript{{Src: "/app.js"}}}}, model.Info},
		{"fragment", &model.Document{Kind: model.Fragment, Page: &model.PageFacts{}}, 0},
		{"script", &model.Document{Kind: model.Script}, 0},
	} {
		tt.doc.Calls = []*model.Call{measure}
		fs := tRulesOf(Check(tt.doc, Options{}))["init-missing"]
		switch {
		case tt.want == 0 && len(fs) != 0:
			t.Errorf("%s: want no init-missing, got %s", tt.name, fs[0].Message)
		case tt.want != 0 && (len(fs) != 1 || fs[0].Severity != tt.want):
			t.Errorf("%s: want one init-missing of severity %s, got %v", tt.name, tt.want, fs)
		}
	}
}

func TestServerEventsSkipBrowserOnlyRules(t *testing.T) {
	server := tCall(1, tStr("measure", 2), tStr("app_installed", 10), tObj(30, false, "type", tStr("customer_action", 40)), tObj(60, false))
	server.Side = model.Server
	fs := Check(&model.Document{Kind: model.EventLog, Calls: []*model.Call{server}}, Options{})
	if len(fs) != 0 {
		t.Errorf("a server-only event sent from the server is fine, got %v", fs)
	}
}
