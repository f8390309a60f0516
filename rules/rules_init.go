package rules

// Init: oaiq("init", { pixelId, debug, user }). The first init names the
// pixel; later ones may update user data without it.

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "init-missing", Severity: model.Error,
			Title: "measure calls but no init",
			Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
			Doc: `Without init the pixel has no Pixel ID and sends nothing. On a page that
loads a tag manager or scripts that could not be read, init may happen out
of sight: the finding is then informational.

Bad:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents" });
` + "```",
			Check: checkInitMissing,
		},
		&Rule{
			ID: "init-pixel-id-missing", Severity: model.Error,
			Title: "the first init has no pixelId",
			Spec:  "pixelId is required. … You can omit pixelId after the first successful initialization.",
			Doc: `Bad:
` + "```js" + `
oaiq("init", { user: { country: "US" } });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123", user: { country: "US" } });
` + "```",
			Check: checkPixelIDMissing,
		},
		&Rule{
			ID: "init-pixel-id-placeholder", Severity: model.Error,
			Title: "pixelId empty, blank, or a documentation placeholder",
			Spec:  "pixelId: \"<YOUR-PIXEL-ID>\" … Create a new pixelId in the conversions tab of Ads Manager.",
			Doc: `The snippet's ` + "`<YOUR-PIXEL-ID>`" + ` must be replaced by the Pixel ID from Ads
Manager. A value filled in by a template is not a placeholder.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "<YOUR-PIXEL-ID>" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_8f2b1c" });
` + "```",
			Check: checkPixelIDPlaceholder,
		},
		&Rule{
			ID: "init-pixel-id-conflict", Severity: model.Warning,
			Title: "more than one distinct pixelId in a document",
			Spec:  "You can omit pixelId after the first successful initialization.",
			Doc: `One page initialises one pixel; a second pixelId is usually a leftover
from a copied snippet, and its events go to the wrong account.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("init", { pixelId: "px_456" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("init", { user: { email_sha256: h } });
` + "```",
			Check: checkPixelIDConflict,
		},
		&Rule{
			ID: "init-unknown-field", Severity: model.Error,
			Title: "an init field other than pixelId, debug, user",
			Spec:  "pixelId is required. … debug is optional … Add an optional user object to oaiq(\"init\", ...).",
			Doc: `Bad:
` + "```js" + `
oaiq("init", { pixel_id: "px_123", email_sha256: h });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123", user: { email_sha256: h } });
` + "```",
		},
		&Rule{
			ID: "init-debug-enabled", Severity: model.Warning,
			Title: "debug: true left on",
			Spec:  "debug is optional and logs SDK activity to the browser console while you test your integration.",
			Doc: `debug is for testing; in production it logs every event to visitors'
consoles.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123", debug: true });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
` + "```",
			Check: checkDebugEnabled,
		},
	)
}

func checkInitMissing(p *Pass) {
	if len(p.inits()) > 0 || p.Doc.Kind == model.Fragment || p.Doc.Kind == model.Script {
		return // a fragment or script may rely on an init elsewhere
	}
	for _, m := range p.measures() {
		if m.Side != model.Browser {
			continue
		}
		msg := "measure calls but no init: the pixel has no Pixel ID and sends nothing"
		hint := `add oaiq("init", { pixelId: "…" }) before the first measure call`
		if unseen := unseenParts(p.Doc); unseen != "" {
			p.ReportAs(model.Info, m.Span, "no init found in this page; "+unseen+" may call it, which static analysis cannot see",
				"check the tag manager, or lint the rendered page with --render")
			return
		}
		p.Report(m.Span, msg, hint)
		return
	}
}

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
		parts = append(parts, "the tag manager "+t.Name)
	}
	if n := len(doc.Page.Unresolved); n > 0 {
		parts = append(parts, fmt.Sprintf("%d external script(s) that could not be read", n))
	}
	if n := len(doc.Page.Includes); n > 0 {
		parts = append(parts, plural(n, "template include", "template includes")+" not read (such as "+doc.Page.Includes[0].Text+")")
	}
	if n := len(doc.Page.Unread); n > 0 {
		parts = append(parts, plural(n, "pixel call", "pixel calls")+" that could not be parsed")
	}
	return strings.Join(parts, " or ")
}

