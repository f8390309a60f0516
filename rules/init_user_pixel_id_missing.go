package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-user-pixel-id-missing", Severity: model.Warning,
		Title: "a user-data init without pixelId on a page with several pixels",
		Spec:  "When more than one pixel is initialised, a later init that only updates user data must name its pixelId. (developers.openai.com/ads/multiple-pixels, revision P5)",
		Doc: `After the first init, a later ` + "`init`" + ` may leave pixelId out to update
the user data. Once the page has initialised more than one pixel, such an
update must name the pixel it is for: without pixelId it may go to the
wrong pixel, and the other one's conversions lose their match.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_8f2b1c" });
oaiq("init", { pixelId: "px_77aa01" });
oaiq("init", { user: { country: "US" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_8f2b1c" });
oaiq("init", { pixelId: "px_77aa01" });
oaiq("init", { pixelId: "px_8f2b1c", user: { country: "US" } });
oaiq("init", { pixelId: "px_77aa01", user: { country: "US" } });`),
		Check: checkUserInitPixelID,
	})
}

func checkUserInitPixelID(p *Pass) {
	pixels := map[string]bool{}
	var names []string
	for _, c := range p.inits() {
		cfg := initConfig(c)
		if cfg == nil {
			continue
		}
		id := cfg.Get("pixelId")
		if s, ok := id.StringValue(); ok && strings.TrimSpace(s) != "" && !isPlaceholder(strings.TrimSpace(s)) {
			if !pixels[s] {
				pixels[s] = true
				names = append(names, quote(s))
			}
			continue
		}
		if id != nil || cfg.Open || cfg.Get("user") == nil || len(pixels) < 2 {
			continue // a computed or spread config may name its pixel
		}
		p.Report(c.Span, userInitMsg(len(pixels), names), userInitHint)
	}
}

// The finding, also made by LogState: names are the pixels, quoted.
const userInitHint = "add pixelId to the update, one init per pixel whose user data changes"

func userInitMsg(n int, names []string) string {
	return fmt.Sprintf("this init updates user data without pixelId after %d pixels were initialised (%s): the update may go to the wrong pixel", n, strings.Join(names, ", "))
}
