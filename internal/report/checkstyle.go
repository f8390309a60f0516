package report

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("checkstyle", newCheckstyle) }

// Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and many
// code-review bots: one <file> per file checked, one <error> per finding.
type (
	checkstyleFile struct {
		XMLName xml.Name          `xml:"file"`
		Name    string            `xml:"name,attr"`
		Errors  []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr,omitempty"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

// checkstyleReporter streams: each input's <file> elements are written as
// the input arrives, so memory does not grow with the run.
type checkstyleReporter struct {
	w       *bufio.Writer
	enc     *xml.Encoder
	opts    Options
	started bool
	files   int // <file> elements written
}

func newCheckstyle(w io.Writer, opts Options) Reporter {
	bw := bufio.NewWriter(w)
	enc := xml.NewEncoder(bw)
	enc.Indent("  ", "  ")
	return &checkstyleReporter{w: bw, enc: enc, opts: opts}
}

func (c *checkstyleReporter) start() {
	if !c.started {
		c.started = true
		c.w.WriteString(xml.Header + `<checkstyle version="4.3">` + "\n")
	}
}

func (c *checkstyleReporter) Result(r Result) error {
	c.start()
	files := []*checkstyleFile{{Name: repoPath(c.opts.BaseDir, r.Path)}}
	byName := map[string]*checkstyleFile{files[0].Name: files[0]}
	for _, f := range r.Findings {
		f = Redacted(f)
		name := repoPath(c.opts.BaseDir, firstNonEmpty(f.Span.File, r.Path))
		file, ok := byName[name]
		if !ok {
			file = &checkstyleFile{Name: name}
			byName[name] = file
			files = append(files, file)
		}
		file.Errors = append(file.Errors, checkstyleError{
			Line: f.Span.Start.Line, Column: f.Span.Start.Col,
			Severity: checkstyleSeverity(f.Severity),
			Message:  messageWithHint(f, " Hint: "),
			Source:   "oaiq-lint." + f.Rule,
		})
	}
	for _, file := range files {
		if err := c.enc.Encode(file); err != nil {
			return err
		}
		c.files++
	}
	return nil
}

func (c *checkstyleReporter) Finish(Summary) error {
	c.start()
	if c.files > 0 {
		c.w.WriteString("\n") // the encoder leaves the last element's line open
	}
	c.w.WriteString("</checkstyle>\n")
	return c.w.Flush()
}

func checkstyleSeverity(s model.Severity) string {
	switch s {
	case model.Error:
		return "error"
	case model.Warning:
		return "warning"
	}
	return "info"
}
