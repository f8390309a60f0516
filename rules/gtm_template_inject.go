package rules

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "gtm-template-inject", Severity: model.Error,
		Title: "a pixel template that may inject a script other than the SDK, or loads it from another URL",
		Spec:  "The SDK is served from " + pixel.SDKURL + "; the CSP rows allow exactly its host. (measurement pixel documentation, CSP)",
		Doc: `A custom template can only load scripts its ` + "`inject_script`" + ` permission
allows. A pixel template's permission should allow exactly the SDK's URL
(` + "`" + pixel.SDKURL + "`" + `): a wildcard or another host lets the template load
code nobody reviewed, and a copy of the SDK on another host misses its
updates. Edit the template's permissions (Templates → the template →
Permissions → Injects scripts).

Bad:
` + md("tpl", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const injectScript = require('injectScript');
injectScript('https://cdn.example.net/oaiq.min.js', data.gtmOnSuccess, data.gtmOnFailure);

___WEB_PERMISSIONS___

[{"instance": {"key": {"publicId": "inject_script", "versionId": "1"},
  "param": [{"key": "urls", "value": {"type": 2, "listItem": [{"type": 1, "string": "https://cdn.example.net/*"}]}}]}}]`) + `
Good:
` + md("tpl", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const injectScript = require('injectScript');
injectScript('`+pixel.SDKURL+`', data.gtmOnSuccess, data.gtmOnFailure);

___WEB_PERMISSIONS___

[{"instance": {"key": {"publicId": "inject_script", "versionId": "1"},
  "param": [{"key": "urls", "value": {"type": 2, "listItem": [{"type": 1, "string": "`+pixel.SDKURL+`"}]}}]}}]`),
		Check: checkGTMTemplateInject,
	})
}

func checkGTMTemplateInject(p *Pass) {
	if p.Doc.Container == nil {
		return
	}
	for _, t := range p.Doc.Container.Templates {
		if !t.Pixel {
			continue
		}
		for _, u := range t.Injects {
			if u.URL == pixel.SDKURL {
				continue
			}
			p.Report(u.Span, "the pixel template's inject_script permission allows "+quoteURL(u.URL)+", not exactly the SDK's URL",
				"allow only "+pixel.SDKURL+" and inject that URL")
		}
		for _, u := range t.Loads {
			if pixel.MentionsSDK(u.URL) && u.URL != pixel.SDKURL {
				p.Report(u.Span, "the pixel template loads the SDK from "+quoteURL(u.URL)+" instead of "+pixel.SDKURL,
					"inject "+pixel.SDKURL+": a copy elsewhere misses the SDK's updates")
			}
		}
	}
}
