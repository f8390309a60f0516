package rules

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A long expression is shortened, but never inside a quoted name: the
// data-layer key a GTM variable reads stays whole (review, section C).
func TestExprKeepsQuotedNamesWhole(t *testing.T) {
	for raw, want := range map[string]string{
		`{{DLV - transaction_id}} (data layer "ecommerce.transaction_id")`:               `{{DLV - transaction_id}} (data layer "ecommerce.transaction_id")`,
		`{{DLV - ecommerce.value}} (data layer "ecommerce.value") * 100`:                 `{{DLV - ecommerce.value}} (data layer "ecommerce.value") * 100`,
		`order.lines.map(line => line.price * line.quantity).reduce((a, b) => a + b, 0)`: `order.lines.map(line => line.price * line.quantity).reduc…`,
		`short + 1`: `short + 1`,
	} {
		got := expr(&model.Value{Kind: model.Dynamic, Raw: raw})
		if got != want {
			t.Errorf("expr(%q) = %q, want %q", raw, got, want)
		}
		if strings.Count(got, `"`)%2 != 0 {
			t.Errorf("expr(%q) = %q cuts a quoted name", raw, got)
		}
	}
}
