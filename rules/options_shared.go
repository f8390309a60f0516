package rules

// Helpers of the rules about measure options (the fourth argument): the
// wording of an unknown option and values that stand for a missing one.

import (
	"fmt"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// stringified are what JavaScript makes of a missing value turned into text.
var stringified = map[string]bool{"undefined": true, "null": true, "[object Object]": true, "NaN": true}

var optionAliases = map[string]string{
	"eventid": "event_id", "id": "event_id", "dedupid": "event_id", "deduplicationid": "event_id", "orderid": "event_id",
	"customeventname": "custom_event_name", "eventname": "custom_event_name", "name": "custom_event_name",
	"optout": "opt_out", "donotpersonalize": "opt_out",
}

func optionsUnknownMessage(key string) (string, string) {
	hint := "options take " + joinQuoted(pixel.OptionFields, "and")
	if alias, ok := optionAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("option %q is not supported; did you mean %q?", key, alias), hint
	}
	if slices.Contains(pixel.ShapeFields[pixel.ShapeCustom], key) || slices.Contains(pixel.ContentsItemFields, key) {
		return fmt.Sprintf("%q is event data, not an option: move it to the event data object (the third argument)", key), ""
	}
	if n := suggest.Nearest(key, pixel.OptionFields); n != "" {
		return fmt.Sprintf("option %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("option %q is not supported", key), hint
}
