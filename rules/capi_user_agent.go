package rules

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-user-agent", Severity: model.Error,
		Title: "user.user_agent empty",
		Spec:  "user_agent (non-empty) (current-docs: Conversions API, event user)",
		Doc: `` + "`user_agent`" + `, when sent, is the browser's User-Agent header, not an empty string.

Bad:
` + capiExample(capiUserEvent(`{"ip_address": "203.0.113.7", "user_agent": ""}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserAgent,
	})
}

func checkCAPIUserAgent(p *Pass) {
	capiUsers(p, func(_, user *model.Value) {
		if s, ok := user.Get("user_agent").StringValue(); ok && strings.TrimSpace(s) == "" {
			p.Report(user.Get("user_agent").Span, "user.user_agent is empty",
				"send the User-Agent header of the request the conversion came from, or leave the field out")
		}
	})
}
