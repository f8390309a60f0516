package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "gtm-consent-missing", Severity: model.Warning,
		Title: "a container requires consent for the pixel's tags but never passes it to the pixel",
		Spec:  "oaiq(\"consent\", true | false) (current docs, commands, P4)",
		Doc: `A tag whose consent settings require additional consent
(` + "`consentStatus: \"NEEDED\"`" + `) tells that the site gates the pixel on consent.
GTM only holds the tag back; the pixel itself is never told, so a user who
withdraws consent later is still measured by tags already loaded. Add a tag
that calls ` + "`oaiq(\"consent\", …)`" + ` with the user's choice when it changes.

Bad:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, `"consentSettings": { "consentStatus": "NEEDED" }, `)+`]`)) + `
Good:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, `"consentSettings": { "consentStatus": "NEEDED" }, `)+`,
      `+gtmHTMLTag("OAIQ - consent", `<script>oaiq("consent", true);</script>`, "")+`]`)),
		Check: checkGTMConsentMissing,
	})
}

func checkGTMConsentMissing(p *Pass) {
	c := container(p)
	if c == nil || len(tagCalls(c, pixel.CommandConsent)) > 0 {
		return
	}
	for _, t := range c.Tags {
		_, loads := loadsSDK(t)
		if t.ConsentNeeded && (loads || len(t.Calls) > 0) {
			p.Report(t.ConsentSpan, fmt.Sprintf("%s requires consent, but no tag passes the user's choice to the pixel with oaiq(\"consent\", …)", tagLabel(t)),
				`add a tag calling oaiq("consent", true) or oaiq("consent", false) when the user's choice is known or changes`)
			return
		}
	}
}
