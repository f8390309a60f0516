// Package report turns findings into output formats. Reporters read only
// findings (and source lines for code frames); they never re-derive one.
//
// Streaming formats (text, json) print each document as it arrives;
// formats that need the whole run (SARIF, JUnit) buffer until Finish.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Tool names the program in machine formats.
type Tool struct {
	Name    string
	Version string
	// Revision is the documentation revision the rules follow, stated in
	// the HTML report's footer.
	Revision string
}

// Result is what one input produced: its findings, the number of calls
// found, and the files its findings point into (for code frames).
type Result struct {
	Path     string
	Calls    int
	Findings []model.Finding
	Sources  map[string]*source.File
	// Kind is what the input is: "page", "fragment", "script" or "log"
	// ("" when not told).
	Kind string
	// Input is what a log's records were recognised as ("capi-request-bodies",
	// "calls+server-events", …; see docs/event-log.md), "" for other inputs.
	Input string
	// Continues is true for a further piece of the previous result's file
	// (a large log read in pieces): the summary counts the file once.
	Continues bool
	// Events are the input's measure calls, for formats that count them.
	Events []EventInfo
	// Page is set for whole HTML pages (a crawl's pages too); nil otherwise.
	Page *PageInfo
	// Tags are the tags of a tag-manager container, where each is written,
	// so the html report can group the findings by tag; nil otherwise.
	Tags []TagExtent
	// Sensitive are values the input's fields say are personal data
	// (SensitiveIn), masked wherever they appear in this result's output.
	Sensitive []pii.Known
	// NoFixes is set when the command being run cannot apply this
	// result's fixes (a log, a crawled or fetched page): the text output
	// then shows a fix as advice, not as fixable. The machine formats
	// carry the fixes all the same.
	NoFixes bool
}

