package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-data-server-field", Severity: model.Error,
		Title: "contents[].group_id not a string or contents[].variant_dict not an object of strings",
		Spec:  "data | yes | same shapes as the pixel, plus: contents[].group_id (string), contents[].variant_dict (object of strings), and any extra field on custom data (current-docs: Conversions API, event)",
		Doc: `The server's contents items may carry ` + "`group_id`" + ` (a string) and
` + "`variant_dict`" + ` (an object whose values are strings), which the pixel does
not take; custom data may carry extra fields.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD", "contents": [{"id": "sku_1", "group_id": 42, "variant_dict": {"size": "M"}}]}}]}`) + `
Good:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD", "contents": [{"id": "sku_1", "group_id": "tee", "variant_dict": {"size": "M"}}]}}]}`),
		Check: checkCAPIDataServerField,
	})
}

func checkCAPIDataServerField(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		for i, item := range itemsOf(ev.Get(pixel.EventData).Get("contents")) {
			if g := item.Get("group_id"); g != nil && !g.Is(model.String) && !g.IsDynamic() {
				p.Report(g.Span, fmt.Sprintf("contents[%d].group_id must be a string, got %s", i, describe(g)), stringFix(g))
			}
			vd := item.Get("variant_dict")
			if vd == nil || vd.IsDynamic() {
				continue
			}
			if !vd.Is(model.Object) {
				p.Report(vd.Span, fmt.Sprintf("contents[%d].variant_dict must be an object of strings, got %s", i, describe(vd)),
					`send the variant's attributes as strings: {"size": "M", "color": "blue"}`)
				continue
			}
			for _, f := range vd.Fields {
				if !f.Value.Is(model.String) && !f.Value.IsDynamic() {
					p.Report(f.Value.Span, fmt.Sprintf("contents[%d].variant_dict.%s must be a string, got %s", i, f.Key, describe(f.Value)), stringFix(f.Value))
				}
			}
		}
	})
}

// capiAllowsField: a member the pixel's schema does not know but the
// Conversions API takes (contents[].group_id and variant_dict, extra
// fields on custom data), or one a CAPI rule reports itself
// (custom_event_name inside data): not data-unknown-field.
func capiAllowsField(v *SchemaViolation, key string) bool {
	if v.Call.Event == nil || v.Arg != argData {
		return false
	}
	switch {
	case len(v.Loc) == 2 && v.Loc[0] == "contents":
		_, ok := pixel.ContentsServerFields[key]
		return ok
	case len(v.Loc) == 0:
		return v.Schema == pixel.ShapeCustom || key == pixel.EventCustomName && eventTypeOf(v.Call.Event) == pixel.CustomEvent
	}
	return false
}
