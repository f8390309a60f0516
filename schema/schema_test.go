package schema

import (
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

func TestEverySchemaCompiles(t *testing.T) {
	want := []string{"config", "contents", "contents-item", "custom", "customer_action", "event-data", "init", "money", "options", "plan_enrollment", "user"}
	got := Names()
	if len(got) != len(want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Names() = %v, want %v", got, want)
		}
	}
	if _, err := compile(); err != nil {
		t.Fatal(err)
	}
	if _, ok := Source("nope"); ok {
		t.Error("Source(nope) found a schema")
	}
}

func plain(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestValidateReportsLeafKinds(t *testing.T) {
	tests := []struct {
		schema, doc string
		pointer     string
		check       func(any) bool
	}{
		{"init", `{"pixelId": "p", "pixel_id": "p"}`, "", func(k any) bool { _, ok := k.(*kind.AdditionalProperties); return ok }},
		{"contents", `{"type": "contents", "amount": 25.99}`, "/amount", func(k any) bool { _, ok := k.(*kind.Type); return ok }},
		{"contents", `{"amount": 1}`, "", func(k any) bool { _, ok := k.(*kind.Required); return ok }},
		{"user", `{"email_sha256": "ABC"}`, "/email_sha256", func(k any) bool { _, ok := k.(*kind.Pattern); return ok }},
		{"user", `{"city": ""}`, "/city", func(k any) bool { _, ok := k.(*kind.MinLength); return ok }},
		{"contents", `{"type": "contents", "contents": [{"id": "a", "content_type": ""}]}`, "/contents/0/content_type", func(k any) bool { _, ok := k.(*kind.MinLength); return ok }},
		{"contents", `{"type": "contents", "contents": [{"price": 1}]}`, "/contents/0", func(k any) bool { _, ok := k.(*kind.AdditionalProperties); return ok }},
		{"event-data", `{"type": "lead"}`, "/type", func(k any) bool { _, ok := k.(*kind.Enum); return ok }},
		{"event-data", `{"type": "customer_action", "contents": []}`, "", func(k any) bool { _, ok := k.(*kind.AdditionalProperties); return ok }},
		{"options", `{"opt_out": "yes"}`, "/opt_out", func(k any) bool { _, ok := k.(*kind.Type); return ok }},
	}
	for _, tt := range tests {
		vs := Validate(tt.schema, plain(t, tt.doc))
		found := false
		for _, v := range vs {
			if v.Pointer() == tt.pointer && tt.check(v.Kind) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s: want a violation at %q, got %+v", tt.schema, tt.doc, tt.pointer, vs)
		}
	}
}

func TestValidateAcceptsSpecExamples(t *testing.T) {
	for _, tt := range []struct{ schema, doc string }{
		{"init", `{"pixelId": "<YOUR-PIXEL-ID>", "debug": true}`},
		{"init", `{"user": {"email_sha256": "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514", "country": "US", "city": "San Francisco", "zip_code": "94107"}}`},
		{"contents", `{"type": "contents", "amount": 2599, "currency": "USD", "contents": [{"id": "sku_123", "name": "Starter bundle", "content_type": "product", "quantity": 1, "amount": 2599, "currency": "USD"}]}`},
		{"plan_enrollment", `{"type": "plan_enrollment", "plan_id": "pro_monthly", "amount": 2000, "currency": "USD"}`},
		{"custom", `{"type": "custom"}`},
		// Every revision of the supported-events page allows contents on plan_enrollment.
		{"plan_enrollment", `{"type": "plan_enrollment", "plan_id": "pro_monthly", "contents": [{"id": "pro_monthly", "quantity": 1}]}`},
		{"options", `{"custom_event_name": "quote_requested", "event_id": "order_12345", "opt_out": false}`},
		{"event-data", `{"type": "customer_action", "amount": 5000, "currency": "USD"}`},
	} {
		if vs := Validate(tt.schema, plain(t, tt.doc)); len(vs) != 0 {
			t.Errorf("%s %s: %+v", tt.schema, tt.doc, vs)
		}
	}
}
