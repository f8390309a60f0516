package pii

import (
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// KnownIn lists the values held in fields that only ever hold personal
// data ("phone", "email", "external_id", at any depth), whatever their
// shape, once each.
func KnownIn(values ...*model.Value) []Known {
	var out []Known
	var seen map[string]bool // made at the first: most calls hold none
	var walk func(v *model.Value, kind Kind)
	walk = func(v *model.Value, kind Kind) {
		if v == nil {
			return
		}
		if kind != "" {
			text := ""
			switch v.Kind {
			case model.String:
				text = v.Str
			case model.Number:
				text = v.Raw
				if text == "" {
					text = strconv.FormatFloat(v.Num, 'f', -1, 64)
				}
			}
			if len(text) >= minKnown && !seen[text] {
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[text] = true
				out = append(out, Known{Kind: kind, Text: text})
			}
		}
		for _, it := range v.Items {
			walk(it, kind)
		}
		for _, f := range v.Fields {
			k, ok := KeyKind(f.Key)
			if !ok {
				k = kind
			}
			walk(f.Value, k)
		}
	}
	for _, v := range values {
		walk(v, "")
	}
	return out
}
