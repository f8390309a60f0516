package lint

import (
	"github.com/oaiq-lint/oaiq-lint/internal/suppress"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// judge is the engine's policy, in one place: it turns what the rules found
// in one input into what is reported. Rules turned off,
// severities (per rule and per path), inline suppressions, findings
// already reported for another input and the baseline are applied here and
// nowhere else, to every rule id alike.
//
// It runs in the single goroutine that delivers results, in delivery
// order, so the baseline's counts are consumed deterministically.
func (l *Linter) judge(c *checked) []model.Finding {
	sev, off := l.opts.Config.RulesFor(c.name)
	drop := func(fs []model.Finding) []model.Finding {
		kept := fs[:0]
		for _, f := range fs {
			if !off[f.Rule] {
				kept = append(kept, f)
			}
		}
		return kept
	}
	// Off first: a suppression of a rule that is off silences nothing.
	fs := drop(c.res.Findings)
	// Applying the suppressions records which rules each one matched; the
	// rules of the AfterSuppressions stage (unused-suppression) read that.
	fs = suppress.Apply(fs, c.sups)
	after := &model.Document{Path: c.name}
	after.Suppressions = c.sups
	fs = append(fs, rules.Check(after, rules.Options{Stage: rules.AfterSuppressions, Off: off, PixelID: l.opts.Config.PixelID})...)
	for i := range fs {
		if s, ok := sev[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
	rules.SortFindings(fs)

	if !c.pieced {
		// A log read in pieces is not remembered: its findings are at
		// its own records, which no other input holds, and remembering
		// them all would make memory grow with the log. A record checked
		// alone (a queue's) is judged by itself: the same bad record
		// twice is bad twice.
		kept := fs[:0]
		for _, f := range fs {
			key := f
			key.Fix = nil // the same finding of an included script carries its own copy of the fix
			if !l.reported[key] {
				l.reported[key] = true
				kept = append(kept, f)
			}
		}
		fs = kept
	}
	if l.opts.BaselineRecorder != nil {
		l.opts.BaselineRecorder.Add(fs, c.res.Sources)
	}
	if l.opts.Baseline != nil {
		fs = l.opts.Baseline.Filter(fs, c.res.Sources)
	}
	return fs
}
