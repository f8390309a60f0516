package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("github", newGitHub) }

// githubReporter prints one GitHub Actions workflow command per finding:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C2,title=RULE::message
//
// The runner turns each into an annotation on the file and line.
type githubReporter struct {
	w    *bufio.Writer
	opts Options
}

func newGitHub(w io.Writer, opts Options) Reporter {
	return &githubReporter{w: bufio.NewWriter(w), opts: opts}
}

func (g *githubReporter) Result(r Result) error {
	for _, f := range r.Findings {
		f = visibleFinding(Redacted(f), true)
		msg := messageWithHint(f, "\nHint: ")
		if isURL(f.Span.File) {
			// A fetched page is no file of the repository: name it in the
			// message and let the annotation stand on the run.
			msg = f.Span.File + ": " + msg
		}
		g.w.WriteString("::" + githubCommand(f.Severity) + " ")
		g.w.WriteString(strings.Join(githubProperties(g.opts.BaseDir, f), ","))
		g.w.WriteString("::" + escapeData(msg) + "\n")
	}
	return g.w.Flush()
}

func (g *githubReporter) Finish(Summary) error { return g.w.Flush() }

func githubCommand(s model.Severity) string {
	switch s {
	case model.Error:
		return "error"
	case model.Warning:
		return "warning"
	}
	return "notice"
}

// githubProperties places the annotation. Columns are given only for a
// span on one line (GitHub ignores them otherwise) and endColumn names the
// span's last character, where our spans end one past it.
func githubProperties(base string, f model.Finding) []string {
	var props []string
	add := func(k, v string) { props = append(props, k+"="+escapeProperty(v)) }
	sp := f.Span
	if sp.File != "" && !isURL(sp.File) {
		add("file", repoPath(base, sp.File))
	}
	if !sp.Start.IsZero() && !isURL(sp.File) {
		add("line", strconv.Itoa(sp.Start.Line))
		endLine := max(sp.End.Line, sp.Start.Line)
		if endLine == sp.Start.Line {
			add("col", strconv.Itoa(sp.Start.Col))
		}
		if !sp.End.IsZero() {
			add("endLine", strconv.Itoa(endLine))
			if endLine == sp.Start.Line {
				add("endColumn", strconv.Itoa(max(sp.End.Col-1, sp.Start.Col)))
			}
		}
	}
	add("title", f.Rule)
	return props
}

// escapeData escapes a workflow command's message: without it a newline
// would end the command and a "%0A" typed by a user would become one.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ',' separates properties
// and ':' could end the property list.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
