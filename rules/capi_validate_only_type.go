package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "capi-validate-only-type", Severity: model.Error,
		Title: "validate_only not a boolean",
		Spec:  "validate_only | no | boolean; true validates without saving (current-docs: Conversions API, request body)",
		Doc: `` + "`validate_only`" + ` is a JSON boolean. A string such as "false" is not
false: the request may be validated only, and its events never saved.

Bad:
` + capiExample(`{"validate_only": "false", "events": [`+capiGoodEvent+`]}`) + `
Good:
` + capiExample(`{"validate_only": false, "events": [`+capiGoodEvent+`]}`),
		Check: checkCAPIValidateOnly,
	})
}

func checkCAPIValidateOnly(p *Pass) {
	for _, q := range p.Doc.Requests {
		v := q.Body.Get("validate_only")
		if v == nil || v.Is(model.Bool) || v.IsDynamic() {
			continue
		}
		fix := "true or false, without quotes"
		if s, ok := v.StringValue(); ok && (s == "true" || s == "false") {
			fix = s + ", without quotes"
		}
		p.Report(v.Span, fmt.Sprintf("validate_only must be a boolean, got %s", describe(v)),
			"send "+fix+"; true only validates the events and saves none")
	}
}
