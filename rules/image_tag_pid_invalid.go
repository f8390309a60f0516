package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-pid-invalid", Severity: model.Error,
		Title: "an image tag's pid is not a plausible Pixel ID",
		Spec:  "pid (required): the Pixel ID. (developers.openai.com/ads/image-tag)",
		Doc: `A Pixel ID is one word of letters, digits, ` + "`_`" + ` and ` + "`-`" + `, as Ads Manager
shows it. Copied prose (an ellipsis, white space, markup) in ` + "`pid`" + ` sends
the event to no pixel. Placeholders such as ` + "`<YOUR-PIXEL-ID>`" + ` are
init-pixel-id-placeholder's finding.

Bad:
` + md("html", imageTagExample("pid=px%20123!&amp;event=lead_created&amp;data[type]=customer_action")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action")),
		Check: checkImageTagPID,
	})
}

func checkImageTagPID(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		pid, ok := imageParam(c, pixel.ImageParamPixel)
		if !ok || pid.Templated {
			continue // image-tag-param-missing's finding; dynamic-value's
		}
		t := strings.TrimSpace(pid.Value)
		if t == "" || isPlaceholder(t) || plausiblePixelID.MatchString(pid.Value) {
			continue // empty and placeholder ids are init-pixel-id-placeholder's
		}
		p.Report(pid.ValueSpan, fmt.Sprintf("pid %s is not a plausible Pixel ID (letters, digits, _ and - only)", quote(pid.Value)),
			"copy the Pixel ID from the conversions tab of Ads Manager")
	}
}
