package rules

// Custom events: "custom" as the event name, { type: "custom" } as data and
// the custom_event_name option, whose format the documentation spells out.

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(
		&Rule{
			ID: "custom-name-missing", Severity: model.Error,
			Title: "a custom event without custom_event_name",
			Spec:  "custom_event_name: Name a custom event. This field is required for custom events and isn’t supported for standard ones.",
			Doc: `A custom event is named by its custom_event_name option; without it the
event has no name.

Bad:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "quote_requested" });
` + "```",
			Check: checkCustomNameMissing,
		},
		&Rule{
			ID: "custom-name-on-standard", Severity: model.Error,
			Title: "custom_event_name on a standard event",
			Spec:  "custom_event_name: Name a custom event. This field is required for custom events and isn’t supported for standard ones.",
			Doc: `custom_event_name is only for events named "custom".

Bad:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" }, { custom_event_name: "demo_lead" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "demo_lead" });
` + "```",
			Check: checkCustomNameOnStandard,
		},
		&Rule{
			ID: "custom-name-format", Severity: model.Error,
			Schema: schemaCustomNameFormat,
			Title:  "custom_event_name not 1–64 letters, digits, _ or -, starting and ending with a letter or digit",
			Spec:   "Custom event names must: Be 1 to 64 characters long. Contain only letters, numbers, underscores, or dashes. Start and end with a letter or number.",
			Doc: `Bad:
` + "```js" + `
{ custom_event_name: "quote requested!" }
` + "```" + `
Good:
` + "```js" + `
{ custom_event_name: "quote_requested" }
` + "```",
		},
		&Rule{
			ID: "custom-name-reserved", Severity: model.Error,
			Title: "custom_event_name equal to a standard event name",
			Spec:  "Custom event names must: Not match a standard event name.",
			Doc: `When a standard event describes the action, send the standard event.

Bad:
` + "```js" + `
oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "order_created" });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" });
` + "```",
			Check: checkCustomNameReserved,
		},
		&Rule{
			ID: "custom-name-case", Severity: model.Warning,
			Title: "custom_event_name not lower case",
			Spec:  "Use lowercase names for consistency.",
			Doc: `Bad:
` + "```js" + `
{ custom_event_name: "QuoteRequested" }
` + "```" + `
Good:
` + "```js" + `
{ custom_event_name: "quote_requested" }
` + "```",
			Check: checkCustomNameCase,
		},
	)
}

func isCustom(m measureCall) bool {
	name, ok := m.EventName()
	return ok && name == pixel.CustomEvent
}

func isStandardOrServer(m measureCall) bool {
	name, ok := m.EventName()
	return ok && (pixel.EventShape[name] != "" || pixel.IsServerOnlyEvent(name))
}

func checkCustomNameMissing(p *Pass) {
	for _, m := range p.measures() {
		if !isCustom(m) || m.Options.IsDynamic() || m.Options.Is(model.Object) && (m.Options.Open || m.Options.Field("custom_event_name") != nil || misspeltCustomName(m.Options)) {
			continue
		}
		span := m.Name.Span
		if m.Options != nil {
			span = m.Options.Span
		}
		hint := `pass it in the options, the fourth argument: { custom_event_name: "quote_requested" }`
		if m.Side == model.Server {
			hint = `add "custom_event_name" to the server event, the same name the browser sends`
		}
		p.Report(span, "custom event without custom_event_name: the event has no name", hint)
	}
}

// misspeltCustomName reports an options key that is custom_event_name
// misspelt (customEventName, custom_name…): options-unknown-field says so
// at the key, which is the one finding this problem needs.
func misspeltCustomName(opts *model.Value) bool {
	for _, f := range opts.Fields {
		if msg, _ := optionsUnknownMessage(f.Key); strings.Contains(msg, `did you mean "custom_event_name"`) {
			return true
		}
	}
	return false
}

func checkCustomNameOnStandard(p *Pass) {
	for _, m := range p.measures() {
		f := m.Options.Field("custom_event_name")
		if f == nil || !isStandardOrServer(m) {
			continue
		}
		name, _ := m.EventName()
		p.Report(f.KeySpan, fmt.Sprintf("custom_event_name is only for custom events; %s is a standard event", name),
			fmt.Sprintf(`remove custom_event_name, or send oaiq("measure", "custom", { type: "custom" }, { custom_event_name: … }) instead of %s`, name))
	}
}

// customNames calls fn for each custom event whose name is a known string
// of valid format (bad formats are custom-name-format's).
func customNames(p *Pass, fn func(v *model.Value, name string)) {
	for _, m := range p.measures() {
		v := m.Options.Get("custom_event_name")
		if name, ok := v.StringValue(); ok && isCustom(m) && customNameProblem(name) == "" {
			fn(v, name)
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

func checkCustomNameReserved(p *Pass) {
	customNames(p, func(v *model.Value, name string) {
		if e := reservedMatch(name); e != "" {
			hint := fmt.Sprintf(`send the standard event instead: oaiq("measure", %q, { type: %q, … })`, e, pixel.EventShape[e])
			if pixel.IsServerOnlyEvent(e) {
				hint = e + " is a standard event of the Conversions API: send it from your server, or give the custom event another name"
			}
			p.Report(v.Span, fmt.Sprintf("custom_event_name %q is a standard event name", name), hint)
		}
	})
}

func checkCustomNameCase(p *Pass) {
	customNames(p, func(v *model.Value, name string) {
		if reservedMatch(name) != "" || strings.ToLower(name) == name {
			return
		}
		p.Report(v.Span, fmt.Sprintf("custom_event_name %q is not lower case; use %q", name, snakeCase(name)),
			"keep the same name on the browser and the server: deduplication compares it")
	})
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
