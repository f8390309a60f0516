package rules

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "content-type-empty", Severity: model.Error,
		Schema: schemaContentTypeEmpty,
		Check:  checkContentTypeBlank,
		Title:  "a contents[] item's content_type is empty or blank",
		Spec:   "contents[] items: id, name, content_type (optional, but when present a non-empty string), quantity, amount, currency. (developers.openai.com/ads/supported-events)",
		Doc: `content_type is optional in a contents[] item, but when it is present it
must be a non-empty string. Leave it out when the item has no type rather
than sending "".

Bad:
` + md("js", `oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123", content_type: "" }] });`) + `
Good:
` + md("js", `oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123", content_type: "product" }] });`),
	})
}

func schemaContentTypeEmpty(v *SchemaViolation) (model.Finding, bool) {
	if !v.valueAt(argData, "contents", "*", "content_type") {
		return model.Finding{}, false
	}
	if s, ok := v.Node.StringValue(); !ok || s != "" {
		return model.Finding{}, false // a non-string is field-type's
	}
	return v.finding(fmt.Sprintf("%s is empty: when present it must be a non-empty string", fieldPath(v.Loc)),
		"leave content_type out when the item has no type, or send one such as \"product\"")
}

// checkContentTypeBlank reports white space alone, which the schema's
// minimum length lets through.
func checkContentTypeBlank(p *Pass) {
	for _, m := range p.measures() {
		list := m.Data.Get("contents")
		if !list.Is(model.Array) {
			continue
		}
		for i, it := range list.Items {
			if s, ok := it.Get("content_type").StringValue(); ok && s != "" && strings.TrimSpace(s) == "" {
				p.Report(it.Get("content_type").Span, fmt.Sprintf("contents[%d].content_type is blank: when present it must be a non-empty string", i),
					"leave content_type out when the item has no type, or send one such as \"product\"")
			}
		}
	}
}
