package rules

// Helpers of the custom-name-* rules: which measure calls are custom
// events, their custom_event_name values, and what is wrong with a name.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func isCustom(m measureCall) bool {
	name, ok := m.EventName()
	return ok && name == pixel.CustomEvent
}

func isStandardOrServer(m measureCall) bool {
	name, ok := m.EventName()
	return ok && (pixel.EventShape[name] != "" || pixel.IsServerOnlyEvent(name))
}

// customNames calls fn for each custom event whose name is a known string
// of valid format (bad formats are custom-name-format's).
func customNames(p *Pass, fn func(v *model.Value, name string, side model.Side)) {
	for _, m := range p.measures() {
		v := m.Options.Get("custom_event_name")
		if name, ok := v.StringValue(); ok && isCustom(m) && customNameProblem(name) == "" {
			fn(v, name, m.Side)
		}
	}
}

func reservedMatch(name string) string {
	for _, e := range pixel.StandardEvents {
		if strings.EqualFold(e, name) {
			return e
		}
	}
	for _, e := range pixel.ServerOnlyEvents {
		if strings.EqualFold(e, name) {
			return e // standard too, on the server side
		}
	}
	return ""
}

// snakeCase lower-cases a name, splitting camel case: QuoteRequested →
// quote_requested.
func snakeCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// customNameProblem says how a custom event name breaks the documented
// format, or "" when it does not.
func customNameProblem(name string) string {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return "is empty"
	case n > 64:
		return fmt.Sprintf("is %d characters long, more than 64", n)
	}
	for _, r := range name {
		if !isNameRune(r) && r != '_' && r != '-' {
			if r == ' ' {
				return "contains a space"
			}
			return fmt.Sprintf("contains %q", r)
		}
	}
	rs := []rune(name)
	if !isNameRune(rs[0]) {
		return fmt.Sprintf("starts with %q", rs[0])
	}
	if !isNameRune(rs[len(rs)-1]) {
		return fmt.Sprintf("ends with %q", rs[len(rs)-1])
	}
	return ""
}

func isNameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
