package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "gtm-sdk-duplicate", Severity: model.Warning,
		Title: "several tags of a container load the pixel",
		Spec:  "Add the following snippet to the <head> section every page where you want to capture conversions.",
		Doc: `One tag should load the SDK. A Custom HTML snippet next to a template
tag that injects the SDK, or two snippets, load it twice on every page
where both fire; without the stub's guard the second copy replaces the
queue of early calls. Keep one: the official template's tags load it
themselves, so a snippet beside them can go.

Bad:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`,
      `+gtmHTMLTag("OAIQ - base (copy)", gtmSnippet, "")+`]`)) + `
Good:
` + md("json", gtmExample(`    "tag": [`+gtmHTMLTag("OAIQ - base", gtmSnippet, "")+`]`)),
		Check: checkGTMSDKDuplicate,
	})
}

// loadsSDK reports whether a tag loads the SDK, and where.
func loadsSDK(t *model.ContainerTag) (model.Span, bool) {
	if len(t.Loaders) > 0 {
		return t.Loaders[0].Span, true
	}
	if t.Template != nil && t.Template.Pixel {
		return t.Span, true
	}
	return model.Span{}, false
}

func checkGTMSDKDuplicate(p *Pass) {
	c := container(p)
	if c == nil {
		return
	}
	var first *model.ContainerTag
	for _, t := range c.Tags {
		span, ok := loadsSDK(t)
		if !ok {
			continue
		}
		if first == nil {
			first = t
			continue
		}
		if t.Template != nil && first.Template == t.Template {
			continue // tags of one template: it loads the SDK once per page
		}
		p.Report(span, fmt.Sprintf("%s loads the pixel SDK, and so does tag %q: where both fire, the SDK is loaded twice", tagLabel(t), first.Name),
			"load the SDK from one tag only")
	}
}
