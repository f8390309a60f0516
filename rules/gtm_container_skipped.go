package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "gtm-container-skipped", Severity: model.Info,
		Title: "a tag manager container that does not run the pixel",
		Spec:  "Containers can be WEB, SERVER, AMP, mobile: only WEB containers run the pixel. (current docs, Google Tag Manager)",
		Doc: `Only web containers run the JavaScript pixel. A server, AMP or mobile
container is not linted, and says so, so that it is never taken for a clean
one. Server-side events are checked from their logs (the Conversions API).

Bad:
` + md("json", `{"exportFormatVersion": 2, "containerVersion": {"container": {"publicId": "GTM-SRV1", "usageContext": ["SERVER"]}, "tag": []}}`) + `
Good:
` + md("json", gtmExample(`    "tag": []`)),
		Check: checkGTMContainerSkipped,
	})
}

func checkGTMContainerSkipped(p *Pass) {
	if c := p.Doc.Container; c != nil && c.Malformed == nil && c.Skipped != "" {
		p.Reportf(c.IDSpan, "container %s is not a web container (%s): not linted, since only web containers run the pixel", orUnnamed(c.PublicID), c.Skipped)
	}
}

func orUnnamed(id string) string {
	if id == "" {
		return "(no public id)"
	}
	return id
}
