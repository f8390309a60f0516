package rules_test

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// TestEveryRuleObeysOffAndSeverity runs each registered rule's Bad
// examples through the pipeline three times: as configured by default
// (the rule is raised), with the rule turned off in the configuration
// (none of its findings is left) and with its severity overridden (every
// finding of it takes the new severity). No rule is exempt: the engine
// applies the policy to every finding, whatever made it.
func TestEveryRuleObeysOffAndSeverity(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			ran := 0
			for _, ex := range docExamples(t, r) {
				if !ex.bad {
					continue
				}
				ran++
				before := ofRule(runExample(t, ex, lintOptions{}), r.ID)
				if len(before) == 0 {
					t.Fatalf("Bad example %d does not raise %s", ex.fenceIdx+1, r.ID)
				}
				if off := ofRule(runExample(t, ex, lintOptions{rules: map[string]model.Severity{r.ID: 0}}), r.ID); len(off) > 0 {
					t.Errorf("Bad example %d with %s off still reports it:%s", ex.fenceIdx+1, r.ID, describeFindings(off))
				}
				sev := otherSeverity(before)
				after := ofRule(runExample(t, ex, lintOptions{rules: map[string]model.Severity{r.ID: sev}}), r.ID)
				if len(after) != len(before) {
					t.Errorf("Bad example %d with %s: %s reports %d findings, by default %d", ex.fenceIdx+1, r.ID, sev, len(after), len(before))
				}
				for _, f := range after {
					if f.Severity != sev {
						t.Errorf("Bad example %d with %s: %s: finding stays %s:%s", ex.fenceIdx+1, r.ID, sev, f.Severity, describeFindings([]model.Finding{f}))
					}
				}
			}
			if ran == 0 {
				t.Errorf("%s has no Bad example to run", r.ID)
			}
		})
	}
}

func ofRule(fs []model.Finding, id string) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// otherSeverity is a severity none of fs has, so an override is seen to
// change every finding; when they hold all three, one that the first has not.
func otherSeverity(fs []model.Finding) model.Severity {
	has := map[model.Severity]bool{}
	for _, f := range fs {
		has[f.Severity] = true
	}
	for _, s := range []model.Severity{model.Info, model.Error, model.Warning} {
		if !has[s] {
			return s
		}
	}
	if fs[0].Severity == model.Error {
		return model.Info
	}
	return model.Error
}
