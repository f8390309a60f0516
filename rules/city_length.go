package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "city-length", Severity: model.Error,
		Schema: schemaCityLength,
		Title:  "city empty or longer than 128 characters",
		Spec:   "city: City name, with a maximum of 128 characters.",
		Doc: `City is a name of 1 to 128 characters. Leave the field out when it is
not known rather than sending an empty string.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { city: "" } });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123", user: { city: "San Francisco" } });`),
	})
}

func cityMessage(v *model.Value) (string, string) {
	s, ok := v.StringValue()
	switch {
	case !ok:
		return "user.city must be a string of 1 to 128 characters, got " + describe(v), ""
	case s == "":
		return "user.city is empty", "leave the field out when the city is not known"
	case strings.TrimSpace(s) == "":
		return "user.city is blank", "leave the field out when the city is not known"
	}
	return fmt.Sprintf("user.city is %d characters long, more than the 128 allowed", utf8.RuneCountInString(s)),
		"send the city name alone"
}

func schemaCityLength(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argInitConfig, "user", "city") {
		return model.Finding{}, false
	}
	return v.finding(cityMessage(v.Node))
}
