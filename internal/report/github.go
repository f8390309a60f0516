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
//
// GitHub shows at most 10 annotations of each type per step; a finding on
// a URL attaches to no file. With a step summary (Options.StepSummary),
// those findings are listed there instead of being lost: findings on URLs
// are no workflow commands, and findings past the tenth of their type are
// both commands (the log keeps them) and rows of the summary.
type githubReporter struct {
	w    *bufio.Writer
	opts Options
	// perType counts the annotations made per command.
	perType map[string]int
	// rest are the findings the summary lists, in order.
	rest []model.Finding
}

// githubAnnotationsPerType is GitHub's limit of annotations per type and step.
const githubAnnotationsPerType = 10

func newGitHub(w io.Writer, opts Options) Reporter {
	return &githubReporter{w: bufio.NewWriter(w), opts: opts, perType: map[string]int{}}
}

func (g *githubReporter) Result(r Result) error {
	for _, f := range r.Findings {
		f = visibleFinding(Redacted(f), true)
		cmd := githubCommand(f.Severity)
		if g.opts.StepSummary != nil {
			if f.Span.File == "" || isURL(f.Span.File) {
				g.rest = append(g.rest, f)
				continue
			}
			if g.perType[cmd]++; g.perType[cmd] > githubAnnotationsPerType {
				g.rest = append(g.rest, f)
			}
		}
		msg := messageWithHint(f, "\nHint: ")
		if isURL(f.Span.File) {
			// A fetched page is no file of the repository: name it in the
			// message and let the annotation stand on the run.
			msg = f.Span.File + ": " + msg
		}
		g.w.WriteString("::" + cmd + " ")
		g.w.WriteString(strings.Join(githubProperties(g.opts.BaseDir, f), ","))
		g.w.WriteString("::" + escapeData(msg) + "\n")
	}
	return g.w.Flush()
}

func (g *githubReporter) Finish(Summary) error {
	if err := g.w.Flush(); err != nil || len(g.rest) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString("### " + g.opts.Tool.Name + ": " + Plural(len(g.rest), "finding", "findings") + " not shown as annotations\n\n")
	b.WriteString("GitHub shows " + strconv.Itoa(githubAnnotationsPerType) + " annotations of each type per step, and a finding on a URL attaches to no file: these are the rest.\n\n")
	b.WriteString("| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n")
	for _, f := range g.rest {
		where := f.Span.File
		if !isURL(where) && where != "" {
			where = repoPath(g.opts.BaseDir, where)
		}
		if !f.Span.Start.IsZero() && !isURL(f.Span.File) {
			where += ":" + strconv.Itoa(f.Span.Start.Line) + ":" + strconv.Itoa(f.Span.Start.Col)
		}
		b.WriteString("| " + f.Severity.String() + " | " + markdownCell(where) + " | `" + f.Rule + "` | " + markdownCell(messageWithHint(f, " Hint: ")) + " |\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(g.opts.StepSummary, b.String())
	return err
}

// markdownCell keeps text inside one table cell: no line break, no column
// separator, and no markup a user's text could inject.
func markdownCell(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ", "|", "\\|", "<", "&lt;", ">", "&gt;", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]").Replace(s)
}

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
