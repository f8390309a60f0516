package rules_test

// lintInput is how every fixture and every documentation example is linted
// in tests: the input's reader (a page, script, module, component, event
// log, tag-manager container export or custom template file), every rule, and the inline suppressions, as a check run does.

import (
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/expect"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/gtm"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/internal/suppress"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// lintOptions are a test run's options; site, when set, makes a page one
// of a crawled site's, as a crawl does.
type lintOptions struct {
	extract extract.Options
	rules   rules.Options
	site    *model.SiteFacts
}

func lintInput(path string, data []byte, o lintOptions) []model.Finding {
	var doc *model.Document
	var files []*source.File
	switch {
	case gtm.Is(path, data):
		doc, files = gtm.Read(path, data)
	case expect.NeedsSibling(path):
		d, f := eventlog.Parse(filepath.Base(path), data)
		doc, files = d, []*source.File{f}
	default:
		doc, files = extract.File(path, data, o.extract)
	}
	if o.site != nil && doc.Page != nil {
		doc.Page.Site = o.site
	}
	out := rules.Check(doc, o.rules)
	var dirs []*suppress.Directive
	for _, f := range files {
		if f == nil {
			continue
		}
		d, bad := suppress.Parse(f, func(id string) bool { return rules.Lookup(id) != nil })
		dirs = append(dirs, d...)
		out = append(out, bad...)
	}
	out = suppress.Apply(out, dirs)
	rules.SortFindings(out)
	return out
}

// asExpected turns findings into what the matcher compares.
func asExpected(fs []model.Finding) []expect.Finding {
	out := make([]expect.Finding, len(fs))
	for i, f := range fs {
		out[i] = expect.Finding{Line: f.Span.Start.Line, Col: f.Span.Start.Col, Rule: f.Rule,
			Severity: f.Severity.String(), Message: f.Message, Hint: f.Hint, Pointer: f.Span.Pointer}
	}
	return out
}

func describeFindings(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n\t" + asExpected([]model.Finding{f})[0].String())
	}
	return b.String()
}
