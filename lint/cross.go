package lint

import (
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// maxCrossEvents bounds what a run keeps to pair events across its inputs,
// so memory stays flat on huge logs: events past it are paired only within
// their own log.
const maxCrossEvents = 100_000

// crossInputs gathers, in delivery order, the events with an event_id of
// every input, to report browser/server mismatches between different
// files once the last input is in (rules.CrossDedup).
type crossInputs struct {
	browser, server []rules.DedupEvent
}

func (c *crossInputs) add(evs []rules.DedupEvent) {
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

// results are the mismatches as one result per file they point into, not
// counted as files again; they pass through judge like any input's.
func (c *crossInputs) results() []*checked {
	if len(c.browser) == 0 || len(c.server) == 0 {
		return nil
	}
	var out []*checked
	byFile := map[string]*checked{}
	for _, f := range rules.CrossDedup(c.browser, c.server) {
		r := byFile[f.Span.File]
		if r == nil {
			r = &checked{name: f.Span.File, res: report.Result{Path: f.Span.File, Kind: model.EventLog.String(), Continues: true}}
			byFile[f.Span.File] = r
			out = append(out, r)
		}
		r.res.Findings = append(r.res.Findings, f)
	}
	return out
}
