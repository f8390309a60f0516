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
		ID: "capi-user-field", Severity: model.Error,
		Title: "a Conversions API user object or field of the wrong type, or a field no revision documents",
		Spec:  "user | no | per event. emails_sha256, … (lists of lowercase 64-hex SHA-256), cities, regions, postal_codes, countries (lists of raw strings), plus ip_address, user_agent, obref, android_advertising_id. Earlier revisions used singular keys … do not call them errors. (current-docs: Conversions API, event user)",
		Doc: `The event's ` + "`user`" + ` is an object. Its list fields (` + "`emails_sha256`, `cities`, …" + `)
are arrays of strings, its single fields strings; the earlier revisions'
singular keys (` + "`email_sha256`, `country`, `zip_code`, …" + `) are accepted. A field
no revision documents is dropped.

Bad:
` + capiExample(capiUserEvent(`{"emails_sha256": "a522b5489bfc961b75e6adefbb546c29b1d03a6e96588d7dae866c225ceb65da"}`)) + `
Good:
` + capiExample(capiUserEvent(capiGoodUser)),
		Check: checkCAPIUserField,
	})
}

func checkCAPIUserField(p *Pass) {
	capiEvents(p, func(_ *model.Request, ev *model.Value) {
		user := ev.Get(pixel.EventUser)
		if user == nil || user.IsDynamic() {
			return
		}
		if !user.Is(model.Object) {
			p.Report(user.Span, fmt.Sprintf("user must be an object, got %s", describe(user)),
				`send the user's fields in an object: "user": {"emails_sha256": ["…"], "ip_address": "…"}`)
			return
		}
		for _, f := range user.Fields {
			v := f.Value
			switch {
			case v.IsDynamic():
			case slices.Contains(pixel.UserHashLists, f.Key) || slices.Contains(pixel.UserRawLists, f.Key):
				if !v.Is(model.Array) {
					p.Report(v.Span, fmt.Sprintf("user.%s must be a list of strings, got %s", f.Key, describe(v)),
						fmt.Sprintf(`wrap the value in a list: "%s": ["…"] (the API keeps the first %d valid values)`, f.Key, pixel.UserListLimit))
					continue
				}
				for i, it := range v.Items {
					if !it.Is(model.String) && !it.IsDynamic() {
						p.Report(it.Span, fmt.Sprintf("user.%s[%d] must be a string, got %s", f.Key, i, describe(it)), stringFix(it))
					}
				}
				if len(v.Items) > pixel.UserListLimit && !v.Open {
					extra := v.Items[pixel.UserListLimit]
					p.ReportAs(model.Warning, extra.Span, fmt.Sprintf("user.%s holds %d values: the API keeps the first %d valid unique ones and ignores the rest", f.Key, len(v.Items), pixel.UserListLimit),
						fmt.Sprintf("send the %d values most likely to match first", pixel.UserListLimit))
				}
			case slices.Contains(pixel.UserSingularHashes, f.Key) || slices.Contains(pixel.UserSingularRaw, f.Key) || slices.Contains(pixel.UserScalars, f.Key):
				if !v.Is(model.String) {
					p.Report(v.Span, fmt.Sprintf("user.%s must be a string, got %s", f.Key, describe(v)), stringFix(v))
				}
			case !knownUserField(f.Key):
				hint := "documented user fields: " + strings.Join(append(append(append([]string{}, pixel.UserHashLists...), pixel.UserRawLists...), pixel.UserScalars...), ", ")
				if near := suggest.Nearest(f.Key, append(append(append([]string{}, pixel.UserHashLists...), pixel.UserRawLists...), pixel.UserScalars...)); near != "" {
					hint = fmt.Sprintf("did you mean %q?", near)
				}
				p.Report(f.KeySpan, fmt.Sprintf("user.%s is not a documented user field: it is dropped", f.Key), hint)
			}
		}
	})
}
