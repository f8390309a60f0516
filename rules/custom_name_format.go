package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "custom-name-format", Severity: model.Error,
		Schema: schemaCustomNameFormat,
		Title:  "custom_event_name not 1–64 letters, digits, _ or -, starting and ending with a letter or digit",
		Spec:   "Custom event names must: Be 1 to 64 characters long. Contain only letters, numbers, underscores, or dashes. Start and end with a letter or number.",
		Doc: `Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "quote requested!" });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "quote_requested" });`),
	})
}

// cleanCustomName proposes a valid name for an invalid one.
var multiUnderscore = regexp.MustCompile(`_{2,}`)

func cleanCustomName(name string) string {
	var b strings.Builder
	// "café" → "cafe": decompose accented letters and drop the accents.
	name, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn))), name)
	for _, r := range snakeCase(name) {
		switch {
		case isNameRune(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.' || r == '/' || r == ':':
			b.WriteByte('_')
		}
	}
	s := strings.Trim(multiUnderscore.ReplaceAllString(b.String(), "_"), "_-")
	if len(s) > 64 {
		s = strings.Trim(s[:64], "_-")
	}
	return s
}

func customNameFormatMessage(v *model.Value) (string, string) {
	rules := "1 to 64 letters, numbers, underscores or dashes, starting and ending with a letter or number"
	name, ok := v.StringValue()
	if !ok {
		return "custom_event_name must be a string, got " + describe(v), rules
	}
	msg := fmt.Sprintf("custom_event_name %s %s", quote(name), customNameProblem(name))
	if fix := cleanCustomName(name); fix != "" {
		return msg, fmt.Sprintf("use %q: %s", fix, rules)
	}
	return msg, "use " + rules
}

func schemaCustomNameFormat(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argOptions, "custom_event_name") {
		return model.Finding{}, false
	}
	if m, _ := asMeasure(v.Call); isStandardOrServer(m) {
		return model.Finding{}, false // custom-name-on-standard says it all
	}
	return v.finding(customNameFormatMessage(v.Node))
}
