package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-key-in-code", Severity: model.Error,
		Title: "a Conversions API key written in code",
		Spec:  "Authorization: Bearer <Conversions API key> … Server only: never from page code (the key would be public). (current-docs: Conversions API)",
		Doc: `The Conversions API key authorises every event sent for the pixel. Written
in page or browser code (an HTML page, a ` + "`\"use client\"`" + ` module, a
component's browser script) it is public: an error, the rule's severity.
Written in server code it is in every copy of the repository: reported
as a warning, since the key is not public, but it must still move out
and be rotated. A key in a constant that the Authorization header names
counts as written there; a key in the URL's query (` + "`?key=…`" + `) also
lands in the logs of every server the request passes. Read it from the
environment or a secret store. The key is found whatever the body is (a
body built at run time too), and never printed: findings, code frames,
reports, extract's records and pull-request suggestions mask it.

A placeholder is no key and is shown as written: ` + "`YOUR_CONVERSIONS_API_KEY`" + `,
` + "`<key>`" + `, ` + "`xxx`" + `, a variable's name. A plain string holding ` + "`\"Bearer ${OAIQ_KEY}\"`" + `
is reported as what it is: sent as written, since only a template literal
(backticks) fills in ` + "`${…}`" + `, so the API gets no key. In tests (` + "`__tests__/`" + `,
` + "`test/`" + `, ` + "`*.test.*`" + `, ` + "`*.spec.*`" + `) a made-up key (short, or saying test, fake,
dummy, mock, example) is expected; a realistic one is still reported. In
code oaiq-lint does not read (Python, PHP, …) a literal Bearer token, or
a literal bound to a name the Bearer header is built from, counts when the
file names the endpoint outside comments and docstrings, and not on a line
that sends to another service.

Bad:
` + "```ts" + `
await fetch("https://bzr.openai.com/v1/events?pid=px_1", {
  method: "POST",
  headers: { Authorization: "Bearer capi_example_key" },
  body: JSON.stringify({ events }),
});
` + "```" + `
Bad (a key in a constant, reported as a warning in server code):
` + "```ts" + `
const OAIQ_KEY = "capi_example_key";
await fetch("https://bzr.openai.com/v1/events?pid=px_1", {
  method: "POST",
  headers: { Authorization: ` + "`Bearer ${OAIQ_KEY}`" + ` },
  body: JSON.stringify({ events }),
});
` + "```" + `
Good:
` + "```ts" + `
headers: { Authorization: ` + "`Bearer ${process.env.OAIQ_CAPI_KEY}`" + ` }
` + "```",
		Check: checkCAPIKeyInCode,
	})
}

func checkCAPIKeyInCode(p *Pass) {
	reported := map[model.Span]bool{}
	for _, q := range p.Doc.Requests {
		if q.KeySpan.IsZero() || reported[q.KeySpan] {
			continue // a constant several requests name is one finding
		}
		if q.Key != "" && isTestFile(p.Doc.Path) && fakeKey(q.Key) {
			continue // a test's made-up key
		}
		reported[q.KeySpan] = true
		if q.KeyNotFilled {
			text, _ := p.Doc.Text(q.KeySpan)
			p.ReportAs(model.Error, q.KeySpan, fmt.Sprintf("the Authorization header is sent as the text %s: ${…} is filled in only in a template literal (backticks), so no key is sent and the API rejects the request", text),
				"write the header in backticks, such as `Bearer ${process.env.OAIQ_CAPI_KEY}`")
			continue
		}
		msg := "the Conversions API key is written in server code: anyone with the repository can send events for the pixel"
		sev := model.Warning
		page := p.Doc.Kind == model.Page || p.Doc.Kind == model.Fragment
		switch {
		case q.Browser || page && q.KeySpan.File != p.Doc.Path:
			// A script a page loads says what it says read as a file of
			// its own: the two findings are one.
			msg, sev = "the Conversions API key is written in code that runs in the browser: every visitor can read it and send events for the pixel", model.Error
		case page:
			msg, sev = "the Conversions API key is written in page code: every visitor can read it and send events for the pixel", model.Error
		}
		hint := "read the key from the environment (process.env) or a secret store on the server, and rotate the one written here"
		if sev == model.Error {
			hint = "send the request from the server, with the key read there from the environment or a secret store, and rotate the one written here"
		}
		if notJavaScript(p.Doc) {
			hint = "read the key from the environment or a secret store on the server, and rotate the one written here"
		}
		if q.Key != "" && q.URL != "" && strings.Contains(q.URL, url.QueryEscape(q.Key)) {
			msg += "; in the URL's query it also reaches proxies' and servers' logs"
			hint = "send the key in the Authorization header (Bearer), where the API documents it, read from the environment or a secret store; rotate the one written here"
		}
		p.ReportAs(sev, q.KeySpan, msg, hint)
	}
}

// notJavaScript reports a file in a language oaiq-lint does not read, whose
// key was found by its text alone: process.env means nothing there.
func notJavaScript(doc *model.Document) bool {
	for _, f := range doc.ScriptFailures {
		if f.Language != "" {
			return true
		}
	}
	return false
}
