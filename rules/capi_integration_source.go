package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-integration-source", Severity: model.Error,
		Title: "integration_source not 1–64 ASCII letters, digits, '.', '_' or '-'",
		Spec:  "integration_source | no | request level; 1–64 ASCII characters, letters, digits, ., _, -, starting with a letter or digit; trimmed and lower-cased before validation (current-docs: Conversions API, request body)",
		Doc: `` + "`integration_source`" + ` names the integration that sent the request. After
trimming and lower-casing it must be 1 to 64 ASCII letters, digits, dots,
underscores or dashes, starting with a letter or digit.

Bad:
` + capiExample(`{"integration_source": "My Shop / v2", "events": [`+capiGoodEvent+`]}`) + `
Good:
` + capiExample(`{"integration_source": "my-shop.v2", "events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIIntegrationSource,
	})
}

func checkCAPIIntegrationSource(p *Pass) {
	for _, q := range p.Doc.Requests {
		v := q.Body.Get("integration_source")
		if v == nil || v.IsDynamic() {
			continue
		}
		s, ok := v.StringValue()
		if !ok {
			p.Report(v.Span, fmt.Sprintf("integration_source must be a string, got %s", describe(v)), `name the integration, such as "my-shop"`)
			continue
		}
		norm := strings.ToLower(strings.TrimSpace(s))
		if pixel.IntegrationSource.MatchString(norm) {
			continue
		}
		hint := "use 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit"
		if fix := integrationSourceFix(norm); fix != "" {
			hint += fmt.Sprintf(", such as %q", fix)
		}
		p.Report(v.Span, fmt.Sprintf("integration_source %s is not a valid integration name: %s", quote(s), integrationSourceReason(norm)), hint)
	}
}

// integrationSourceReason says why a trimmed, lower-cased name fails the
// documented form: the first of its problems.
func integrationSourceReason(s string) string {
	n := utf8.RuneCountInString(s)
	switch {
	case s == "":
		return "it is empty (after trimming)"
	case n > 64:
		return fmt.Sprintf("it is %d characters long, at most 64 are allowed", n)
	}
	for i, c := range s {
		ok := c < 128 && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')
		switch {
		case !ok:
			return fmt.Sprintf("it contains %s, which is not an ASCII letter, digit, '.', '_' or '-'", quoteRune(c))
		case i == 0 && (c == '.' || c == '_' || c == '-'):
			return fmt.Sprintf("it starts with %s; it must start with a letter or digit", quoteRune(c))
		}
	}
	return "it does not have the documented form"
}

// quoteRune writes a character for a message, white space by name.
func quoteRune(c rune) string {
	switch c {
	case ' ':
		return "a space"
	case '\t':
		return "a tab"
	}
	return fmt.Sprintf("%q", c)
}

// integrationSourceFix folds a name into the documented form, "" when
// nothing is left.
func integrationSourceFix(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range s {
		ok := c < 128 && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')
		switch {
		case ok:
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-._")
	if len(out) > 64 {
		out = out[:64]
	}
	return out
}
