package rules

import (
	"sort"
	"sync"
	"time"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Options adjust a run: per-rule severity overrides and rules turned off.
type Options struct {
	// Severity overrides a rule's severity by id.
	Severity map[string]model.Severity
	// Off lists rules whose findings are dropped.
	Off map[string]bool
	// PixelID is the Pixel ID the project expects ("" when not configured).
	PixelID string
	// Now is the time a Conversions API request without its own time is
	// judged at (zero: not known, timestamps are not checked against it).
	Now time.Time
	// Stage selects the rules run: those of the stage the engine is at
	// (PerDocument, the zero value, runs the schema hooks too).
	Stage Stage
}

// Stage says when the engine runs a rule's Check.
type Stage uint8

const (
	// PerDocument rules read one document and its facts, in a worker.
	PerDocument Stage = iota
	// AfterSuppressions rules read which findings the inline suppressions
	// matched (model.Suppression.Matched), so the engine runs them once it
	// has applied the suppressions.
	AfterSuppressions
	// Site rules compare a page with the rest of its crawled site: they run
	// once every page is in, over the pages without the pixel.
	Site
)

// Check runs the rules of opts.Stage over doc and returns their findings,
// sorted by position.
func Check(doc *model.Document, opts Options) []model.Finding {
	var out []model.Finding
	if opts.Stage == PerDocument {
		var hooks []*Rule
		for _, r := range schemaHooks() {
			if !opts.Off[r.ID] {
				hooks = append(hooks, r)
			}
		}
		if len(hooks) > 0 { // extract, for one, turns them all off
			checkSchemas(doc, hooks, &out)
		}
	}
	calls := indexCalls(doc)
	for _, r := range sorted() {
		if r.Check == nil || r.Stage != opts.Stage || opts.Off[r.ID] {
			continue
		}
		r.Check(&Pass{Doc: doc, Opts: opts, rule: r, out: &out, calls: calls})
	}
	kept := out[:0]
	for _, f := range out {
		if opts.Off[f.Rule] {
			continue
		}
		if sev, ok := opts.Severity[f.Rule]; ok {
			f.Severity = sev
		}
		kept = append(kept, f)
	}
	SortFindings(kept)
	return dedupe(kept)
}

// schemaHooks are the rules with a Schema hook, listed once: the registry
// is complete when the package has initialised.
var schemaHooks = sync.OnceValue(schemaRules)

// SortFindings orders findings by file, position, rule and message, so
// output is the same from run to run whatever order rules ran in.
func SortFindings(fs []model.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Span.File != b.Span.File {
			return a.Span.File < b.Span.File
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start.Before(b.Span.Start)
		}
		if a.Span.End != b.Span.End {
			return a.Span.End.Before(b.Span.End)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// sameFinding compares findings but not their fixes: each report of a
// finding builds its own (equal) fix.
func sameFinding(a, b model.Finding) bool {
	a.Fix, b.Fix = nil, nil
	return a == b
}

// dedupe drops exact repeats of a finding (same rule, place and message),
// which arise when one node is reached through two paths.
func dedupe(fs []model.Finding) []model.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && sameFinding(f, fs[i-1]) {
			continue
		}
		out = append(out, f)
	}
	return out
}
