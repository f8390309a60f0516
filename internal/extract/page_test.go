package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

const fixtures = "../../testdata/check/extract"

func readFixture(t *testing.T, name string, opts Options) *model.Document {
	t.Helper()
	path := filepath.Join(fixtures, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Resolver == nil {
		opts.Resolver = DirResolver{PageDir: filepath.Dir(path)}
	}
	doc, _ := File(name, data, opts)
	return doc
}

func at(s model.Span) string {
	return fmt.Sprintf("%d:%d-%d:%d", s.Start.Line, s.Start.Col, s.End.Line, s.End.Col)
}

type wantCall struct {
	command string
	span    string
}

func checkCalls(t *testing.T, doc *model.Document, want []wantCall) {
	t.Helper()
	if len(doc.Calls) != len(want) {
		for _, c := range doc.Calls {
			t.Logf("call %s at %s", c.Command(), at(c.Span))
		}
		t.Fatalf("%s: got %d calls, want %d", doc.Path, len(doc.Calls), len(want))
	}
	for i, w := range want {
		c := doc.Calls[i]
		if c.Command() != w.command || at(c.Span) != w.span {
			t.Errorf("%s: call %d = %q at %s, want %q at %s", doc.Path, i, c.Command(), at(c.Span), w.command, w.span)
		}
	}
}

func TestDocumentedSnippet(t *testing.T) {
	doc := readFixture(t, "documented.html", Options{})
	if doc.Kind != model.Page || !doc.Page.HasHead {
		t.Fatalf("kind %v, HasHead %v", doc.Kind, doc.Page.HasHead)
	}
	checkCalls(t, doc, []wantCall{{"init", "21:3-23:5"}, {"measure", "30:3-30:88"}})
	pid := doc.Calls[0].Arg(1).Get("pixelId")
	if s, _ := pid.StringValue(); s != "<YOUR-PIXEL-ID>" || at(pid.Span) != "22:14-22:31" {
		t.Errorf("pixelId = %+v at %s", pid, at(pid.Span))
	}
	if len(doc.Page.Loaders) != 1 {
		t.Fatalf("loaders: %+v", doc.Page.Loaders)
	}
	l := doc.Page.Loaders[0]
	if l.Kind != model.LoaderStub || !l.HasQueue || !l.HasGuard || !l.Async || !l.InHead || l.Preceding != 0 {
		t.Errorf("loader %+v", l)
	}
	if l.Src != "https://bzrcdn.openai.com/sdk/oaiq.min.js" || at(l.SrcSpan) != "19:34-19:77" || at(l.Span) != "6:1-24:10" {
		t.Errorf("loader src %q at %s, span %s", l.Src, at(l.SrcSpan), at(l.Span))
	}
	if l.Inline == "" || len(doc.ScriptFailures) != 0 {
		t.Errorf("inline %q, script failures %+v", l.Inline, doc.ScriptFailures)
	}
}

func TestMinifiedLoader(t *testing.T) {
	doc := readFixture(t, "minified.html", Options{})
	checkCalls(t, doc, []wantCall{{"init", "1:369-1:400"}})
	if len(doc.Page.Loaders) != 1 {
		t.Fatalf("loaders: %+v", doc.Page.Loaders)
	}
	l := doc.Page.Loaders[0]
	if !l.HasQueue || !l.HasGuard || !l.Async || !l.InHead || l.Preceding != 2 || l.Src != "https://bzrcdn.openai.com/sdk/oaiq.min.js" {
		t.Errorf("loader %+v", l)
	}
	// /vendor.js is absolute and no site root was given.
	if len(doc.Page.Unresolved) != 1 || doc.Page.Unresolved[0].Src != "/vendor.js" {
		t.Errorf("unresolved %+v", doc.Page.Unresolved)
	}
}

func TestTemplatePage(t *testing.T) {
	doc := readFixture(t, "erb.html.erb", Options{})
	if len(doc.ScriptFailures) != 0 {
		t.Fatalf("script failures %+v", doc.ScriptFailures)
	}
	checkCalls(t, doc, []wantCall{{"consent", "5:3-5:25"}, {"init", "7:3-7:106"}, {"measure", "11:9-11:121"}})
	pid := doc.Calls[1].Arg(1).Get("pixelId")
	if !pid.IsDynamic() || pid.Raw != "<%= ENV['OAIQ_PIXEL'] %>" || at(pid.Span) != "7:27-7:53" {
		t.Errorf("pixelId %+v at %s", pid, at(pid.Span))
	}
	hash := doc.Calls[1].Arg(1).Get("user").Get("email_sha256")
	if !hash.IsDynamic() || hash.Raw != "<%= raw @hash.to_json %>" {
		t.Errorf("email_sha256 %+v", hash)
	}
	data := doc.Calls[2].Arg(2)
	if a := data.Get("amount"); !a.IsDynamic() || a.Raw != "<?= $order->total ?>" {
		t.Errorf("amount %+v", a)
	}
	if c := data.Get("currency"); !c.IsDynamic() || c.Raw != "{{ currency }}" {
		t.Errorf("currency %+v", c)
	}
	if len(doc.Page.Loaders) != 0 {
		t.Errorf("loaders %+v", doc.Page.Loaders)
	}
}

func TestTagManagerFragment(t *testing.T) {
	doc := readFixture(t, "gtm-fragment.html", Options{})
	if doc.Kind != model.Fragment || doc.Page == nil || doc.Page.HasHead {
		t.Fatalf("kind %v page %+v", doc.Kind, doc.Page)
	}
	checkCalls(t, doc, []wantCall{{"measure", "2:18-5:5"}})
	fl := doc.Calls[0].Arg(2).Get("form_location")
	if !fl.IsDynamic() || fl.Raw != "{{DLV - form_location}}" || at(fl.Span) != "4:20-4:43" {
		t.Errorf("form_location %+v at %s", fl, at(fl.Span))
	}
	if typ, _ := doc.Calls[0].Arg(2).Get("type").StringValue(); typ != "lead" {
		t.Errorf("type %q", typ)
	}
}

func TestExternalInit(t *testing.T) {
	doc := readFixture(t, "external.html", Options{})
	checkCalls(t, doc, []wantCall{{"init", "3:1-3:33"}, {"measure", "6:22-6:72"}})
	init := doc.Calls[0]
	if init.Span.File != "../../testdata/check/extract/js/pixel.js" {
		t.Errorf("init file %q", init.Span.File)
	}
	if pid := init.Arg(1).Get("pixelId"); pid.Str != "px_ext" || at(pid.Span) != "3:25-3:30" {
		t.Errorf("pixelId %+v at %s", pid, at(pid.Span))
	}
	if len(doc.Page.Loaders) != 1 || doc.Page.Loaders[0].Kind != model.LoaderScriptTag || !doc.Page.Loaders[0].Async ||
		at(doc.Page.Loaders[0].SrcSpan) != "3:20-3:61" {
		t.Errorf("loaders %+v", doc.Page.Loaders)
	}
	if len(doc.Page.TagManagers) != 1 || doc.Page.TagManagers[0].Name != "Google Tag Manager" {
		t.Errorf("tag managers %+v", doc.Page.TagManagers)
	}
	if len(doc.Page.Unresolved) != 1 || doc.Page.Unresolved[0].Reason != "remote script, not fetched" {
		t.Errorf("unresolved %+v", doc.Page.Unresolved)
	}
}

func TestMalformedHTML(t *testing.T) {
	doc := readFixture(t, "malformed.html", Options{})
	// The failure is a fact; rules/parse_error.go reports it (as a
	// warning, see testdata/page/parse-error.html).
	if len(doc.ScriptFailures) != 1 || doc.ScriptFailures[0].Span.Start != (model.Pos{Line: 4, Col: 54}) {
		t.Fatalf("script failures %+v", doc.ScriptFailures)
	}
	// goja reports the token after the stray comma. The broken script's
	// calls are recovered one by one (the init; the measure with the stray
	// comma cannot be read), and the next script is still read.
	checkCalls(t, doc, []wantCall{{"init", "3:9-3:40"}, {"consent", "6:9-6:35"}})
	if f := doc.ScriptFailures[0]; !f.Recovered || f.Read != 1 || f.Unread != 1 {
		t.Errorf("recovery: %+v", f)
	}
	if v := doc.Calls[1].Arg(1); !v.Is(model.Bool) || !v.Bool {
		t.Errorf("!0 = %+v", v)
	}
}

func TestEncodings(t *testing.T) {
	for _, name := range []string{"utf16le.html", "utf16be.html", "cp1252.html"} {
		t.Run(name, func(t *testing.T) {
			doc := readFixture(t, name, Options{})
			checkCalls(t, doc, []wantCall{{"init", "3:42-3:73"}})
			pid := doc.Calls[0].Arg(1).Get("pixelId")
			if pid.Str != "px_é" || at(pid.Span) != "3:65-3:71" {
				t.Errorf("pixelId %q at %s", pid.Str, at(pid.Span))
			}
		})
	}
}

func TestContentTypeCharset(t *testing.T) {
	page := []byte("<script>// \xe9\noaiq('init')</script>")
	doc, files := Page("p.html", page, Options{ContentType: "text/html; charset=ISO-8859-1"})
	if string(files[0].Text[11:13]) != "é" {
		t.Errorf("decoded %q", files[0].Text)
	}
	checkCalls(t, doc, []wantCall{{"init", "2:1-2:13"}})
}
