package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-placeholder", Severity: model.Error,
		Title: "pixelId (or measureSingle's pixel id) empty, blank, a documentation placeholder, or wrapped in white space",
		Spec:  "pixelId: \"<YOUR-PIXEL-ID>\" … Create a new pixelId in the conversions tab of Ads Manager.",
		Doc: `The snippet's ` + "`<YOUR-PIXEL-ID>`" + ` must be replaced by the Pixel ID from Ads
Manager, in init and in measureSingle's first argument. A value filled in by
a template is not a placeholder. An ID with white space around it (pasted
with it) is a warning: nothing documents that the pixel trims it.

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
		case t != s:
			// A pasted ID keeps its white space; whether the SDK trims it
			// is not documented, so not an error.
			p.ReportFixAs(model.Warning, v.Span, fmt.Sprintf("%s %s has white space around the ID: nothing documents that the pixel trims it, and an ID that does not match exactly reaches no pixel", where, quote(s)),
				"write "+quote(t), replaceStringFix(v, t, "remove the white space around the ID", model.Safe))
		}
	})
}
