package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("json", newJSON) }

// jsonFinding is one finding in the `--format json` contract (design.md).
type jsonFinding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Hint      string `json:"hint,omitempty"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	// Pointer is set on every finding in an event log, "" being the whole
	// record (RFC 6901); absent elsewhere.
	Pointer *string `json:"pointer,omitempty"`
	// Fix is the finding's fix, when it has one.
	Fix *JSONFix `json:"fix,omitempty"`
}

// JSONFix is a fix as the JSON report writes it (and the readers of the
// report, such as github-review, read it): its edits replace the text between two positions
// (1-based lines and characters, the end exclusive, like the finding's)
// of the file as written.
type JSONFix struct {
	Description   string     `json:"description"`
	Applicability string     `json:"applicability"`
	Edits         []JSONEdit `json:"edits"`
}

// JSONEdit is one edit of a JSONFix.
type JSONEdit struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

func jsonFixOf(fix *model.Fix) *JSONFix {
	if fix == nil {
		return nil
	}
	jf := &JSONFix{Description: fix.Description, Applicability: fix.Applicability.String()}
	for _, e := range fix.Edits {
		jf.Edits = append(jf.Edits, JSONEdit{File: e.Span.File, Line: e.Span.Start.Line, Column: e.Span.Start.Col,
			EndLine: e.Span.End.Line, EndColumn: e.Span.End.Col, NewText: e.New})
	}
	return jf
}

// jsonReporter streams the document: header, each finding as it comes,
// then the summary, so memory does not grow with the run.
type jsonReporter struct {
	w       *bufio.Writer
	opts    Options
	started bool
	n       int // findings written
	// inputs say per log file what its records were recognised as; one
	// entry per file, however many results it was read as.
	inputs []jsonInput
}

// jsonInput is one entry of "inputs": a log file and what it holds.
type jsonInput struct {
	File  string `json:"file"`
	Input string `json:"input"`
}

func newJSON(w io.Writer, opts Options) Reporter {
	return &jsonReporter{w: bufio.NewWriter(w), opts: opts}
}

func (j *jsonReporter) start() {
	if j.started {
		return
	}
	j.started = true
	tool, _ := marshal(map[string]string{"name": j.opts.Tool.Name, "version": j.opts.Tool.Version})
	j.w.WriteString("{\n  \"version\": 1,\n  \"tool\": ")
	j.w.Write(tool)
	j.w.WriteString(",\n  \"findings\": [")
}

func (j *jsonReporter) Result(r Result) error {
	j.start()
	if r.Input != "" && (len(j.inputs) == 0 || j.inputs[len(j.inputs)-1].File != r.Path) {
		j.inputs = append(j.inputs, jsonInput{File: r.Path, Input: r.Input})
	}
	for _, f := range r.Findings {
		b, err := FindingJSON(f, r.Kind == model.EventLog.String())
		if err != nil {
			return err
		}
		if j.n > 0 {
			j.w.WriteByte(',')
		}
		j.n++
		j.w.WriteString("\n    ")
		j.w.Write(b)
	}
	return nil
}

func (j *jsonReporter) Finish(s Summary) error {
	j.start()
	if j.n > 0 {
		j.w.WriteString("\n  ")
	}
	j.w.WriteString("]")
	if len(j.inputs) > 0 {
		in, _ := marshal(j.inputs)
		j.w.WriteString(",\n  \"inputs\": ")
		j.w.Write(in)
	}
	sum, _ := marshal(s)
	j.w.WriteString(",\n  \"summary\": ")
	j.w.Write(sum)
	// Beside the summary, whose values stay counts: which inputs could not
	// be read, and how much of the site a crawl saw.
	if len(s.UnreadableInputs) > 0 {
		b, _ := marshal(printableInputs(s.UnreadableInputs))
		j.w.WriteString(",\n  \"unreadable_inputs\": ")
		j.w.Write(b)
	}
	if s.Crawl != nil {
		b, _ := marshal(s.Crawl)
		j.w.WriteString(",\n  \"crawl\": ")
		j.w.Write(b)
	}
	j.w.WriteString("\n}\n")
	return j.w.Flush()
}

// FindingJSON is one finding as `--format json` writes it (redacted);
// eventLog gives it a pointer even when it is the whole record's.
func FindingJSON(f model.Finding, eventLog bool) ([]byte, error) {
	f = Redacted(f)
	jf := jsonFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Hint: f.Hint,
		File: f.Span.File, Line: f.Span.Start.Line, Column: f.Span.Start.Col,
		EndLine: f.Span.End.Line, EndColumn: f.Span.End.Col,
		Fix: jsonFixOf(f.Fix),
	}
	if f.Span.Pointer != "" || eventLog {
		jf.Pointer = &f.Span.Pointer
	}
	return marshal(jf)
}

// marshal is json.Marshal without HTML escaping: messages quote code such
// as "<YOUR-PIXEL-ID>", which should read as written.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
