package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-conflict", Severity: model.Warning,
		Title: "more than one distinct pixelId in a document",
		Spec:  "You can omit pixelId after the first successful initialization.",
		Doc: `One page initialises one pixel; a second pixelId is usually a leftover
from a copied snippet, and its events go to the wrong account.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("init", { pixelId: "px_456" });
` + "```" + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("init", { user: { email_sha256: "7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181" } });`),
		Check: checkPixelIDConflict,
	})
}

const pixelIDConflictHint = "keep one pixelId per page; later inits can leave pixelId out"

func pixelIDConflictMsg(s, first string, firstLine int) string {
	return fmt.Sprintf("pixelId %s differs from %s set on line %d: events go to one pixel only", quote(s), quote(first), firstLine)
}

// validPixelID is a pixelId the conflict compares: a string, not blank
// and not a placeholder (init-pixel-id-placeholder's finding).
func validPixelID(v *model.Value) (string, bool) {
	s, ok := v.StringValue()
	if !ok || strings.TrimSpace(s) == "" || isPlaceholder(strings.TrimSpace(s)) {
		return "", false
	}
	return s, true
}

func checkPixelIDConflict(p *Pass) {
	first := ""
	var firstLine int
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		s, ok := validPixelID(v)
		if !ok {
			continue // init-pixel-id-placeholder's finding
		}
		if first == "" {
			first, firstLine = s, v.Span.Start.Line
			continue
		}
		if s != first {
			p.Report(v.Span, pixelIDConflictMsg(s, first, firstLine), pixelIDConflictHint)
		}
	}
}
