package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// The counts of "Findings by rule" line up whatever the longest rule id
// (image-tag-param-duplicate is longer than the 24 columns once kept).
func TestSiteFindingsByRuleAligned(t *testing.T) {
	s := NewSiteSummary()
	s.Add(SitePage{Type: "/", HTML: true}, Result{Path: "p", Findings: []model.Finding{
		{Rule: "image-tag-param-duplicate", Severity: model.Warning},
		{Rule: "fetch-failed", Severity: model.Warning},
		{Rule: "fetch-failed", Severity: model.Warning},
	}})
	var b bytes.Buffer
	s.Write(SiteTotals{}, &b)
	cols := map[int]bool{}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "image-tag-param-duplicate") || strings.Contains(line, "fetch-failed") {
			// The count's last digit: where the number column ends.
			f := strings.Fields(line)
			cols[strings.Index(line, " "+f[1]+" ")+len(f[1])] = true
		}
	}
	if len(cols) != 1 {
		t.Errorf("count columns %v do not line up:\n%s", cols, b.String())
	}
}