func checkPixelIDMissing(p *Pass) {
	is := p.inits()
	if len(is) == 0 || p.Doc.Kind == model.Fragment || p.Doc.Kind == model.Script {
		// A fragment or script (a login handler, a component) may re-init
		// after the page's first init: "You can omit pixelId after the first
		// successful initialization."
		return
	}
	c := is[0]
	if len(c.Args) < 2 {
		p.Report(c.Span, "the first init has no config and so no pixelId", `oaiq("init", { pixelId: "…" })`)
		return
	}
	cfg := initConfig(c)
	if cfg == nil || cfg.Open || cfg.Field("pixelId") != nil {
		return // a non-object config is field-type's; a spread may hold pixelId
	}
	for _, f := range cfg.Fields {
		if msg, _ := initUnknownMessage(f.Key); strings.Contains(msg, `did you mean "pixelId"`) {
			return // a misspelt pixelId: init-unknown-field says so at the key
		}
	}
	if unseen := unseenParts(p.Doc); unseen != "" {
		p.ReportAs(model.Info, c.Span, "this page's first init has no pixelId; "+unseen+" may initialise the pixel first, which static analysis cannot see",
			"make sure an init with pixelId runs before this one, or add pixelId here")
		return
	}
	p.Report(c.Span, "the first init has no pixelId; only later inits may leave it out",
		`add pixelId: "…" from the conversions tab of Ads Manager`)
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

func checkPixelIDPlaceholder(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server && c.PixelID != "" && isPlaceholder(strings.TrimSpace(c.PixelID)) {
			p.Report(c.PixelIDSpan, fmt.Sprintf("server event pixel_id %s is a placeholder, not a Pixel ID", quote(c.PixelID)),
				"send the Pixel ID from the conversions tab of Ads Manager: deduplication matches on it")
		}
	}
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		s, ok := v.StringValue()
		if !ok {
			continue
		}
		switch t := strings.TrimSpace(s); {
		case s == "":
			p.Report(v.Span, "pixelId is empty", "use the Pixel ID from the conversions tab of Ads Manager")
		case t == "":
			p.Report(v.Span, "pixelId is blank", "use the Pixel ID from the conversions tab of Ads Manager")
		case isPlaceholder(t):
			p.Report(v.Span, fmt.Sprintf("pixelId %s is a placeholder, not a Pixel ID", quote(s)),
				"replace it with the Pixel ID from the conversions tab of Ads Manager")
		}
	}
}

func checkPixelIDConflict(p *Pass) {
	first := ""
	var firstLine int
	for _, c := range p.inits() {
		v := initConfig(c).Get("pixelId")
		s, ok := v.StringValue()
		if !ok || strings.TrimSpace(s) == "" || isPlaceholder(strings.TrimSpace(s)) {
			continue // init-pixel-id-placeholder's finding
		}
		if first == "" {
			first, firstLine = s, v.Span.Start.Line
			continue
		}
		if s != first {
			p.Report(v.Span, fmt.Sprintf("pixelId %s differs from %s set on line %d: events go to one pixel only", quote(s), quote(first), firstLine),
				"keep one pixelId per page; later inits can leave pixelId out")
		}
	}
}

func checkDebugEnabled(p *Pass) {
	for _, c := range p.inits() {
		if v := initConfig(c).Get("debug"); v.Is(model.Bool) && v.Bool {
			p.Report(v.Span, "debug: true logs every event to the browser console",
				"remove debug (or tie it to a non-production build) before shipping")
		}
	}
}

var initAliases = map[string]string{
	"pixelid": "pixelId", "pixel": "pixelId", "id": "pixelId",
	"userdata": "user", "customer": "user", "debugmode": "debug", "verbose": "debug",
}

func initUnknownMessage(key string) (string, string) {
	hint := "init takes " + joinQuoted(initFields, "and")
	if contains(userFields, key) {
		return fmt.Sprintf("%q belongs in init's user object, not at the top level", key), fmt.Sprintf("oaiq(\"init\", { user: { %s: … } })", key)
	}
	if alias, ok := initAliases[normalizeName(key)]; ok && alias != key {
		return fmt.Sprintf("init field %q is not supported; did you mean %q?", key, alias), hint
	}
	if n := nearest(key, initFields); n != "" {
		return fmt.Sprintf("init field %q is not supported; did you mean %q?", key, n), hint
	}
	return fmt.Sprintf("init field %q is not supported", key), hint
}
