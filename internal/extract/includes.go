package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// includeTag recognises template tags that insert other templates or
// injected markup: Go templates and Hugo ({{ template }}, {{ partial }}),
// Handlebars and Mustache partials ({{> name}}), Jinja, Twig, Nunjucks and
// Liquid ({% include %}, {% render %}, {% extends %}, {% section %}), ERB and
// EJS (<%= render %>, <%- include %>, <%= yield %>), Rails' script helpers
// (<%= javascript_include_tag %>, and javascript_tag when its body could not
// be read in place: see erbjs.go), PHP include/require,
// and Shopify's {{ content_for_header }}, where apps inject their scripts.
var includeTag = regexp.MustCompile(`(?i)^(?:` +
	`\{\{-?\s*(?:template|partial|partialcached|include|render|block)\b` +
	`|\{\{\{?-?\s*#?>` +
	`|\{\{-?\s*content_for_(?:header|layout)\s*-?\}\}` +
	`|\{%-?\s*(?:include|render|section|sections|extends|import|embed|include_relative)\b` +
	`|<%[=-]?\s*(?:render|include|yield|partial|javascript_include_tag|javascript_pack_tag|javascript_importmap_tags|javascript_tag)\b` +
	`|<\?(?:php|=)?\s*(?:include|require)(?:_once)?\b)`)

// templateIncludes lists the include-like template tags of a page, and its
// server-side includes. Tags at the offsets in read were read in place.
func templateIncludes(f []byte, spans []tmpl.Span, read map[int]string, at func(start, end int) model.Span) []model.TemplateInclude {
	out := serverSideIncludes(f, at)
	for _, s := range spans {
		if _, ok := read[s.Start]; ok {
			continue
		}
		text := string(f[s.Start:s.End])
		if includeTag.MatchString(text) {
			out = append(out, model.TemplateInclude{Text: strings.Join(strings.Fields(text), " "), Span: at(s.Start, s.End)})
		}
	}
	return out
}

// ssiDirective matches the server-side include directives that insert
// content: <!--#include virtual="…" -->, <!--#include file="…" --> and
// <!--#exec …-->.
var ssiDirective = regexp.MustCompile(`^<!--#(?:include|exec)\s`)

// serverSideIncludes lists a page's server-side include directives (Apache,
// nginx: .shtml and any page the server parses).
func serverSideIncludes(f []byte, at func(start, end int) model.Span) []model.TemplateInclude {
	var out []model.TemplateInclude
	for i := 0; ; {
		// "!" is rare in a page, "<" is everywhere: look for that.
		k := bytes.Index(f[i:], []byte("!--#"))
		if k < 0 {
			return out
		}
		if i+k == 0 || f[i+k-1] != '<' {
			i += k + 1
			continue
		}
		start := i + k - 1
		end := bytes.Index(f[start:], []byte("-->"))
		if end < 0 {
			return out
		}
		end += start + len("-->")
		if ssiDirective.Match(f[start:end]) {
			out = append(out, model.TemplateInclude{Text: strings.Join(strings.Fields(string(f[start:end])), " "), Span: at(start, end)})
		}
		i = end
	}
}
