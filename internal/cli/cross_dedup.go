package cli

import (
	"os"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// maxCrossEvents bounds what a run keeps for deduplication across its
// inputs, so memory stays flat on huge logs: events past it are paired
// only within their own log.
const maxCrossEvents = 100_000

// crossDedup gathers, in input order, the events with an event_id of every
// input, and at the end of the run reports browser/server mismatches
// between different files (rules.CrossDedup).
type crossDedup struct {
	browser, server []rules.DedupEvent
}

func (c *crossDedup) add(evs []rules.DedupEvent) {
	for _, e := range evs {
		if len(c.browser)+len(c.server) >= maxCrossEvents {
			return
		}
		// Strings are cut from their input's text: copy them, so the text
		// can go once the input is reported.
		e.Pixel, e.ID, e.Name, e.Custom = strings.Clone(e.Pixel), strings.Clone(e.ID), strings.Clone(e.Name), strings.Clone(e.Custom)
		e.At.Pointer, e.NameAt.Pointer, e.CustomAt.Pointer = strings.Clone(e.At.Pointer), strings.Clone(e.NameAt.Pointer), strings.Clone(e.CustomAt.Pointer)
		if e.Side == model.Server {
			c.server = append(c.server, e)
		} else {
			c.browser = append(c.browser, e)
		}
	}
}

// results are the findings, one result per file they point into (not
// counted as files again), with the project's settings for that file.
func (c *crossDedup) results(pr *project) []report.Result {
	if len(c.browser) == 0 || len(c.server) == 0 {
		return nil
	}
	var out []report.Result
	byFile := map[string]int{}
	for _, f := range rules.CrossDedup(c.browser, c.server) {
		opts := pr.ruleOptions(f.Span.File)
		if opts.Off[f.Rule] {
			continue
		}
		if sev, ok := opts.Severity[f.Rule]; ok {
			f.Severity = sev
		}
		i, ok := byFile[f.Span.File]
		if !ok {
			i = len(out)
			byFile[f.Span.File] = i
			out = append(out, report.Result{Path: f.Span.File, Kind: model.EventLog.String(), Continues: true})
		}
		out[i].Findings = append(out[i].Findings, f)
	}
	for i := range out {
		rules.SortFindings(out[i].Findings)
	}
	return out
}

// isSingleFile: the run's arguments name one regular file (or standard
// input), so no other input can hold an event's twin.
func isSingleFile(args []string) bool {
	if len(args) != 1 {
		return false
	}
	if args[0] == "-" {
		return true
	}
	info, err := os.Stat(args[0])
	return err == nil && info.Mode().IsRegular()
}
