package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "country-code", Severity: model.Error,
		Schema: schemaCountryCode,
		Title:  "country not an assigned ISO 3166-1 alpha-2 code in upper case",
		Spec:   "country: Two-letter ISO 3166-1 country code, such as US.",
		Doc: `Country must be an assigned ISO 3166-1 alpha-2 code in upper case.
"UK" is not one (the United Kingdom is "GB"); neither are names or
three-letter codes.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { country: "UK" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { country: "GB" } });`),
		Check: checkCountryCodes,
	})
}

// checkCountryCodes finds well-formed codes that ISO 3166-1 does not assign;
// malformed ones are the schema stage's.
func checkCountryCodes(p *Pass) {
	for _, u := range userObjects(p) {
		v := u.Get("country")
		s, ok := v.StringValue()
		if !ok || len(s) != 2 || strings.ToUpper(s) != s || isodata.IsCountry(s) {
			continue
		}
		msg, hint := countryMessage(v)
		p.ReportFix(v.Span, msg, hint, countryFix(v))
	}
}

func countryMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	if !ok {
		return "user.country must be a two-letter ISO 3166-1 code string, got " + describe(v), `send a code such as "US"`
	}
	if fix, has := isodata.CountryFix(s); has {
		if fix == strings.ToUpper(strings.TrimSpace(s)) {
			return caseOrSpaceMessage("user.country", fix, s), ""
		}
		return fmt.Sprintf("user.country %s is not an ISO 3166-1 code; use %q", quote(s), fix), ""
	}
	return fmt.Sprintf("user.country %s is not an assigned ISO 3166-1 alpha-2 code", quote(s)),
		`send the two-letter code in upper case, such as "US", "GB" or "DE", or leave the field out`
}

func schemaCountryCode(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "country") {
		return model.Finding{}, false
	}
	f, ok := v.finding(countryMessage(v.Node))
	return withFix(f, ok, countryFix(v.Node))
}

// countryFix corrects a code isodata knows the fix of (case, white space).
func countryFix(v *model.Value) *model.Fix {
	s, _ := v.StringValue()
	fix, has := isodata.CountryFix(s)
	if !has {
		return nil
	}
	return replaceStringFix(v, fix, fmt.Sprintf("write the country as %q", fix), model.Safe)
}
