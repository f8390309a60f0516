package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "gtm-paused-tags", Severity: model.Info,
		Title: "paused tags were not linted",
		Spec:  "Tags carry firingTriggerId, blockingTriggerId, paused, consentSettings. (current docs, Google Tag Manager)",
		Doc: `A paused tag never fires, so its code is not linted; the finding counts
them so that a pixel tag paused by mistake is noticed.

Bad:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, `"paused": true, `)+`]`)) + `
Good:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`]`)),
		Check: checkGTMPausedTags,
	})
}

func checkGTMPausedTags(p *Pass) {
	c := container(p)
	if c == nil || len(c.Paused) == 0 {
		return
	}
	names := c.Paused
	more := ""
	if len(names) > 5 {
		names, more = names[:5], fmt.Sprintf(" and %d more", len(c.Paused)-5)
	}
	p.Reportf(c.IDSpan, "%s of container %s ignored (they never fire): %s%s",
		plural(len(c.Paused), "paused tag", "paused tags"), orUnnamed(c.PublicID), `"`+strings.Join(names, `", "`)+`"`, more)
}
