package rules

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-user-ip", Severity: model.Error,
		Title: "user.ip_address not a valid IPv4 or IPv6 address",
		Spec:  "ip_address (valid IPv4/IPv6) (current-docs: Conversions API, event user)",
		Doc: `` + "`ip_address`" + ` is the user's IP address, IPv4 or IPv6, without a port or
a list of proxies.

Bad:
` + capiExample(capiUserEvent(`{"ip_address": "203.0.113.7, 10.0.0.1", "user_agent": "Mozilla/5.0"}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserIP,
	})
}

func checkCAPIUserIP(p *Pass) {
	capiUsers(p, func(_, user *model.Value) {
		s, ok := user.Get("ip_address").StringValue()
		if !ok {
			return // capi-user-field's
		}
		if _, err := netip.ParseAddr(s); err == nil {
			return
		}
		v := user.Get("ip_address")
		hint := "send the client's address alone, such as \"203.0.113.7\" or \"2001:db8::1\""
		switch {
		case strings.Contains(s, ","):
			hint = "send one address: the first of X-Forwarded-For is the client's"
		case strings.Count(s, ":") == 1:
			hint = "drop the port"
		}
		p.Report(v.Span, fmt.Sprintf("user.ip_address %s is not a valid IP address", quote(s)), hint)
	})
}
