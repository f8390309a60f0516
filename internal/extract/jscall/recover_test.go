package jscall

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
)

func recovered(code string) Result {
	f := source.New("t.js", []byte(code))
	masked, spans := tmpl.Mask(f.Text)
	return Extract(Script{File: f, Code: masked, Templates: spans, Recover: true})
}

func TestRecoverReadsCallsAroundTheBrokenPart(t *testing.T) {
	code := "oaiq('init', {pixelId: 'px_1'});\nif (a {\n  oaiq('measure', 'lead_created', {type: 'customer_action'});\n}\nconst s = `x${'}'}`; oaiq('consent', true)"
	res := recovered(code)
	if res.Err != nil || res.Partial == nil {
		t.Fatalf("err %v partial %v", res.Err, res.Partial)
	}
	var got []string
	for _, c := range res.Calls {
		got = append(got, c.Command()+"@"+at(c.Span))
	}
	want := "init@1:1-1:32 measure@3:3-3:61 consent@5:22-5:43"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %v, want %s", got, want)
	}
}

func TestRecoverIsOptIn(t *testing.T) {
	res := extract("oaiq('init');\nif (a {")
	if res.Err == nil || len(res.Calls) != 0 {
		t.Fatalf("a plain script that does not parse is not recovered: %+v", res)
	}
}

func TestRecoverNothingToRead(t *testing.T) {
	res := recovered("var oaiq_x = {;")
	if res.Err == nil || res.Partial != nil {
		t.Fatalf("%+v", res)
	}
}

func TestRecoverReadsTheLoader(t *testing.T) {
	code := "!function(w,d,s,u){if(w.oaiq)return;var q=function(){q.q.push(arguments)};q.q=[];w.oaiq=q;var js=d.createElement(s);js.async=!0;js.src=u;var f=d.getElementsByTagName(s)[0];f.parentNode.insertBefore(js,f)}(window,document,\"script\",\"https://bzrcdn.openai.com/sdk/oaiq.min.js\");\n{{#if x}\noaiq('init', {pixelId: 'px_1'});"
	res := recovered(code)
	if res.Partial == nil || len(res.Loaders) != 1 || !res.Defines || len(res.Calls) != 1 {
		t.Fatalf("%+v", res)
	}
}

// Hostile inputs end, with at most the partial result: the scan is linear
// and each statement or call is parsed once.
func TestRecoverHostileInputsEnd(t *testing.T) {
	many := strings.Repeat("oaiq('measure', 'lead_created', {type: 'customer_action'}) {\n", 20000)
	if res := recovered(many); len(res.Calls) != 20000 {
		t.Fatalf("%d calls", len(res.Calls))
	}
	unclosed := strings.Repeat("oaiq(", 30000) + "{"
	_ = recovered(unclosed)
	brackets := "oaiq('x');" + strings.Repeat("(", 50000) + strings.Repeat("]", 50000)
	_ = recovered(brackets)
	big := "oaiq('init'); if (" + strings.Repeat("'a' + ", 200000) + "{"
	_ = recovered(big)
}
