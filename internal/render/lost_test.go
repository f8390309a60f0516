package render

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A page that calls oaiq with no loader at all: the browser throws, and
// the static absence verdicts still hold.
func TestCallWithoutLoaderThrows(t *testing.T) {
	html := "<!doctype html><html><head><title>x</title></head>\n<body><script>oaiq(\"measure\",\"lead_created\",{type:\"customer_action\"});</script></body></html>\n"
	srv := httptest.NewServer(site{pages: map[string]string{"/lead": html}})
	defer srv.Close()
	c, fs := capture(t, srv, "/lead", PageOptions{})
	if len(c.Exceptions) != 1 {
		t.Fatalf("exceptions = %+v, want the ReferenceError", c.Exceptions)
	}
	f := findRule(fs, "call-before-loader")
	if f == nil {
		t.Fatalf("call-before-loader not reported; findings:%s", show(fs))
	}
	if !strings.Contains(f.Message, "ReferenceError: oaiq is not defined") || !strings.Contains(f.Message, "the call is lost") {
		t.Errorf("message = %s", f.Message)
	}
	// The call starts at line 2, column 15 (after "<body><script>").
	if f.Span.File != srv.URL+"/lead" || f.Span.Start != (model.Pos{Line: 2, Col: 15}) {
		t.Errorf("span = %+v, want the written call at 2:15", f.Span)
	}
	for _, rule := range []string{"snippet-missing", "init-missing"} {
		if findRule(fs, rule) == nil {
			t.Errorf("%s not reported with --render; findings:%s", rule, show(fs))
		}
	}
	if f := findRule(fs, "dynamic-value"); f != nil {
		t.Errorf("the lost call is counted as not made: %s", f.Message)
	}
}

// A page that loads a tag manager which never defines oaiq.
func TestTagManagerWithoutOaiq(t *testing.T) {
	html := `<!doctype html><html><head><title>x</title>
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-ABC123');</script>
</head><body>
<script>window.oaiq("measure", "lead_created", {type: "customer_action"});</script>
</body></html>
`
	srv := httptest.NewServer(site{pages: map[string]string{"/gtm": html}})
	defer srv.Close()
	_, fs := capture(t, srv, "/gtm", PageOptions{BlockThirdParty: true})
	f := findRule(fs, "call-before-loader")
	if f == nil || !strings.Contains(f.Message, "TypeError: window.oaiq is not a function") {
		t.Fatalf("call-before-loader for the TypeError not reported; findings:%s", show(fs))
	}
	if f.Span.Start != (model.Pos{Line: 4, Col: 9}) {
		t.Errorf("span = %+v, want the written call at 4:9", f.Span)
	}
	for _, rule := range []string{"snippet-missing", "init-missing"} {
		if findRule(fs, rule) == nil {
			t.Errorf("%s not reported: the browser ran the tag manager and saw no loader; findings:%s", rule, show(fs))
		}
	}
}

// A call in an onclick attribute: without --click its static findings are
// kept (and counted as not made); with it, the recorded value is judged
// at the written expression.
func TestOnclickCallKeptWithoutClick(t *testing.T) {
	html := htmlPage("", `<button id="buy" onclick="oaiq('measure','order_created',{type:'contents',amount:19.99*100,currency:'USD'})">Buy</button>`)
	srv := httptest.NewServer(site{pages: map[string]string{"/p": html}})
	defer srv.Close()
	static := findRule(staticFindings("p.html", html), "amount-not-integer")
	if static == nil {
		t.Fatal("static reading does not report the amount: the test proves nothing")
	}
	_, fs := capture(t, srv, "/p", PageOptions{})
	f := findRule(fs, "amount-not-integer")
	if f == nil {
		t.Fatalf("amount-not-integer lost with --render; findings:%s", show(fs))
	}
	if f.Span.Start != static.Span.Start {
		t.Errorf("span = %+v, want the static one %+v", f.Span, static.Span)
	}
	if n := findRule(fs, "dynamic-value"); n == nil || !strings.Contains(n.Message, "1 call in the source was not made while rendering") {
		t.Errorf("no note of the call not made; findings:%s", show(fs))
	}

	_, fs = capture(t, srv, "/p", PageOptions{Steps: []Step{{Kind: Click, Selector: "#buy"}}})
	f = findRule(fs, "amount-not-integer")
	if f == nil || !strings.Contains(f.Message, "1998.9999999999998") {
		t.Fatalf("recorded amount not reported after --click; findings:%s", show(fs))
	}
	if f.Span.Start != static.Span.Start || f.Span.End != static.Span.End {
		t.Errorf("span = %+v, want the written expression %+v (the handler's call mapped back)", f.Span, static.Span)
	}
	if n := findRule(fs, "dynamic-value"); n != nil {
		t.Errorf("the clicked call is counted as not made: %s", n.Message)
	}
	if strings.Count(show(fs), "[amount-not-integer]") != 1 {
		t.Errorf("the written and the recorded call are both judged:%s", show(fs))
	}
}
