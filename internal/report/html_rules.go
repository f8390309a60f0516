package report

import (
	"sort"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// ruleTally counts findings and targets per rule over the run.
type ruleTally map[string]*ruleRow

// ruleRow is one line of the findings-by-rule table.
type ruleRow struct {
	ID, URL, Title string
	Severity       string
	Count, Targets int
	worst          model.Severity
}

func (t ruleTally) add(r Result) {
	seen := map[string]bool{}
	for _, f := range r.Findings {
		row := t[f.Rule]
		if row == nil {
			row = &ruleRow{ID: f.Rule, URL: RuleHelpURL(f.Rule)}
			t[f.Rule] = row
		}
		row.Count++
		// Configuration may change a rule's severity per path: show the worst.
		row.worst = max(row.worst, f.Severity)
		if !seen[f.Rule] {
			seen[f.Rule] = true
			row.Targets++
		}
	}
}

// rows lists the rules that reported, worst first, then by count and id,
// titled from the registry's descriptions.
func (t ruleTally) rows(infos []RuleInfo) []ruleRow {
	titles := make(map[string]string, len(infos))
	for _, ri := range infos {
		titles[ri.ID] = ri.Title
	}
	out := make([]ruleRow, 0, len(t))
	for _, row := range t {
		r := *row
		r.Title, r.Severity = titles[r.ID], r.worst.String()
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.worst != b.worst {
			return a.worst > b.worst
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.ID < b.ID
	})
	return out
}
