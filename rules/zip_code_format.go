package rules

import (
	"fmt"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "zip-code-format", Severity: model.Error,
		Schema: schemaZipCodeFormat,
		Title:  "zip_code with characters other than letters, digits, spaces or hyphens, or over 32",
		Spec:   "zip_code: Postal or ZIP code. Use letters, numbers, spaces, or hyphens, with a maximum of 32 characters.",
		Doc: `A postal code is a string of letters, digits, spaces or hyphens, up to 32
characters. A number loses leading zeros ("02134" becomes 2134).

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { zip_code: 2134 } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { zip_code: "02134" } });`),
	})
}

func zipMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	switch {
	case !ok && v.Is(model.Number):
		return fmt.Sprintf("user.zip_code must be a string, got the number %s", numText(v)),
			fmt.Sprintf("send zip_code: %q (a number loses leading zeros)", numText(v))
	case !ok:
		return "user.zip_code must be a string, got " + describe(v), ""
	case s == "":
		return "user.zip_code is empty", "leave the field out when the postal code is not known"
	case utf8.RuneCountInString(s) > 32:
		return fmt.Sprintf("user.zip_code is %d characters long, more than the 32 allowed", utf8.RuneCountInString(s)), ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '-') {
			return fmt.Sprintf("user.zip_code %s contains %q: only ASCII letters (A-Z, a-z), digits, spaces and hyphens are allowed", quote(s), r),
				"remove other characters; write accented letters without their accent"
		}
	}
	return "user.zip_code " + quote(s) + " is not a valid postal code", ""
}

func schemaZipCodeFormat(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "zip_code") {
		return model.Finding{}, false
	}
	return v.finding(zipMessage(v.Node))
}
