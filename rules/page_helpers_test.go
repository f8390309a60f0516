package rules

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// The documented snippet, as a browser's <script> text.
const docSnippet = `
  (function (w, d, s, u) {
    if (w.oaiq) return;
    var q = function () {
      q.q.push(arguments);
    };
    q.q = [];
    w.oaiq = q;
    var js = d.createElement(s);
    js.async = true;
    js.src = u;
    var f = d.getElementsByTagName(s)[0];
    f.parentNode.insertBefore(js, f);
  })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");

  oaiq("init", {
    pixelId: "<YOUR-PIXEL-ID>",
  });
`

func span(line, col int) model.Span {
	return model.Span{File: "site/index.html", Start: model.Pos{Line: line, Col: col}, End: model.Pos{Line: line, Col: col + 10}}
}

// stub is the documented loader at the top of <head>, line 5.
func stub() model.LoaderSighting {
	return model.LoaderSighting{
		Kind: model.LoaderStub, Span: span(5, 3), Src: pixel.SDKURL, SrcSpan: span(17, 42),
		InHead: true, HasQueue: true, HasGuard: true, Async: true, Inline: docSnippet,
	}
}

// scriptTag is a plain <script async src> for the SDK in <head>, line 6.
func scriptTag() model.LoaderSighting {
	return model.LoaderSighting{Kind: model.LoaderScriptTag, Span: span(6, 3), Src: pixel.SDKURL, SrcSpan: span(6, 27), InHead: true, Async: true}
}

func initCall(line int) *model.Call {
	return &model.Call{Args: []*model.Value{{Kind: model.String, Str: "init"}}, Span: span(line, 3)}
}

// page builds a whole HTML page with one init call and the given facts.
func page(facts model.PageFacts) *model.Document {
	facts.HasHead = true
	return &model.Document{Path: "site/index.html", Kind: model.Page, Calls: []*model.Call{initCall(20)}, Page: &facts}
}

// withKind returns doc as another kind of document.
func withKind(doc *model.Document, k model.DocKind) *model.Document {
	d := *doc
	d.Kind = k
	return &d
}

// runRule runs one registered rule over doc.
func runRule(t *testing.T, id string, doc *model.Document) []model.Finding {
	t.Helper()
	r := Lookup(id)
	if r == nil || r.Check == nil {
		t.Fatalf("rule %s is not registered with a Check", id)
	}
	var out []model.Finding
	r.Check(&Pass{Doc: doc, rule: r, out: &out})
	return out
}

// want is an expected finding: severity, line, and substrings of message
// and hint (every one must appear).
type want struct {
	sev  model.Severity
	line int
	msg  []string
	hint []string
}

// expect fails unless got matches wants one to one, in order.
func expect(t *testing.T, got []model.Finding, wants ...want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(wants), dump(got))
	}
	for i, w := range wants {
		f := got[i]
		if f.Severity != w.sev || f.Span.Start.Line != w.line {
			t.Errorf("finding %d: %s at line %d, want %s at line %d\n%s", i, f.Severity, f.Span.Start.Line, w.sev, w.line, dump(got))
		}
		for _, m := range w.msg {
			if !strings.Contains(f.Message, m) {
				t.Errorf("finding %d message %q lacks %q", i, f.Message, m)
			}
		}
		for _, h := range w.hint {
			if !strings.Contains(f.Hint, h) {
				t.Errorf("finding %d hint %q lacks %q", i, f.Hint, h)
			}
		}
	}
}

func dump(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Span.String() + " " + f.Rule + " " + f.Severity.String() + ": " + f.Message + " | hint: " + f.Hint + "\n")
	}
	return b.String()
}

func TestPageRulesRegisteredWithDocs(t *testing.T) {
	ids := map[string]model.Severity{
		"snippet-missing": model.Error, "snippet-not-in-head": model.Error, "snippet-late": model.Warning,
		"snippet-duplicate": model.Warning, "snippet-src": model.Error, "snippet-modified": model.Warning,
		"csp-blocks-sdk": model.Error, "csp-nonce-missing": model.Error, "server-api-in-browser": model.Error,
		"parse-error": model.Warning, "snippet-consent-gated": model.Info,
	}
	for id, sev := range ids {
		r := Lookup(id)
		if r == nil {
			t.Errorf("%s not registered", id)
			continue
		}
		if r.Severity != sev {
			t.Errorf("%s severity %s, want %s", id, r.Severity, sev)
		}
		if r.Title == "" || r.Spec == "" || !strings.Contains(r.Doc, "Bad:") || !strings.Contains(r.Doc, "Good:") {
			t.Errorf("%s lacks title, spec or a bad and good example", id)
		}
		if r.Check == nil {
			t.Errorf("%s has no Check: every finding is made by a rule", id)
		}
	}
}
