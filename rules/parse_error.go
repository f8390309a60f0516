package rules

import (
	"fmt"
	"slices"
	"strconv"

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
scripts are still checked. The rest of a script that does not parse is
read statement by statement, in its own language (TypeScript's ` + "`12.99 as number`" + `
is the literal 12.99): the finding says how many pixel calls were read and
checked, and names the line of each call that could not be read. Template syntax (` + "`{{ … }}`" + `, ` + "`<%= … %>`" + `) is
understood and is not a parse error. A file in a language oaiq-lint does
not read (Python, Go, Ruby…, or PHP code outside HTML that names the
pixel or its API), when named on the command line, gets one info finding
saying nothing in it was checked, not a syntax error.

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
		if f.Language != "" {
			p.ReportAs(model.Info, f.Span, fmt.Sprintf("%s source is not read: oaiq-lint reads JavaScript, TypeScript, HTML and templates, so nothing in this file was checked except for a Conversions API key written in a Bearer header or in a name the header is built from", f.Language),
				"to check the Conversions API requests this code sends, log their bodies and run oaiq-lint log on the log")
			continue
		}
		if f.Recovered {
			reportPartialParse(p, f)
			continue
		}
		p.Report(f.Span, pii.Redact("this script mentions oaiq but could not be parsed: "+f.Reason),
			"fix the syntax error: the pixel calls in this script could not be checked")
	}
}

// reportPartialParse says which part of a script could not be read when
// its pixel calls were read statement by statement, what was checked and
// which calls (by line) were not. A script with template tags may well
// parse once rendered (info); one without fails in the browser too.
func reportPartialParse(p *Pass, f model.ScriptFailure) {
	what := recoveredText(f)
	if f.Templated {
		p.ReportAs(model.Info, f.Span,
			pii.Redact(fmt.Sprintf("this part of the script could not be read as JavaScript around its template tags (%s); %s", f.Reason, what)),
			"nothing to fix if the rendered script is valid; code that is read whole is checked whole (values behind names, order)")
		return
	}
	p.Report(f.Span, pii.Redact(fmt.Sprintf("this script mentions oaiq but could not be parsed here: %s; %s", f.Reason, what)),
		"fix the syntax error: in a browser it stops the whole script, pixel calls included")
}

// recoveredText says what the statement-by-statement reading checked and
// names the lines of the pixel calls it could not read.
func recoveredText(f model.ScriptFailure) string {
	what := "the rest of the script was read statement by statement"
	switch {
	case f.Read > 0:
		what += fmt.Sprintf(": %s checked", plural(f.Read, "pixel call was read and", "pixel calls were read and"))
	case f.Unread == 0:
		what += " and checked"
	}
	if f.Unread == 0 {
		return what
	}
	var lines []string
	for _, sp := range f.UnreadAt {
		if l := strconv.Itoa(sp.Start.Line); !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	sep := "; "
	if f.Read == 0 {
		sep = ", but "
	}
	switch {
	case f.Unread == 1 && len(lines) == 1:
		return what + sep + "the pixel call on line " + lines[0] + " could not be read, so it is not checked"
	case len(lines) == 1:
		return what + sep + fmt.Sprintf("%d pixel calls on line %s could not be read, so they are not checked", f.Unread, lines[0])
	case len(lines) > 1:
		return what + sep + fmt.Sprintf("%d pixel calls could not be read, so they are not checked (lines %s)", f.Unread, listAnd(lines))
	}
	return what + sep + plural(f.Unread, "pixel call could not be read, so it is not checked", "pixel calls could not be read, so they are not checked")
}
