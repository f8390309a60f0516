package rules

// Helpers of the gtm-* rules, which judge Google Tag Manager container
// exports and custom template files (the Container facts of a document).

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// gtmSpec is what the official template's documentation says.
const gtmSpec = "The official GTM tag template: one tag per event, the same Pixel ID in every tag; event tags initialise the pixel themselves, an optional base tag only initialises. (official template README)"

// gtmExample is a web container export holding the given members of
// containerVersion (tags, variables, triggers, templates), for the rules'
// examples.
func gtmExample(members string) string {
	return `{
  "exportFormatVersion": 2,
  "containerVersion": {
    "container": { "publicId": "GTM-ABC123", "usageContext": ["WEB"] },
` + members + `
  }
}`
}

// gtmHTMLTag is a Custom HTML tag member of an example export.
func gtmHTMLTag(name, html string, extra string) string {
	q := strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(html)
	return `{ "name": "` + name + `", "type": "html", ` + extra + `"parameter": [{ "type": "TEMPLATE", "key": "html", "value": "` + q + `" }] }`
}

// gtmSnippet is the documented snippet with an init, as one Custom HTML
// tag's code.
const gtmSnippet = `<script>
!function(w,d,s,u){if(w.oaiq)return;var q=function(){q.q.push(arguments)};q.q=[];w.oaiq=q;var t=d.createElement(s);t.async=true;t.src=u;d.head.appendChild(t)}(window,document,"script","` + pixel.SDKURL + `");
oaiq("init", { pixelId: "px_123" });
</script>`

// container is the document's container when it is a linted web
// container, else nil.
func container(p *Pass) *model.Container {
	c := p.Doc.Container
	if c == nil || c.Malformed != nil || c.Skipped != "" {
		return nil
	}
	return c
}

// tagCalls lists the calls of the container's tags with the tag making each.
func tagCalls(c *model.Container, command string) []struct {
	tag  *model.ContainerTag
	call *model.Call
} {
	var out []struct {
		tag  *model.ContainerTag
		call *model.Call
	}
	for _, t := range c.Tags {
		for _, call := range t.Calls {
			if call.Command() == command {
				out = append(out, struct {
					tag  *model.ContainerTag
					call *model.Call
				}{t, call})
			}
		}
	}
	return out
}

// tagLabel names a tag in messages.
func tagLabel(t *model.ContainerTag) string {
	if t.Name == "" {
		return "an unnamed tag"
	}
	return fmt.Sprintf("tag %q", t.Name)
}

// seenContainer is the verdict of the container a tag manager loads when
// the run read its export (a web container), else nil.
func seenContainer(tm model.TagManager) *model.ContainerVerdict {
	if tm.Container == nil || tm.Container.Skipped != "" {
		return nil
	}
	return tm.Container
}

// containerDoes reports whether a container the page loads, whose export
// the run read, does what ok tests.
func containerDoes(doc *model.Document, ok func(*model.ContainerVerdict) bool) bool {
	if doc.Page == nil {
		return false
	}
	for _, tm := range doc.Page.TagManagers {
		if v := seenContainer(tm); v != nil && ok(v) {
			return true
		}
	}
	return false
}

// containersLacking says, for a page's "missing" verdict, which read
// containers were looked into: "; no tag of container GTM-X (export.json)
// loads the SDK either", or "".
func containersLacking(doc *model.Document, what string) string {
	if doc.Page == nil {
		return ""
	}
	var out []string
	for _, tm := range doc.Page.TagManagers {
		if v := seenContainer(tm); v != nil {
			out = append(out, fmt.Sprintf("container %s (%s)", v.ID, v.Path))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "; no tag of " + strings.Join(out, " or ") + " " + what + " either"
}

// seenContainerScripts counts the unread external scripts that are the
// loaders of containers whose exports the run read: what they do is known.
func seenContainerScripts(page *model.PageFacts) int {
	n := 0
	for _, s := range page.Unresolved {
		for _, tm := range page.TagManagers {
			if seenContainer(tm) != nil && tm.Span == s.Span && !s.Span.IsZero() {
				n++
				break
			}
		}
	}
	return n
}
