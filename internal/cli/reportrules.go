package cli

import (
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// reportRules describes every registered rule for formats that list rules
// (SARIF), read from the registry at run time so new rules appear there
// without touching the reporters.
func reportRules() []report.RuleInfo {
	all := rules.All()
	out := make([]report.RuleInfo, len(all))
	for i, r := range all {
		out[i] = report.RuleInfo{ID: r.ID, Severity: r.Severity, Title: r.Title, Doc: r.Doc, Spec: r.Spec}
	}
	return out
}
