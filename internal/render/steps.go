package render

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"time"
)

// StepKind is what a step does.
type StepKind uint8

const (
	// Click clicks the first visible element matching Selector.
	Click StepKind = iota
	// Type focuses Selector and types Text.
	Type
	// Pause waits Duration.
	Pause
	// WaitFor waits until an element matching Selector is visible.
	WaitFor
)

// Step is one interaction run on a page after it settles.
type Step struct {
	Kind     StepKind
	Selector string
	Text     string
	Duration time.Duration
	// Line is the step's line in its --script file (0 for --click).
	Line int
}

func (s Step) String() string {
	switch s.Kind {
	case Click:
		return "click " + s.Selector
	case Type:
		return "type " + s.Selector
	case Pause:
		return "wait " + s.Duration.String()
	}
	return "wait-for " + s.Selector
}

// ParseSteps reads a --script file: one step per line, blank lines and
// lines starting with # ignored.
//
//	click SELECTOR          click the first visible match (CSS selector)
//	type SELECTOR TEXT      focus the match and type TEXT (rest of the line)
//	wait DURATION           pause, e.g. 500ms or 2s
//	wait-for SELECTOR       wait until a match is visible
//
// A selector with spaces is written in double quotes: click "form .buy".
func ParseSteps(name string, data []byte) ([]Step, error) {
	var steps []Step
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		bad := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, a...))
		}
		switch verb {
		case "click", "wait-for", "type":
			sel, after, err := selector(rest)
			if err != nil {
				return nil, bad("%s: %v", verb, err)
			}
			s := Step{Kind: Click, Selector: sel, Line: n}
			switch verb {
			case "wait-for":
				s.Kind = WaitFor
			case "type":
				s.Kind, s.Text = Type, after
				if after == "" {
					return nil, bad("type needs a selector and the text to type: type #email someone@example.com")
				}
			}
			if verb != "type" && after != "" {
				return nil, bad("%s takes one selector; quote a selector with spaces: %s \"%s\"", verb, verb, rest)
			}
			steps = append(steps, s)
		case "wait":
			d, err := time.ParseDuration(rest)
			if err != nil || d < 0 {
				return nil, bad("wait needs a duration such as 500ms or 2s, got %q", rest)
			}
			steps = append(steps, Step{Kind: Pause, Duration: d, Line: n})
		default:
			return nil, bad("unknown step %q (want click, type, wait or wait-for)", verb)
		}
	}
	return steps, sc.Err()
}

// selector reads a selector (quoted when it holds spaces) and returns the
// rest of the line.
func selector(s string) (sel, rest string, err error) {
	if s == "" {
		return "", "", fmt.Errorf("missing selector")
	}
	if s[0] == '"' {
		end := strings.IndexByte(s[1:], '"')
		if end < 0 {
			return "", "", fmt.Errorf("unterminated quoted selector")
		}
		return s[1 : end+1], strings.TrimSpace(s[end+2:]), nil
	}
	sel, rest, _ = strings.Cut(s, " ")
	return sel, strings.TrimSpace(rest), nil
}