// Summary counts a whole run.
type Summary struct {
	Files    int `json:"files"`
	Calls    int `json:"calls"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Unreadable counts inputs that could not be read or fetched (their
	// errors go to standard error); absent from JSON when zero.
	Unreadable int `json:"unreadable,omitempty"`
	// Rules counts the findings of each rule, shown or not, and Omitted
	// those left out past --max-findings-per-rule (counted in Errors,
	// Warnings and Infos too); both only when that cap is set, so a
	// summary stays all numbers otherwise.
	Rules   map[string]int `json:"rules,omitempty"`
	Omitted map[string]int `json:"omitted,omitempty"`
	// UnreadableInputs name those inputs and why, in input order (the
	// JSON report lists them beside the summary, whose values are counts).
	UnreadableInputs []Unreadable `json:"-"`
	// NoFiles counts arguments that named nothing to lint (an empty
	// folder, a pattern matching nothing, empty standard input).
	NoFiles int `json:"no_files,omitempty"`
	// Crawl says how much of the site a crawl saw; nil for other runs
	// (the JSON report writes it beside the summary).
	Crawl *CrawlCoverage `json:"-"`
	// Fixable counts the findings `check --fix` would fix (safe fixes);
	// UnsafeFixable those only `--fix --unsafe-fixes` would. Absent when zero.
	Fixable       int `json:"fixable,omitempty"`
	UnsafeFixable int `json:"unsafe_fixable,omitempty"`
}

// CrawlCoverage is how much of a site a crawl saw. When --depth or
// --max-pages kept linked URLs out, the crawl is partial: pixel coverage
// and snippet-coverage speak only of the pages visited.
type CrawlCoverage struct {
	Partial             bool `json:"partial"`
	UnvisitedByDepth    int  `json:"unvisited_by_depth"`
	UnvisitedByMaxPages int  `json:"unvisited_by_max_pages"`
	// Depth and MaxPages are the bounds the crawl ran with (-1 and 0: none).
	Depth    int `json:"depth"`
	MaxPages int `json:"max_pages"`
}

// Sentence says what a partial crawl left out and how to see it; "" when
// the crawl saw every linked URL it was allowed to.
func (c *CrawlCoverage) Sentence() string {
	if c == nil || !c.Partial {
		return ""
	}
	var why []string
	if c.UnvisitedByDepth > 0 {
		why = append(why, fmt.Sprintf("%d beyond --depth %d", c.UnvisitedByDepth, c.Depth))
	}
	if c.UnvisitedByMaxPages > 0 {
		why = append(why, fmt.Sprintf("%d over --max-pages %d", c.UnvisitedByMaxPages, c.MaxPages))
	}
	return fmt.Sprintf("partial crawl: %s not visited (%s); coverage counts only the pages visited: raise the bounds to see the rest",
		Plural(c.UnvisitedByDepth+c.UnvisitedByMaxPages, "linked URL", "linked URLs"), strings.Join(why, ", "))
}

// printableInputs are the unreadable inputs as every output shows them:
// personal data and credentials in a URL or a reason redacted, control
// characters escaped.
func printableInputs(in []Unreadable) []Unreadable {
	out := make([]Unreadable, len(in))
	for i, u := range in {
		out[i] = Unreadable{Input: Printable(u.Input), Reason: Printable(u.Reason)}
	}
	return out
}

// Unreadable is an input that could not be read or fetched.
type Unreadable struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// Cap keeps the first max findings of each rule among those counted so
// far and returns the rest of fs, counting every finding per rule and the
// ones left out; max ≤ 0 keeps all and counts nothing.
func (s *Summary) Cap(fs []model.Finding, max int) []model.Finding {
	if max <= 0 {
		return fs
	}
	if s.Rules == nil {
		s.Rules, s.Omitted = map[string]int{}, map[string]int{}
	}
	kept := fs[:0]
	for _, f := range fs {
		s.Rules[f.Rule]++
		if s.Rules[f.Rule] <= max {
			kept = append(kept, f)
			continue
		}
		s.Omitted[f.Rule]++
		s.count(f)
	}
	return kept
}

// Add counts one result into the summary.
func (s *Summary) Add(r Result) {
	if !r.Continues {
		s.Files++
	}
	s.Calls += r.Calls
	for _, f := range r.Findings {
		s.count(f)
	}
}

// count counts one finding into the totals: its severity and its fix.
func (s *Summary) count(f model.Finding) {
	if f.Fix != nil {
		if f.Fix.Applicability == model.Safe {
			s.Fixable++
		} else {
			s.UnsafeFixable++
		}
	}
	switch f.Severity {
	case model.Error:
		s.Errors++
	case model.Warning:
		s.Warnings++
	default:
		s.Infos++
	}
}

// Reporter writes one output format.
type Reporter interface {
	// Result is called once per input, in a deterministic order.
	Result(r Result) error
	// Finish is called once at the end with the run's totals.
	Finish(s Summary) error
}

// Options shared by the formats.
type Options struct {
	Tool Tool
	// Quiet drops code frames and the summary line of human formats.
	Quiet bool
	// Rules describes every rule of the run, for formats that list them
	// (SARIF). The CLI fills it from the registry; reporters never import it.
	Rules []RuleInfo
	// BaseDir is the directory machine formats make absolute paths relative
	// to (the repository root in CI); "" keeps paths as given.
	BaseDir string
	// StandardEvents are the pixel's standard event names in the
	// documentation's order, for formats that list every event (html). The
	// CLI fills it from the rules' vocabulary.
	StandardEvents []string
	// ReportTime stamps formats that show when they were made (html); the
	// zero time leaves it out so reports can be diffed.
	ReportTime time.Time
	// AutomationID names the analysis in SARIF ("category/run"), so the
	// runs of several CI jobs do not replace one another; "" leaves it out.
	AutomationID string
	// StepSummary, when set, receives in Markdown what the github format
	// cannot show as annotations (findings on URLs, those over GitHub's 10
	// per type); the CLI opens $GITHUB_STEP_SUMMARY.
	StepSummary io.Writer
}

// RuleInfo is what a reporter may tell about a rule.
type RuleInfo struct {
	ID       string
	Severity model.Severity
	Title    string
	// Doc is Markdown; Spec quotes the sentence the rule enforces.
	Doc  string
	Spec string
}

// Factory builds a reporter writing to w.
type Factory func(w io.Writer, opts Options) Reporter

var formats = map[string]Factory{}

// Register makes a format available under name.
func Register(name string, f Factory) { formats[name] = f }

// New returns the reporter for a format name.
func New(name string, w io.Writer, opts Options) (Reporter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
	}
	return f(w, opts), nil
}

// Formats lists the format names, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Redacted returns f with any raw e-mail or phone number in its message,
// hint, file name (a crawled URL may carry one in its query) and JSON
// Pointer (an object key may be one) masked. Rules redact already; this is
// the last line of defence, applied by every reporter. Look source files
// up by the original finding's file.
func Redacted(f model.Finding) model.Finding {
	f.Message = pii.Redact(f.Message)
	f.Hint = pii.Redact(f.Hint)
	f.Span.File = pii.Redact(f.Span.File)
	f.Span.Pointer = pii.Redact(f.Span.Pointer)
	if f.Fix != nil && !fixPrintable(f.Fix) {
		f.Fix = nil // a fix is exact or not shown: it is never printed redacted
	}
	return f
}

// fixPrintable reports whether a fix holds no personal data, secret or
// control character that an output would have to redact or escape.
func fixPrintable(fix *model.Fix) bool {
	if Printable(fix.Description) != fix.Description {
		return false
	}
	for _, e := range fix.Edits {
		if Printable(e.New) != e.New || Printable(e.Span.File) != e.Span.File {
			return false
		}
	}
	return true
}

// Multi fans one stream of results out to several reporters.
type Multi []Reporter

func (m Multi) Result(r Result) error {
	r.Path = pii.Redact(r.Path)
	if len(r.Sensitive) > 0 {
		fs := make([]model.Finding, len(r.Findings))
		for i, f := range r.Findings {
			fs[i] = maskKnown(f, r.Sensitive)
		}
		r.Findings = fs
	}
	for _, rep := range m {
		if err := rep.Result(r); err != nil {
			return err
		}
	}
	return nil
}

func (m Multi) Finish(s Summary) error {
	for _, rep := range m {
		if err := rep.Finish(s); err != nil {
			return err
		}
	}
	return nil
}
