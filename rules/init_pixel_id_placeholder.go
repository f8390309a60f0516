package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-placeholder", Severity: model.Error,
		Title: "pixelId (or measureSingle's pixel id) empty, blank, or a documentation placeholder",
		Spec:  "pixelId: \"<YOUR-PIXEL-ID>\" … Create a new pixelId in the conversions tab of Ads Manager.",
		Doc: `The snippet's ` + "`<YOUR-PIXEL-ID>`" + ` must be replaced by the Pixel ID from Ads
Manager, in init and in measureSingle's first argument. A value filled in by
a template is not a placeholder.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "<YOUR-PIXEL-ID>" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_8f2b1c" });
` + "```",
		Check: checkPixelIDPlaceholder,
	})
}

func checkPixelIDPlaceholder(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server && c.PixelID != "" && isPlaceholder(strings.TrimSpace(c.PixelID)) {
			p.Report(c.PixelIDSpan, fmt.Sprintf("server event pixel_id %s is a placeholder, not a Pixel ID", quote(c.PixelID)),
				"send the Pixel ID from the conversions tab of Ads Manager: deduplication matches on it")
		}
	}
	pixelIDs(p, func(v *model.Value, s, where string) {
		switch t := strings.TrimSpace(s); {
		case s == "":
			p.Report(v.Span, where+" is empty", "use the Pixel ID from the conversions tab of Ads Manager")
		case t == "":
			p.Report(v.Span, where+" is blank", "use the Pixel ID from the conversions tab of Ads Manager")
		case isPlaceholder(t):
			p.Report(v.Span, fmt.Sprintf("%s %s is a placeholder, not a Pixel ID", where, quote(s)),
				"replace it with the Pixel ID from the conversions tab of Ads Manager")
		}
	})
}
