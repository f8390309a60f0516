package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestDataBlocksAreSkipped(t *testing.T) {
	page := `<script type="application/ld+json">{"oaiq": 1}</script>
<script type="text/x-template">oaiq("init"</script>
<script type="text/javascript">oaiq("init")</script>
<script type="module">oaiq("consent", true)</script>`
	doc, _ := Page("p.html", []byte(page), Options{})
	if len(doc.ScriptFailures) != 0 || len(doc.Calls) != 2 {
		t.Fatalf("calls %d script failures %+v", len(doc.Calls), doc.ScriptFailures)
	}
}

func TestMetaCSPAndHeaders(t *testing.T) {
	page := `<!doctype html><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
<meta http-equiv="content-security-policy-report-only" content="default-src 'none'">
</head>`
	doc, _ := Page("p.html", []byte(page), Options{CSPHeaders: []string{"img-src *"}})
	p := doc.Page.Policies
	if len(p) != 3 || p[0].Origin != "header" || p[1].Text != "script-src 'self'" || p[1].ReportOnly ||
		!p[2].ReportOnly || p[1].Span.Start != (model.Pos{Line: 2, Col: 1}) {
		t.Errorf("%+v", p)
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]Kind{
		"<!doctype html>":                  HTML,
		"  {% extends 'base.html' %}\n<p>": HTML,
		"<?php echo 1 ?><div>":             HTML,
		"// js\noaiq('init')":              JS,
		"var s = '<div>'":                  JS,
		"x = 1;\n<script>oaiq()</script>":  HTML,
	}
	for in, want := range tests {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
	if KindOf("a.liquid", []byte("x")) != HTML || KindOf("a.mjs", []byte("<p>")) != JS || KindOf("page", []byte("<p>")) != HTML {
		t.Error("KindOf by extension")
	}
}

func TestScriptFile(t *testing.T) {
	doc, files := Script("a.js", []byte("\xef\xbb\xbfoaiq('init', {pixelId: '<%= id %>'})"), Options{})
	if doc.Kind != model.Script || len(files) != 1 || len(doc.Calls) != 1 {
		t.Fatalf("%+v", doc)
	}
	// The BOM is not a column.
	if at(doc.Calls[0].Span) != "1:1-1:37" || doc.Calls[0].Arg(1).Get("pixelId").Raw != "<%= id %>" {
		t.Errorf("%s %+v", at(doc.Calls[0].Span), doc.Calls[0].Arg(1).Get("pixelId"))
	}
}

func TestSDKScriptTag(t *testing.T) {
	page := `<!doctype html><head><link rel="stylesheet" href="a.css"><script src="x.js"></script>
<script defer nonce="n1" src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script></head>
<body><script src="/static/oaiq.js"></script><script src="/js/oaiq-events.js"></script></body>`
	doc, _ := Page("p.html", []byte(page), Options{})
	l := doc.Page.Loaders
	if len(l) != 2 || l[0].Kind != model.LoaderScriptTag || !l[0].InHead || l[0].Preceding != 2 || !l[0].Async || l[0].Nonce != "n1" ||
		l[1].InHead || l[1].Async || l[1].Src != "/static/oaiq.js" {
		t.Errorf("%+v", l)
	}
	// A site's own script with "oaiq" in its name is not the SDK: it is read.
	if len(doc.Page.Unresolved) != 2 || doc.Page.Unresolved[0].Src != "x.js" || doc.Page.Unresolved[1].Src != "/js/oaiq-events.js" {
		t.Errorf("%+v", doc.Page.Unresolved)
	}
}

// realisticPage builds a ~200 KB page: markup, a tag manager, large
// scripts that do not mention the pixel, the snippet and a few calls.
func realisticPage() []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html lang=fr><head><meta charset=utf-8><title>Boutique – café</title>\n")
	b.WriteString(`<script>(function(w,d,s,l,i){w[l]=w[l]||[];var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-X');</script>` + "\n")
	b.WriteString(`<script>!function(e,t,n,a){if(!e.oaiq){var o=function(){o.q.push(arguments)};o.q=[],e.oaiq=o;var c=t.createElement(n);c.async=!0,c.src=a;var i=t.getElementsByTagName(n)[0];i.parentNode.insertBefore(c,i)}}(window,document,"script","https://bzrcdn.openai.com/sdk/oaiq.min.js");oaiq("init",{pixelId:"px_1"});</script>` + "\n")
	b.WriteString("<link rel=stylesheet href=/a.css></head><body>\n")
	for i := 0; b.Len() < 150_000; i++ {
		fmt.Fprintf(&b, "<div class=\"card item-%d\"><a href=\"/p/%d\"><img src=\"/i/%d.jpg\" alt=\"Produit n°%d — déjà vu\"></a><p>Prix&nbsp;: %d,99 €</p></div>\n", i, i, i, i, i)
		if i%50 == 0 {
			fmt.Fprintf(&b, "<script>window.app=window.app||{};app.items=(app.items||[]).concat([%s]);</script>\n", strings.Repeat(`{"id":1,"n":"x"},`, 20))
		}
	}
	for b.Len() < 200_000 {
		b.WriteString(`<script>oaiq("measure","items_added",{type:"contents",amount:2599,currency:"USD",contents:[{id:"sku_1",quantity:1}]});</script>` + "\n")
		b.WriteString("<p>" + strings.Repeat("Lorem ipsum dolor sit amet. ", 40) + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

func BenchmarkExtractPage(b *testing.B) {
	page := realisticPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		doc, _ := Page("bench.html", page, Options{})
		if len(doc.Calls) == 0 || len(doc.Page.Loaders) != 1 {
			b.Fatal("nothing found")
		}
	}
}
