// Package rules holds every check oaiq-lint makes, as declared values in one
// registry, and the engine that runs them over a document.
//
// A rule never knows where a call came from or how a finding will be
// printed: it reads a model.Document and reports findings at model spans.
package rules

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Rule is one check. ID, Severity and the JSON output that carries them are
// contracts other tools rely on: add rules, never rename them.
type Rule struct {
	ID       string
	Severity model.Severity
	// Title is one line: what the rule finds.
	Title string
	// Doc is Markdown: why it matters, then a bad and a good example.
	Doc string
	// Spec quotes the sentence of the pixel's documentation (or of the facts
	// beyond it) that the rule enforces.
	Spec string
	// Check inspects a document; nil for rules whose findings all come from
	// JSON Schema validation.
	Check func(p *Pass)
	// Schema claims the JSON Schema violations the rule reports: given one
	// violation resolved to its node, it returns the finding (message, hint,
	// span) or false when the violation is another rule's. At most one
	// rule claims a violation.
	Schema func(v *SchemaViolation) (model.Finding, bool)
	// Stage is when the engine runs Check: per document (the default),
	// after the suppressions were applied, or over a whole crawled site.
	Stage Stage
	// Unreadable marks a rule that reports what could not be read (a
	// script, a record, a file, a page): extract, which runs no other
	// rule, reports these.
	Unreadable bool
}

var registry = map[string]*Rule{}

// register adds rules at package initialisation; a duplicate id is a
// programming error caught by every test run.
func register(rs ...*Rule) {
	for _, r := range rs {
		if _, dup := registry[r.ID]; dup {
			panic("rules: duplicate rule id " + r.ID)
		}
		registry[r.ID] = r
	}
}

// All returns every rule sorted by id.
func All() []*Rule { return slices.Clone(sorted()) }

// sorted is every rule sorted by id, sorted once: rules register while the
// package initialises, and the engine ranges over them for every document
// (sorting them each time was a tenth of a record's time in log --stream).
var sorted = sync.OnceValue(func() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
})

// IDs returns every rule id, sorted (for did-you-mean messages).
func IDs() []string {
	rs := All()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *Rule { return registry[id] }

// Pass is what a rule's Check sees: one document and a way to report.
type Pass struct {
	Doc *model.Document
	// Opts are the run's options (configuration such as the expected pixel).
	Opts Options
	rule *Rule
	out  *[]model.Finding
	// calls is derived once per document and shared by every rule's pass.
	calls *callIndex
}

// Report records a finding of the rule's own severity at span.
func (p *Pass) Report(span model.Span, msg, hint string) {
	p.ReportAs(p.rule.Severity, span, msg, hint)
}

// Reportf is Report with a formatted message and no hint.
func (p *Pass) Reportf(span model.Span, format string, args ...any) {
	p.Report(span, fmt.Sprintf(format, args...), "")
}

// ReportFix records a finding of the rule's own severity with a fix (nil
// when none could be made).
func (p *Pass) ReportFix(span model.Span, msg, hint string, fix *model.Fix) {
	p.ReportFixAs(p.rule.Severity, span, msg, hint, fix)
}

// ReportFixAs is ReportFix with an explicit severity (see ReportAs).
func (p *Pass) ReportFixAs(sev model.Severity, span model.Span, msg, hint string, fix *model.Fix) {
	p.ReportAs(sev, span, msg, hint)
	(*p.out)[len(*p.out)-1].Fix = fix
}

// ReportAs records a finding with an explicit severity, for rules whose
// verdict softens when part of the page is out of sight.
func (p *Pass) ReportAs(sev model.Severity, span model.Span, msg, hint string) {
	*p.out = append(*p.out, model.Finding{Rule: p.rule.ID, Severity: sev, Message: msg, Hint: hint, Span: span})
}
