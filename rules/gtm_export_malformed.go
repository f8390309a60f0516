package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "gtm-export-malformed", Severity: model.Error,
		Title: "a Google Tag Manager export that cannot be read",
		Spec:  "A container export (Admin → Export Container) is JSON: {\"exportFormatVersion\": 2, \"containerVersion\": {…}}. (current docs, Google Tag Manager)",
		Doc: `A file that names ` + "`exportFormatVersion`" + ` and ` + "`containerVersion`" + ` is read
as a container export. When it is not valid JSON, or its
` + "`containerVersion`" + ` is not an object, none of its tags can be checked; the
finding points where reading stopped. Export the container again (Admin →
Export Container) rather than editing the file by hand.

Bad:
` + md("json", `{"exportFormatVersion": 2, "containerVersion": {"tag": [}}`) + `
Good:
` + md("json", gtmExample(`    "tag": []`)),
		Check: checkGTMExportMalformed,
	})
}

func checkGTMExportMalformed(p *Pass) {
	if c := p.Doc.Container; c != nil && c.Malformed != nil {
		p.Report(c.Malformed.Span, "this Google Tag Manager export cannot be read: "+c.Malformed.Message+"; none of its tags were checked",
			"export the container again (Admin → Export Container) instead of editing the file by hand")
	}
}
