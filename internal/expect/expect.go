// Package expect is the one syntax and the one matcher of the fixtures'
// expected findings, for every kind of input.
//
// In a file that can hold comments (HTML, JS, TS, Vue, Svelte, Astro,
// templates), an expectation stands in a comment on the line where the
// finding starts:
//
//	oaiq("measure", "order_created", { amount: 25.99 }); // want "amount-not-integer"
//	<!-- want "snippet-late" severity=warning col=1 msg=/runs late/ -->
//
// `want` is followed by one or more quoted rule ids, each with optional
// attributes: severity=error|warning|info, col=N (1-based, in characters),
// msg=/regexp/ (matched against the message), hint=/regexp/ (against the
// hint) and pointer=/json/pointer.
// An attribute left out matches anything.
//
// JSON and JSON Lines logs (and tag-manager exports and .tpl templates,
// whose JSON sections cannot either) cannot hold comments: their expectations are in
// a sibling file with the extension .want, one per line, each line the
// record's line number, a colon and the same syntax:
//
//	3: want "amount-not-integer" col=61 pointer=/2/amount
//
// Blank lines and lines starting with # are ignored there.
//
// A fixture that needs the run configured says so once, inline or in its
// .want file: `fixture-config pixel_id=px_live_123` (see Config).
package expect

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Expectation is one expected finding.
type Expectation struct {
	Line     int
	Rule     string
	Severity string // "" matches any
	Col      int    // 0 matches any
	Msg      *regexp.Regexp
	Hint     *regexp.Regexp
	Pointer  string // "" matches any
}

func (e Expectation) String() string {
	s := fmt.Sprintf("line %d: %q", e.Line, e.Rule)
	if e.Severity != "" {
		s += " severity=" + e.Severity
	}
	if e.Col != 0 {
		s += " col=" + strconv.Itoa(e.Col)
	}
	if e.Msg != nil {
		s += " msg=/" + e.Msg.String() + "/"
	}
	if e.Hint != nil {
		s += " hint=/" + e.Hint.String() + "/"
	}
	if e.Pointer != "" {
		s += " pointer=" + e.Pointer
	}
	return s
}

// Finding is a finding as the matcher sees it.
type Finding struct {
	Line, Col                              int
	Rule, Severity, Message, Hint, Pointer string
}

func (f Finding) String() string {
	s := fmt.Sprintf("line %d col %d: %s %s: %s", f.Line, f.Col, f.Severity, f.Rule, f.Message)
	if f.Hint != "" {
		s += " | hint: " + f.Hint
	}
	if f.Pointer != "" {
		s += " (at " + f.Pointer + ")"
	}
	return s
}

// wantRE finds a want directive; what follows it is parsed by parseItems.
var wantRE = regexp.MustCompile(`\bwant\s+"`)

// Inline returns the expectations written in comments of a fixture's text.
func Inline(text string) ([]Expectation, error) {
	var out []Expectation
	for i, line := range strings.Split(text, "\n") {
		loc := wantRE.FindStringIndex(line)
		if loc == nil {
			continue
		}
		items, err := parseItems(line[loc[1]-1:], i+1)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out = append(out, items...)
	}
	return out, nil
}

// Sibling returns the expectations of a .want file's text.
func Sibling(text string) ([]Expectation, error) {
	var out []Expectation
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "fixture-config ") {
			continue
		}
		num, rest, ok := strings.Cut(line, ":")
		n, err := strconv.Atoi(strings.TrimSpace(num))
		rest = strings.TrimSpace(rest)
		if !ok || err != nil || !strings.HasPrefix(rest, "want ") {
			return nil, fmt.Errorf("line %d: want `LINE: want \"rule-id\" …`, got %q", i+1, line)
		}
		items, err := parseItems(strings.TrimSpace(strings.TrimPrefix(rest, "want ")), n)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out = append(out, items...)
	}
	return out, nil
}

// NeedsSibling reports the fixture kinds whose expectations are in a
// .want file beside them, and SiblingPath names that file.
func NeedsSibling(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonl", ".ndjson", ".tpl": // .tpl: a custom template's JSON sections
		return true
	}
	return false
}

// SiblingPath is the .want file of a fixture that cannot hold comments.
func SiblingPath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".want"
}

