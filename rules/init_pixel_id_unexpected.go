package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-unexpected", Severity: model.Error,
		Title: "a pixelId other than the one the project expects",
		Spec:  "pixelId is required. Create a new pixelId in the conversions tab of Ads Manager. (the configuration's pixel_id names the project's)",
		Doc: `With ` + "`pixel_id`" + ` set in .oaiq-lint.yaml, every init (and every server event)
and every measureSingle must use that Pixel ID: a copy-pasted snippet from another site or a staging
pixel sends the conversions to the wrong account.

Bad (with ` + "`pixel_id: px_live_123`" + `):
` + md("js pixel_id=px_live_123", `oaiq("init", { pixelId: "px_staging_999" });`) + `
Good:
` + md("js pixel_id=px_live_123", `oaiq("init", { pixelId: "px_live_123" });`),
		Check: checkPixelIDExpected,
	})
}

func checkPixelIDExpected(p *Pass) {
	want := p.Opts.PixelID
	if want == "" {
		return
	}
	report := func(span model.Span, got, where string) {
		p.Report(span, fmt.Sprintf("%s %s is not the project's Pixel ID %s", where, quote(got), quote(want)),
			fmt.Sprintf("use %s (pixel_id in .oaiq-lint.yaml), or fix the configuration if the project moved", quote(want)))
	}
	pixelIDs(p, func(v *model.Value, s, where string) {
		if strings.TrimSpace(s) != "" && !isPlaceholder(strings.TrimSpace(s)) && s != want {
			report(v.Span, s, where)
		}
	})
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server && c.PixelID != "" && c.PixelID != want {
			report(c.PixelIDSpan, c.PixelID, "server event pixel_id")
		}
	}
}
