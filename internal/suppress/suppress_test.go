package suppress

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

func known(id string) bool { return id != "no-such-rule" }

// judged applies the suppressions to findings as the engine does, and adds
// what the unused-suppression rule then reports.
func judged(findings []model.Finding, sups []*model.Suppression) []model.Finding {
	kept := Apply(findings, sups)
	doc := &model.Document{}
	doc.Suppressions = sups
	return append(kept, rules.Check(doc, rules.Options{Stage: rules.AfterSuppressions})...)
}

// malformed is what the suppression-malformed rule reports of the problems.
func malformed(bad []model.SuppressionProblem) []model.Finding {
	doc := &model.Document{}
	doc.SuppressionProblems = bad
	return rules.Check(doc, rules.Options{})
}

func finding(rule string, line int) model.Finding {
	return model.Finding{Rule: rule, Severity: model.Error, Span: model.Span{File: "p.html", Start: model.Pos{Line: line, Col: 1}}}
}

func TestNextLineFileAndUnused(t *testing.T) {
	src := `<!-- oaiq-lint-disable-file init-debug-enabled -- staging page -->
<script>
  // oaiq-lint-disable-next-line amount-not-integer, currency-code -- legacy feed, fixed in JIRA-12
  oaiq("measure", "order_created", {type: "contents", amount: 1.5, currency: "usd"});
  /* oaiq-lint-disable-next-line event-name-unknown -- gone */
  oaiq("measure", "order_created", {type: "contents"});
</script>
`
	dirs, bad := Parse(source.New("p.html", []byte(src)), known)
	if len(dirs) != 3 || len(bad) != 0 {
		t.Fatalf("dirs %d bad %v", len(dirs), bad)
	}
	if dirs[1].Reason != "legacy feed, fixed in JIRA-12" || dirs[0].Reason != "staging page" || dirs[2].Reason != "gone" {
		t.Errorf("reasons: %q %q %q", dirs[0].Reason, dirs[1].Reason, dirs[2].Reason)
	}
	got := judged([]model.Finding{
		finding("amount-not-integer", 4), finding("currency-code", 4), finding("init-debug-enabled", 9),
		finding("amount-not-integer", 6), // not the next line of the directive
	}, dirs)
	var rules []string
	for _, f := range got {
		rules = append(rules, f.Rule)
	}
	if strings.Join(rules, " ") != "amount-not-integer unused-suppression" {
		t.Errorf("kept %v", rules)
	}
	if got[1].Span.Start.Line != 5 || !strings.Contains(got[1].Message, "event-name-unknown") {
		t.Errorf("unused finding = %+v", got[1])
	}
}

func TestMalformedDirectives(t *testing.T) {
	src := "// oaiq-lint-disable-next-line\n// oaiq-lint-disable-next-line no-such-rule -- why\n// oaiq-lint-disable-next-line pii-raw\n"
	dirs, problems := Parse(source.New("a.js", []byte(src)), known)
	bad := malformed(problems)
	if len(dirs) != 2 || len(bad) != 3 {
		t.Fatalf("dirs %d, bad %v", len(dirs), bad)
	}
	// An unknown rule is malformed; it is not reported a second time as unused.
	for _, f := range judged(nil, dirs) {
		if strings.Contains(f.Message, "no-such-rule") {
			t.Errorf("unknown rule also reported as unused: %v", f)
		}
	}
	for i, want := range []string{"must name", "unknown rule", "without a reason"} {
		if !strings.Contains(bad[i].Message, want) || bad[i].Rule != MalformedRule {
			t.Errorf("bad[%d] = %+v, want %q", i, bad[i], want)
		}
	}
}

func TestOtherLintersSpellingsAreReported(t *testing.T) {
	src := "// oaiq-lint-disable-line amount-not-integer -- x\n/* oaiq-lint-disable */\n// oaiq-lint-enable\n// oaiq-lint-disable-next-line pii-raw -- fine\n"
	dirs, problems := Parse(source.New("a.js", []byte(src)), known)
	bad := malformed(problems)
	if len(dirs) != 1 || len(bad) != 3 {
		t.Fatalf("dirs %d, bad %v", len(dirs), bad)
	}
	for i, line := range []int{1, 2, 3} {
		if bad[i].Span.Start.Line != line || !strings.Contains(bad[i].Message, "is not an oaiq-lint suppression") {
			t.Errorf("bad[%d] = %+v", i, bad[i])
		}
	}
}
