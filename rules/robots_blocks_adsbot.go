package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "robots-blocks-adsbot", Severity: model.Error,
		Title: "robots.txt keeps the ads crawler (OAI-AdsBot) away from a crawled page",
		Spec:  "`robots.txt` must allow the user agent `OAI-AdsBot`, or the landing page fails ad review before any conversion can be measured. (facts beyond the spec)",
		Doc: `Ad review fetches each landing page as ` + "`OAI-AdsBot`" + `. When robots.txt disallows
it, either in its own group or in the ` + "`*`" + ` group with no ` + "`OAI-AdsBot`" + ` group to
override it, the page fails review and no ad can send visitors there.
The finding names the robots.txt line that decides (longest match wins,
Allow wins a tie). The examples are the robots.txt of a crawled site.

Bad:
` + md("robots.txt", "User-agent: *\nDisallow: /") + `
Good:
` + md("robots.txt", "User-agent: *\nDisallow: /\n\nUser-agent: OAI-AdsBot\nAllow: /"),
		Check: checkRobotsBlocksAdsBot,
	})
}

// checkRobotsBlocksAdsBot reports a crawled page robots.txt hides from the
// ads crawler, naming the line that decides.
func checkRobotsBlocksAdsBot(p *Pass) {
	b := p.Doc.RobotsBlock
	if b == nil {
		return
	}
	who := "the `User-agent: " + b.Agent + "` group"
	hint := "allow it: add `User-agent: " + b.Agent + "` with `Allow: " + b.Path + "` (or an empty `Disallow:`) to robots.txt"
	if b.Group == "*" {
		who = "the `User-agent: *` group (there is no " + b.Agent + " group)"
		hint = "add a group for the ads crawler that allows landing pages: `User-agent: " + b.Agent + "` then `Allow: /`"
	}
	p.Report(model.Span{File: p.Doc.Path}, fmt.Sprintf("robots.txt disallows %s from this page (%s line %d: `%s`, in %s), so an ad landing here fails review",
		b.Agent, b.RobotsURL, b.Line, b.Text, who), hint)
}
