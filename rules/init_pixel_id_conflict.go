package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "init-pixel-id-conflict", Severity: model.Warning,
		Title: "a second pixelId that looks like a leftover (a test pixel, or a near copy of another)",
		Spec:  "Supported: init each pixel; measure goes to every initialised pixel; measureSingle targets one. (developers.openai.com/ads/multiple-pixels, revision P5)",
		Doc: `Since revision P5 a page may initialise several pixels: ` + "`measure`" + ` goes
to every one of them, ` + "`measureSingle`" + ` to one. A second pixelId is no
longer a mistake by itself. This rule reports only the second pixels that
look like leftovers, because every measure call also reaches them:

- a test, staging, sandbox, demo or example pixel beside another one;
- a near copy of another pixelId (differing in case, white space, or one or
  two characters of a long id), which is usually a typo.

A documentation placeholder is init-pixel-id-placeholder's error, and with
` + "`pixel_id`" + ` configured every other pixelId is init-pixel-id-unexpected's
error: each problem is reported once.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_8f2b1c" });
oaiq("init", { pixelId: "px_staging_8f2b1c" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_8f2b1c" });
oaiq("init", { pixelId: "px_77aa01" });`),
		Check: checkPixelIDConflict,
	})
}

// testPixelWords mark a pixel id meant for testing, as a whole word.
var testPixelWords = regexp.MustCompile(`(?i)(^|[^a-z])(test|testing|staging|stage|stg|sandbox|demo|example|sample|dev|qa)([^a-z]|$)`)

// The findings, also made by LogState on a log read in pieces.
const testPixelHint = "remove the test pixel's init from production pages, or send to one pixel with measureSingle"

func nearCopyMsg(s, first string, firstLine int) string {
	return fmt.Sprintf("pixelId %s is a near copy of %s set on line %d: probably a typo, and measure calls go to both pixels", quote(s), quote(first), firstLine)
}

func nearCopyHint(first string) string {
	return fmt.Sprintf("use %s if this is the same pixel", quote(first))
}

func testPixelMsg(s, real string, realLine int) string {
	return fmt.Sprintf("pixelId %s looks like a test pixel beside %s (line %d): measure calls go to both, so test data mixes with live conversions", quote(s), quote(real), realLine)
}

// validPixelID is a pixelId the rule compares, without white space around
// it: a string, not blank and not a placeholder. White space around an id
// makes no second pixel: init-pixel-id-placeholder reports it where it is.
func validPixelID(v *model.Value) (string, bool) {
	s, ok := v.StringValue()
	s = strings.TrimSpace(s)
	if !ok || s == "" || isPlaceholder(s) {
		return "", false
	}
	return s, true
}

// seenPixel is a distinct pixelId and the line that first set it.
type seenPixel struct {
	id   string
	line int
}

// nearCopyOf returns the earlier id s is a near copy of.
func nearCopyOf(s string, earlier []seenPixel) (seenPixel, bool) {
	for _, o := range earlier {
		if nearCopy(s, o.id) {
			return o, true
		}
	}
	return seenPixel{}, false
}

// firstReal is the first pixelId that is not a test pixel's, when there
// are two distinct ids or more (one test pixel alone is a test page).
func firstReal(ids []seenPixel) (seenPixel, bool) {
	if len(ids) < 2 {
		return seenPixel{}, false
	}
	for _, s := range ids {
		if !testPixelWords.MatchString(s.id) {
			return s, true
		}
	}
	return seenPixel{}, false
}

func checkPixelIDConflict(p *Pass) {
	if p.Opts.PixelID != "" {
		return // every other pixelId is init-pixel-id-unexpected's error
	}
	var ids []seenPixel
	known := map[string]bool{}
	reported := map[*model.Value]bool{}
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		s, ok := validPixelID(v)
		if !ok || known[s] {
			continue // placeholders are init-pixel-id-placeholder's; a repeated id is fine
		}
		known[s] = true
		if o, near := nearCopyOf(s, ids); near {
			p.Report(v.Span, nearCopyMsg(s, o.id, o.line), nearCopyHint(o.id))
			reported[v] = true
		}
		ids = append(ids, seenPixel{s, v.Span.Start.Line})
	}
	// A test pixel beside a real one: every measure call also reaches it.
	real, ok := firstReal(ids)
	if !ok {
		return // one pixel, or only test pixels: a test page
	}
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		if s, ok := validPixelID(v); ok && !reported[v] && testPixelWords.MatchString(s) {
			p.Report(v.Span, testPixelMsg(s, real.id, real.line), testPixelHint)
		}
	}
}

// nearCopy reports two different ids that differ only in case or white
// space, or by at most two edits in ids of eight characters or more.
func nearCopy(a, b string) bool {
	if strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) {
		return true
	}
	if len(a) < 8 || len(b) < 8 {
		return false // short ids (px_1, px_2) differ by little and are still distinct pixels
	}
	return suggest.Distance(a, b) <= 2
}
