package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "contents-unknown-field", Severity: model.Error,
		Schema: schemaContentsUnknownField,
		Title:  "a contents[] field other than id, name, content_type, quantity, amount, currency",
		Spec:   "Use only the documented fields inside contents[].",
		Doc: `Items take id, name, content_type, quantity, amount and currency.
A misspelt field (` + "`contentType`" + `: another case or separator style, or
one slip in a longer name) gets a safe fix renaming it.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: [{ sku: "sku_123", price: 2599, qty: 1 }] });`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "items_added", { type: "contents", contents: [{ id: "sku_123", amount: 2599, currency: "USD", quantity: 1 }] });`),
	})
}

var contentsAliases = map[string]string{
	"price": "amount", "value": "amount", "itemprice": "amount",
	"sku": "id", "productid": "id", "itemid": "id", "contentid": "id",
	"title": "name", "itemname": "name", "productname": "name",
	"qty": "quantity", "count": "quantity", "numitems": "quantity",
	"type": "content_type", "category": "content_type", "contenttype": "content_type",
}

func contentsUnknownMessage(key, index string) (string, string) {
	hint := "contents[] items take " + joinQuoted(pixel.ContentsItemFields, "and")
	if alias, ok := contentsAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("contents[%s] field %q is not supported; did you mean %q?", index, key, alias), moneyHint(alias, hint)
	}
	if n := suggest.Nearest(key, pixel.ContentsItemFields); n != "" {
		return fmt.Sprintf("contents[%s] field %q is not supported; did you mean %q?", index, key, n), hint
	}
	return fmt.Sprintf("contents[%s] field %q is not supported", index, key), hint
}

func schemaContentsUnknownField(v *SchemaViolation) (model.Finding, bool) {
	key, ok := v.unknownIn(argData, "contents", "*")
	if !ok || capiAllowsField(v, key) {
		return model.Finding{}, false
	}
	f, ok := v.memberFinding(contentsUnknownMessage(key, v.Loc[1]))
	return withFix(f, ok, renameFix(v.Node, v.Member, meantKey(key, pixel.ContentsItemFields)))
}
