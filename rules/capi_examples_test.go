package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/model"
)

var jsonBlock = regexp.MustCompile("(?s)```json\n(.*?)\n```")

// TestCAPIDocExamples: in every capi-* rule's doc, the Bad example raises
// that rule and nothing else, and the Good example raises nothing.
func TestCAPIDocExamples(t *testing.T) {
	n := 0
	for _, r := range All() {
		if !strings.HasPrefix(r.ID, "capi-") {
			continue
		}
		bad, good, _ := strings.Cut(r.Doc, "\nGood")
		blocks := map[string]string{"bad": firstBlock(bad), "good": firstBlock(good)}
		if blocks["good"] == "" {
			if !strings.Contains(r.Doc, "```ts") {
				t.Errorf("%s: no Good json example", r.ID)
			}
			continue // examples in code: internal/extract's source fixtures run them
		}
		for which, ex := range blocks {
			if ex == "" {
				continue // described in words (a 1,001-event body is not printed)
			}
			n++
			doc, _ := eventlog.Parse("example.json", []byte(ex))
			for _, f := range Check(doc, Options{}) {
				if which == "good" || f.Rule != r.ID {
					t.Errorf("%s %s example: %s %s: %s", r.ID, which, findingKey(f), f.Severity, f.Message)
				}
			}
			if which == "bad" && !hasRule(Check(doc, Options{}), r.ID) {
				t.Errorf("%s: the Bad example does not raise it", r.ID)
			}
		}
	}
	if n == 0 {
		t.Fatal("no examples checked")
	}
}

func firstBlock(s string) string {
	if m := jsonBlock.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

func hasRule(fs []model.Finding, id string) bool {
	for _, f := range fs {
		if f.Rule == id {
			return true
		}
	}
	return false
}
