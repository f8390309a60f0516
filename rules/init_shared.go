package rules

// Helpers of the init-* rules: placeholders, the parts of a page that stay
// unseen, and the wording of an unknown init field.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// unseenParts names what of a page could not be read, or "".
func unseenParts(doc *model.Document) string {
	if doc.Page == nil {
		if doc.Kind == model.Page {
			// A page rebuilt from an event log: only its calls were recorded.
			return "what the page loads (the log records only its calls)"
		}
		return ""
	}
	var parts []string
	for _, t := range doc.Page.TagManagers {
		if seenContainer(t) != nil {
			continue // its export was read: what it does is known
		}
		parts = append(parts, "the tag manager "+t.Name)
	}
	if n := len(doc.Page.Unresolved) - seenContainerScripts(doc.Page); n > 0 {
		parts = append(parts, fmt.Sprintf("%d external script(s) that could not be read", n))
	}
	if n := len(doc.Page.Includes); n > 0 {
		parts = append(parts, plural(n, "template include", "template includes")+" not read (such as "+doc.Page.Includes[0].Text+")")
	}
	if in := doc.Page.Inert; len(in) > 0 {
		parts = append(parts, "the "+strings.TrimPrefix(inertNoun(in[0]), "a ")+" holding the pixel snippet ("+at(in[0].Span, in[0].Span)+"), not read because browsers do not run it as written,")
	}
	if n := len(doc.Page.Unread); n > 0 {
		parts = append(parts, plural(n, "pixel call", "pixel calls")+" that could not be parsed")
	}
	return strings.Join(parts, " or ")
}

// unseenHint says how to let the linter see what unseenParts names: a
// site root for root-relative scripts (the usual cause when one file is
// linted alone), the tag manager, or the rendered page.
func unseenHint(doc *model.Document) string {
	var parts []string
	if doc.Page != nil {
		for _, u := range doc.Page.Unresolved {
			if strings.HasPrefix(u.Src, "/") && !strings.HasPrefix(u.Src, "//") {
				parts = append(parts, "give the site's folder with --root (or root: in .oaiq-lint.yaml) so scripts such as "+u.Src+" are read")
				break
			}
		}
		if len(doc.Page.TagManagers) > 0 {
			parts = append(parts, "check the tag manager")
		}
		if len(doc.Page.Inert) > 0 {
			parts = append(parts, "if a consent manager releases the <script> holding the snippet, keep the init in it")
		}
	}
	parts = append(parts, "lint the rendered page with --render")
	return strings.Join(parts, ", or ")
}

// placeholderShapes are unfilled template slots and filler values; a value
// a template does fill is Dynamic and never reaches this check.
var placeholderShapes = regexp.MustCompile(`(?i)^(<[^>]*>|\{\{.*\}\}|\{%.*%\}|<%.*%>|<\?.*\?>|\$\{.*\}|\[[^\]]*\]|x+|0+)$`)

// placeholderWords are filler pixel ids, folded by normalizeName.
var placeholderWords = map[string]bool{
	"yourpixelid": true, "yourpixelidhere": true, "pixelid": true, "pixelidhere": true, "mypixelid": true,
	"insertpixelid": true, "enterpixelid": true, "replacewithpixelid": true, "yourid": true, "id": true,
	"todo": true, "tbd": true, "changeme": true, "replaceme": true, "placeholder": true,
}

func isPlaceholder(s string) bool {
	return placeholderShapes.MatchString(s) || placeholderWords[normalizeName(s)]
}

var initAliases = map[string]string{
	"pixelid": "pixelId", "pixel": "pixelId", "id": "pixelId",
	"userdata": "user", "customer": "user", "debugmode": "debug", "verbose": "debug",
}

func initUnknownMessage(key string) (string, string) {
	hint := "init takes " + joinQuoted(pixel.InitFields, "and")
	if slices.Contains(pixel.UserFields, key) {
		return fmt.Sprintf("%q belongs in init's user object, not at the top level", key), fmt.Sprintf("oaiq(\"init\", { user: { %s: … } })", key)
	}
	if alias, ok := initAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("init field %q is not supported; did you mean %q?", key, alias), hint
	}
	if n := suggest.Nearest(key, pixel.InitFields); n != "" {
		return fmt.Sprintf("init field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("init field %q is not supported", key), hint
}

// pixelIDs calls fn with every pixel id a browser call names as a string:
// init's pixelId and measureSingle's target, with what the call is.
func pixelIDs(p *Pass, fn func(v *model.Value, s, where string)) {
	for _, c := range p.Doc.Calls {
		if c.Side != model.Browser {
			continue
		}
		switch c.Command() {
		case pixel.CommandInit:
			v := initConfig(c).Get("pixelId")
			if s, ok := v.StringValue(); ok {
				fn(v, s, "pixelId")
			}
		case pixel.CommandMeasureSingle:
			v := c.Arg(1)
			where := "measureSingle's pixel id"
			if c.Image != nil {
				where = "the image tag's pid"
			}
			if s, ok := v.StringValue(); ok {
				fn(v, s, where)
			}
		}
	}
}