// parseItems reads `"rule" attr=v … "rule2" …` from s, which starts at the
// first quote; it stops at the end of the expectations (the end of a
// comment, such as -->, or anything that is neither a quoted id nor an
// attribute).
func parseItems(s string, line int) ([]Expectation, error) {
	var out []Expectation
	for {
		s = strings.TrimLeft(s, " \t")
		switch {
		case strings.HasPrefix(s, `"`):
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unterminated rule id in %q", s)
			}
			id := s[1 : end+1]
			if !ruleIDRE.MatchString(id) {
				return nil, fmt.Errorf("%q is not a rule id", id)
			}
			out = append(out, Expectation{Line: line, Rule: id})
			s = s[end+2:]
		case len(out) > 0 && attrStart(s):
			key, rest, _ := strings.Cut(s, "=")
			val, rest, err := attrValue(key, rest)
			if err != nil {
				return nil, err
			}
			if err := set(&out[len(out)-1], key, val); err != nil {
				return nil, err
			}
			s = rest
		default:
			if len(out) == 0 {
				return nil, fmt.Errorf("want needs a quoted rule id")
			}
			return out, nil
		}
	}
}

var ruleIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func attrStart(s string) bool {
	for _, k := range []string{"severity=", "col=", "msg=", "hint=", "pointer="} {
		if strings.HasPrefix(s, k) {
			return true
		}
	}
	return false
}

// attrValue splits an attribute's value from what follows: msg takes a
// /regexp/ (a slash inside it is written \/), the others run to the next
// space.
func attrValue(key, s string) (string, string, error) {
	if key == "msg" || key == "hint" {
		if !strings.HasPrefix(s, "/") {
			return "", "", fmt.Errorf("%s takes a /regexp/", key)
		}
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '/':
				return strings.ReplaceAll(s[1:i], `\/`, "/"), s[i+1:], nil
			}
		}
		return "", "", fmt.Errorf("unterminated %s regexp", key)
	}
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		end = len(s)
	}
	return s[:end], s[end:], nil
}

func set(e *Expectation, key, val string) error {
	switch key {
	case "severity":
		switch val {
		case "error", "warning", "info":
			e.Severity = val
			return nil
		}
		return fmt.Errorf("severity is error, warning or info, got %q", val)
	case "col":
		n, err := strconv.Atoi(val)
		if err != nil || n < 1 {
			return fmt.Errorf("col is a 1-based column, got %q", val)
		}
		e.Col = n
	case "msg", "hint":
		re, err := regexp.Compile(val)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if key == "msg" {
			e.Msg = re
		} else {
			e.Hint = re
		}
	case "pointer":
		e.Pointer = val
	}
	return nil
}

func (e Expectation) matches(f Finding) bool {
	return e.Line == f.Line && e.Rule == f.Rule &&
		(e.Severity == "" || e.Severity == f.Severity) &&
		(e.Col == 0 || e.Col == f.Col) &&
		(e.Msg == nil || e.Msg.MatchString(f.Message)) &&
		(e.Hint == nil || e.Hint.MatchString(f.Hint)) &&
		(e.Pointer == "" || e.Pointer == f.Pointer)
}

// Match pairs findings with expectations, the most specific expectation
// first, and returns the expectations no finding met and the findings no
// expectation announced.
func Match(want []Expectation, got []Finding) (missing []Expectation, unexpected []Finding) {
	used := make([]bool, len(want))
	order := make([]int, len(want))
	for i := range order {
		order[i] = i
	}
	// A specific expectation is tried before a loose one on the same line,
	// so a loose one cannot take the finding a specific one needs.
	specificity := func(e Expectation) int {
		n := 0
		if e.Severity != "" {
			n++
		}
		if e.Col != 0 {
			n++
		}
		if e.Msg != nil {
			n++
		}
		if e.Hint != nil {
			n++
		}
		if e.Pointer != "" {
			n++
		}
		return n
	}
	sort.SliceStable(order, func(a, b int) bool { return specificity(want[order[a]]) > specificity(want[order[b]]) })
	for _, f := range got {
		found := false
		for _, i := range order {
			if !used[i] && want[i].matches(f) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			unexpected = append(unexpected, f)
		}
	}
	for i, w := range want {
		if !used[i] {
			missing = append(missing, w)
		}
	}
	return missing, unexpected
}

var configRE = regexp.MustCompile(`\bfixture-config((?:\s+[a-z_]+=\S+)+)`)

// Config returns the settings of the fixture-config lines of a fixture's
// text (or of its .want file): key=value pairs such as pixel_id=px_live.
func Config(text string) map[string]string {
	out := map[string]string{}
	for _, m := range configRE.FindAllStringSubmatch(text, -1) {
		for _, kv := range strings.Fields(m[1]) {
			k, v, _ := strings.Cut(kv, "=")
			out[k] = v
		}
	}
	return out
}
