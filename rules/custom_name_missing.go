package rules

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
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
	})
}

func checkCustomNameMissing(p *Pass) {
	for _, m := range p.measures() {
		if m.Image != nil || !isCustom(m) || m.Options.IsDynamic() || m.Options.Is(model.Object) && (m.Options.Open || m.Options.Field("custom_event_name") != nil || misspeltCustomName(m.Options)) {
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
