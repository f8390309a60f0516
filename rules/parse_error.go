package rules

import (
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "parse-error", Severity: model.Warning,
		Title: "a script that mentions oaiq could not be parsed",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `A script that mentions ` + "`oaiq`" + ` but is not valid JavaScript cannot be
checked: its calls are unseen, so the page's other verdicts may be
incomplete. In a browser a syntax error stops the whole script, pixel calls
included. The finding points at the parser's position; the page's other
scripts are still checked. Template syntax (` + "`{{ … }}`" + `, ` + "`<%= … %>`" + `) is
understood and is not a parse error.

Bad:
` + md("html", `<script>
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", });
  });
</script>`) + `
Good:
` + md("html", `<script>
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
</script>`),
		Check:      checkParseError,
		Unreadable: true,
	})
}

// checkParseError reports each script the extractor could not parse, at
// the character the parser stopped at.
func checkParseError(p *Pass) {
	for _, f := range p.Doc.ScriptFailures {
		p.Report(f.Span, pii.Redact("this script mentions oaiq but could not be parsed: "+f.Reason),
			"fix the syntax error: the pixel calls in this script could not be checked")
	}
}
