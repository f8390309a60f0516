package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The Action's problem matcher reads every finding line of the text format
// (fixable marks and JSON Pointers included) and nothing else.
func TestProblemMatcherReadsTextOutput(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "oaiq-lint-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ProblemMatcher []struct {
			Owner   string
			Pattern []struct {
				Regexp                   string
				File, Line, Column, Code int
			}
		}
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var res []*regexp.Regexp
	for _, pm := range m.ProblemMatcher {
		res = append(res, regexp.MustCompile(pm.Pattern[0].Regexp))
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "thanks.html", fixablePage)
	writeFile(t, dir, "log.jsonl", `["measure", "order_created", {"type": "contents", "amount": 25.99, "currency": "usd"}]`+"\n")
	out, _, _ := runCLI(t, "", "check", "--color", "never", p)
	logOut, _, _ := runCLI(t, "", "log", "--color", "never", filepath.Join(dir, "log.jsonl"))
	findings, matched := 0, 0
	for _, line := range strings.Split(out+logOut, "\n") {
		isFinding := regexp.MustCompile(`^\S+:\d+:\d+: (error|warning|info): `).MatchString(line)
		if isFinding {
			findings++
		}
		for i, re := range res {
			sm := re.FindStringSubmatch(line)
			if sm == nil {
				continue
			}
			if !isFinding {
				t.Errorf("matcher %d matched a line that is no finding: %q", i, line)
			}
			matched++
			code := sm[m.ProblemMatcher[i].Pattern[0].Code]
			if !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(code) || !strings.HasPrefix(sm[m.ProblemMatcher[i].Pattern[0].File], dir) && !strings.HasPrefix(sm[1], "/") {
				t.Errorf("bad groups %q from %q", sm, line)
			}
		}
	}
	if findings < 4 || matched != findings {
		t.Errorf("%d finding lines, %d matched:\n%s%s", findings, matched, out, logOut)
	}
}
