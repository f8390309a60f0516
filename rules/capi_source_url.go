package rules

import (
	"fmt"
	"net/url"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-source-url", Severity: model.Error,
		Title: "web event without an absolute source_url",
		Spec:  "source_url | when action_source is web | absolute URL with scheme and host (origin + path recommended) (current-docs: Conversions API, event)",
		Doc: `A web event names the page it happened on in ` + "`source_url`" + `: an absolute
URL with scheme and host. A path alone, or no URL, is rejected.

Bad:
` + capiExample(`{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "/thanks", "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`) + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`),
		Check: checkCAPISourceURL,
	})
}

func checkCAPISourceURL(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		src, _ := ev.Get(pixel.EventActionSource).StringValue()
		f := ev.Field(pixel.EventSourceURL)
		if f == nil {
			if src == pixel.ActionSourceWeb && !ev.Open && !legacyStandsIn(ev, pixel.EventSourceURL) {
				p.Report(ev.Get(pixel.EventActionSource).Span, `web event without "source_url"`,
					`add "source_url": the absolute URL of the page the conversion happened on, such as "https://shop.example/thanks"`)
			}
			return
		}
		v := f.Value
		if v.IsDynamic() {
			return
		}
		s, ok := v.StringValue()
		if !ok {
			p.Report(v.Span, fmt.Sprintf("source_url must be a string, got %s", describe(v)), "send the page's absolute URL as a string")
			return
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme == "" || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			p.Report(v.Span, fmt.Sprintf("source_url %s is not an absolute http(s) URL with a host", quoteURL(s)),
				"send scheme, host and path, such as \"https://shop.example/thanks\"")
		}
	})
}
