package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-app-event-source", Severity: model.Error,
		Title: "app_installed or app_opened without action_source mobile_app or customer_action data",
		Spec:  "action_source | depends | … must be mobile_app for app events (current-docs: Conversions API, event)",
		Doc: `The app events ` + "`app_installed` and `app_opened`" + ` exist only on the server and
only with ` + "`\"action_source\": \"mobile_app\"`" + ` (and customer_action data).

Bad:
` + capiExample(`{"events": [{"id": "i_1", "type": "app_installed", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/", "data": {"type": "customer_action"}}]}`) + `
Good:
` + capiExample(`{"events": [{"id": "i_1", "type": "app_installed", "timestamp_ms": 1796115600000, "action_source": "mobile_app", "data": {"type": "customer_action"}}]}`),
		Check: checkCAPIAppEventSource,
	})
}

func checkCAPIAppEventSource(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		typ := eventTypeOf(ev)
		if !pixel.IsServerOnlyEvent(typ) || ev.Open {
			return
		}
		if d := ev.Get(pixel.EventData).Get("type"); d.Is(model.String) && d.Str != pixel.ShapeCustomerAction {
			p.Report(d.Span, fmt.Sprintf("app event %s with data of type %s: app events carry customer_action data", quote(typ), quote(d.Str)),
				`send "data": {"type": "customer_action"}`)
		}
		v := ev.Get(pixel.EventActionSource)
		if v == nil {
			p.Report(ev.Get(pixel.EventType).Span, fmt.Sprintf("app event %s without action_source", quote(typ)),
				`add "action_source": "mobile_app"`)
			return
		}
		if s, ok := v.StringValue(); ok && s != pixel.ActionSourceMobileApp {
			p.Report(v.Span, fmt.Sprintf("app event %s with action_source %s: app events must be mobile_app", quote(typ), quote(s)),
				`send "action_source": "mobile_app"`)
		}
	})
}
