package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-action-source", Severity: model.Error,
		Title: "action_source not one of the documented values",
		Spec:  "action_source | depends | one of web, mobile_app, offline, physical_store, phone_call, email, other; must be mobile_app for app events (current-docs: Conversions API, event)",
		Doc: `` + "`action_source`" + ` says where the conversion happened: ` + "`web`, `mobile_app`, `offline`, `physical_store`, `phone_call`, `email` or `other`" + `,
in lower case. Other vendors' values (` + "`website`, `app`, `system_generated`" + `) are rejected.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "website", "source_url": "https://shop.example/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIActionSource,
	})
}

// actionSourceAliases are other vendors' values and what they mean here.
var actionSourceAliases = map[string]string{
	"website": "web", "site": "web", "browser": "web", "app": "mobile_app", "mobile": "mobile_app",
	"store": "physical_store", "in_store": "physical_store", "phone": "phone_call", "call": "phone_call",
	"system_generated": "other", "chat": "other",
}

func checkCAPIActionSource(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		v := ev.Get(pixel.EventActionSource)
		if v == nil || v.IsDynamic() {
			return
		}
		s, ok := v.StringValue()
		if ok && slices.Contains(pixel.ActionSources, s) {
			return
		}
		hint := "use one of " + strings.Join(pixel.ActionSources, ", ")
		if ok {
			if fix := actionSourceFix(s); fix != "" {
				hint = fmt.Sprintf("use %q", fix)
			}
		}
		what := describe(v)
		if ok {
			what = quote(s)
		}
		p.Report(v.Span, fmt.Sprintf("action_source %s is not a documented value", what), hint)
	})
}

func actionSourceFix(s string) string {
	low := strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(pixel.ActionSources, low) {
		return low
	}
	if fix, ok := actionSourceAliases[strings.ReplaceAll(low, "-", "_")]; ok {
		return fix
	}
	return suggest.Nearest(low, pixel.ActionSources)
}
