package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "image-tag-user-data", Severity: model.Error,
		Title: "user data, personal data or an identifier in an image tag's query",
		Spec:  "No user object and no personal data, secrets, session, customer or order ids in the query. (developers.openai.com/ads/image-tag)",
		Doc: `The image tag has no user object: its URL ends up in server logs, proxies
and the browser's history, so nothing about the person (hashed or not), no
session, customer or order id and no secret belongs in it. Send user data
with the JavaScript pixel's init, or from your server through the
Conversions API. Values are never printed: findings name the parameter.
Raw personal data in a documented parameter's value is pii-raw's finding.

Bad:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action&amp;user[country]=US")) + `
Good:
` + md("html", imageTagExample("pid=px_8f2b1c&amp;event=lead_created&amp;data[type]=customer_action")),
		Check: checkImageTagUserData,
	})
}

func checkImageTagUserData(p *Pass) {
	for _, c := range imageCalls(p.Doc) {
		for _, q := range c.Image.Params {
			if q.NameTemplated {
				continue // what the template prints is not known
			}
			_, isData := pixel.ImageDataParam(q.Name)
			documented := isData || q.Name == pixel.ImageParamOptOut
			for _, k := range pixel.ImageParams {
				documented = documented || q.Name == k
			}
			switch {
			case imageUserParam(q.Name):
				p.Report(q.NameSpan, fmt.Sprintf("the image tag's query carries %s: user data and identifiers never belong in the URL", quote(pii.Redact(q.Name))),
					"remove it; send user data with oaiq(\"init\", { user: … }) or from your server through the Conversions API")
			case !documented && len(pii.Find(q.Value)) > 0:
				// A documented parameter's value is pii-raw's (it is a call argument).
				p.Report(q.ValueSpan, fmt.Sprintf("the image tag's parameter %s holds raw personal data: it never belongs in the URL", quote(pii.Redact(q.Name))),
					"remove it from the query")
			}
		}
	}
}
