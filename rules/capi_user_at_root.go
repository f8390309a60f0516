package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-user-at-root", Severity: model.Error,
		Title: "user sent at the request body's root instead of in each event",
		Spec:  "user | no | per event (never at the body's root) (current-docs: Conversions API, event)",
		Doc: `The user belongs to each event. At the body's root it is not read, and
the events carry no user data.

Bad:
` + capiExample(`{"user": `+capiGoodUser+`, "events": [`+capiGoodEvent+`]}`) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserAtRoot,
	})
}

func checkCAPIUserAtRoot(p *Pass) {
	for _, q := range p.Doc.Requests {
		if f := q.Body.Field(pixel.EventUser); f != nil {
			p.Report(f.KeySpan, "user at the request body's root: the Conversions API reads it per event only",
				`move it into each event: {"events": [{…, "user": {…}}]}`)
		}
	}
}
