package extract

import (
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// includeTag recognises template tags that insert other templates or
// injected markup: Go templates and Hugo ({{ template }}, {{ partial }}),
// Handlebars and Mustache partials ({{> name}}), Jinja, Twig, Nunjucks and
// Liquid ({% include %}, {% render %}, {% extends %}, {% section %}), ERB and
// EJS (<%= render %>, <%- include %>, <%= yield %>), PHP include/require,
// and Shopify's {{ content_for_header }}, where apps inject their scripts.
var includeTag = regexp.MustCompile(`(?i)^(?:` +
	`\{\{-?\s*(?:template|partial|partialcached|include|render|block)\b` +
	`|\{\{\{?-?\s*#?>` +
	`|\{\{-?\s*content_for_(?:header|layout)\s*-?\}\}` +
	`|\{%-?\s*(?:include|render|section|sections|extends|import|embed|include_relative)\b` +
	`|<%[=-]?\s*(?:render|include|yield|partial)\b` +
	`|<\?(?:php|=)?\s*(?:include|require)(?:_once)?\b)`)

// templateIncludes lists the include-like template tags of a page.
func templateIncludes(f []byte, spans []tmpl.Span, at func(start, end int) model.Span) []model.TemplateInclude {
	var out []model.TemplateInclude
	for _, s := range spans {
		text := string(f[s.Start:s.End])
		if includeTag.MatchString(text) {
			out = append(out, model.TemplateInclude{Text: strings.Join(strings.Fields(text), " "), Span: at(s.Start, s.End)})
		}
	}
	return out
}
