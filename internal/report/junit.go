package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("junit", newJUnit) }

// JUnit XML as CI systems read it (GitLab, Jenkins, Azure): one testsuite
// per file, one testcase per finding. Errors and warnings are failures; an
// info finding is a passing testcase whose system-out carries the finding,
// so it is visible without failing the suite (it is no test that was
// skipped). A file without findings gets one passing testcase.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string         `xml:"name,attr"`
		Tests    int            `xml:"tests,attr"`
		Failures int            `xml:"failures,attr"`
		Errors   int            `xml:"errors,attr"`
		Cases    []junitCase    `xml:"testcase"`
		names    map[string]int // how often each case name was used
	}
	junitCase struct {
		Name      string `xml:"name,attr"`
		Classname string `xml:"classname,attr"`
		// File and Line point at the finding (GitLab and Jenkins link them);
		// the line is kept out of Name so a test keeps its identity when
		// lines move.
		File      string        `xml:"file,attr,omitempty"`
		Line      int           `xml:"line,attr,omitempty"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// junitReporter buffers the run: the root element carries its totals.
type junitReporter struct {
	w      io.Writer
	opts   Options
	suites []junitSuite
	byName map[string]int
}

func newJUnit(w io.Writer, opts Options) Reporter {
	return &junitReporter{w: w, opts: opts, byName: map[string]int{}}
}

func (j *junitReporter) suite(file string) *junitSuite {
	i, ok := j.byName[file]
	if !ok {
		i = len(j.suites)
		j.byName[file] = i
		j.suites = append(j.suites, junitSuite{Name: file})
	}
	return &j.suites[i]
}

func (j *junitReporter) Result(r Result) error {
	if len(r.Findings) == 0 {
		name := repoPath(j.opts.BaseDir, r.Path)
		s := j.suite(name)
		s.Tests++
		s.Cases = append(s.Cases, junitCase{Name: "no problems", Classname: name})
		return nil
	}
	for _, f := range r.Findings {
		f = Redacted(f)
		file := repoPath(j.opts.BaseDir, firstNonEmpty(f.Span.File, r.Path))
		s := j.suite(file)
		s.Tests++
		c := junitCase{Name: s.caseName(f.Rule + ": " + f.Message), Classname: file, Line: f.Span.Start.Line}
		if !strings.Contains(file, "://") { // a crawled URL is no file to link
			c.File = file
		}
		detail := fmt.Sprintf("%s: %s: %s [%s]", locationText(file, f.Span), f.Severity, messageWithHint(f, "\nhint: "), f.Rule)
		if f.Severity >= model.Warning {
			s.Failures++
			c.Failure = &junitFailure{Message: f.Message, Type: f.Severity.String(), Text: detail}
		} else {
			c.SystemOut = detail
		}
		s.Cases = append(s.Cases, c)
	}
	return nil
}

// caseName makes name unique in the suite: the second finding with the same
// rule and message is "… #2", and so on in position order.
func (s *junitSuite) caseName(name string) string {
	if s.names == nil {
		s.names = map[string]int{}
	}
	s.names[name]++
	if n := s.names[name]; n > 1 {
		return fmt.Sprintf("%s #%d", name, n)
	}
	return name
}

func (j *junitReporter) Finish(Summary) error {
	root := junitSuites{Name: j.opts.Tool.Name, Suites: j.suites}
	for _, s := range j.suites {
		root.Tests += s.Tests
		root.Failures += s.Failures
	}
	return writeXML(j.w, root)
}

// locationText is "file:line:col" as the text format prints it.
func locationText(file string, sp model.Span) string {
	if sp.Start.IsZero() {
		return file
	}
	return fmt.Sprintf("%s:%d:%d", file, sp.Start.Line, sp.Start.Col)
}

// writeXML writes v as an indented document with the XML declaration.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
