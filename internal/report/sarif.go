package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/baseline"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() { Register("sarif", newSARIF) }

// ProjectURL is the project's home; rule help links point into its docs.
const ProjectURL = "https://github.com/oaiq-lint/oaiq-lint"

// RuleHelpURL is where a rule is documented.
func RuleHelpURL(id string) string {
	return ProjectURL + "/blob/main/docs/rules.md#" + id
}

// sarifFingerprintKey names the fingerprint's algorithm and version, as
// SARIF asks; it changes only if Fingerprint does.
const sarifFingerprintKey = "oaiqLintFingerprint/v1"

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
)

// The SARIF 2.1.0 subset oaiq-lint writes. Field order is output order.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool sarifTool `json:"tool"`
		// AutomationDetails name the analysis, so runs of several jobs or
		// matrix entries are told apart (code scanning's category).
		AutomationDetails *sarifAutomation  `json:"automationDetails,omitempty"`
		Invocations       []sarifInvocation `json:"invocations"`
		ColumnKind        string            `json:"columnKind"`
		Results           []sarifResult     `json:"results"`
	}
	sarifAutomation struct {
		ID string `json:"id"`
	}
	// sarifInvocation says whether the run read everything it was given;
	// each input it could not read is a notification, so a scan that saw
	// nothing is not mistaken for a clean one.
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     sarifText     `json:"shortDescription"`
		FullDescription      *sarifText    `json:"fullDescription,omitempty"`
		Help                 *sarifText    `json:"help,omitempty"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration *sarifDefault `json:"defaultConfiguration,omitempty"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifDefault struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
		// PartialFingerprints carry the baseline's line-shift-proof
		// fingerprint, so code scanning tracks a finding across commits.
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
		Properties          map[string]any    `json:"properties,omitempty"`
		// Fixes hold the finding's fix (SARIF §3.55), its applicability in
		// the fix's properties.
		Fixes []sarifFix `json:"fixes,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
		Properties      map[string]any        `json:"properties,omitempty"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   *sarifRegion `json:"deletedRegion"`
		InsertedContent *sarifText   `json:"insertedContent,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// sarifReporter buffers the run: SARIF is one JSON document whose rule list
// must hold every rule a result points to.
type sarifReporter struct {
	w       io.Writer
	opts    Options
	rules   []sarifRule
	index   map[string]int
	results []sarifResult
}

func newSARIF(w io.Writer, opts Options) Reporter {
	s := &sarifReporter{w: w, opts: opts, index: map[string]int{}}
	for _, r := range opts.Rules {
		s.addRule(sarifRuleOf(r))
	}
	return s
}

func (s *sarifReporter) addRule(r sarifRule) int {
	s.index[r.ID] = len(s.rules)
	s.rules = append(s.rules, r)
	return len(s.rules) - 1
}

// sarifRuleOf describes a registered rule: its title, its doc as help, the
// sentence of the specification it enforces, and its default level.
func sarifRuleOf(r RuleInfo) sarifRule {
	out := sarifRule{
		ID: r.ID, Name: ruleName(r.ID),
		ShortDescription:     sarifText{Text: firstNonEmpty(r.Title, r.ID)},
		HelpURI:              RuleHelpURL(r.ID),
		DefaultConfiguration: &sarifDefault{Level: sarifLevel(r.Severity)},
	}
	help := strings.TrimSpace(r.Doc)
	if r.Spec != "" {
		help = strings.TrimSpace(help + "\n\nSpecification: " + r.Spec)
	}
	if help != "" {
		out.FullDescription = &sarifText{Text: help}
		out.Help = &sarifText{Text: help, Markdown: help}
	}
	return out
}

// ruleIndex finds a result's rule, adding a bare descriptor for ids the
// registry does not know (findings reported by a source, such as a log
// record that could not be read), so every ruleIndex stays valid.
func (s *sarifReporter) ruleIndex(id string) int {
	if i, ok := s.index[id]; ok {
		return i
	}
	return s.addRule(sarifRule{ID: id, Name: ruleName(id), ShortDescription: sarifText{Text: id}, HelpURI: RuleHelpURL(id)})
}

func (s *sarifReporter) Result(r Result) error {
	for _, f := range r.Findings {
		fp := baseline.Fingerprint(f, r.Sources[f.Span.File]) // of the finding as found: a hash, never shown raw
		f = Redacted(f)
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: s.ruleIndex(f.Rule), Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: messageWithHint(f, "\nHint: ")},
			PartialFingerprints: map[string]string{sarifFingerprintKey: fp},
		}
		if f.Span.File != "" {
			uri, base := sarifURI(s.opts.BaseDir, f.Span.File)
			loc := sarifLocation{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
				Region:           sarifRegionOf(f.Span),
			}}
			res.Locations = []sarifLocation{loc}
		}
		if f.Span.Pointer != "" {
			res.Properties = map[string]any{"jsonPointer": f.Span.Pointer}
		}
		if f.Fix != nil {
			res.Fixes = []sarifFix{s.fixOf(f.Fix)}
		}
		s.results = append(s.results, res)
	}
	return nil
}

// fixOf maps a fix: one artifact change per file, in the order of the
// edits.
func (s *sarifReporter) fixOf(fix *model.Fix) sarifFix {
	out := sarifFix{Description: sarifText{Text: fix.Description},
		Properties: map[string]any{"applicability": fix.Applicability.String()}}
	at := map[string]int{}
	for _, e := range fix.Edits {
		i, ok := at[e.Span.File]
		if !ok {
			uri, base := sarifURI(s.opts.BaseDir, e.Span.File)
			i = len(out.ArtifactChanges)
			at[e.Span.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}})
		}
		r := sarifReplacement{DeletedRegion: sarifRegionOf(e.Span)}
		if e.New != "" {
			r.InsertedContent = &sarifText{Text: e.New}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, r)
	}
	return out
}

// sarifRegionOf maps a span; both count columns in code points and both
// end exclusively, so the numbers carry over unchanged.
func sarifRegionOf(sp model.Span) *sarifRegion {
	if sp.Start.IsZero() {
		return nil
	}
	r := &sarifRegion{StartLine: sp.Start.Line, StartColumn: sp.Start.Col}
	if !sp.End.IsZero() {
		r.EndLine, r.EndColumn = sp.End.Line, sp.End.Col
	}
	return r
}

func (s *sarifReporter) Finish(sum Summary) error {
	if s.results == nil {
		s.results = []sarifResult{} // an actual scan has results, if empty
	}
	inv := sarifInvocation{ExecutionSuccessful: sum.Unreadable == 0 && sum.NoFiles == 0}
	for _, u := range printableInputs(sum.UnreadableInputs) {
		uri, baseID := sarifURI(s.opts.BaseDir, u.Input)
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{Text: u.Input + ": could not be read: " + u.Reason},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: baseID}}}},
		})
	}
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{
		Tool: sarifTool{Driver: sarifDriver{
			Name: s.opts.Tool.Name, Version: s.opts.Tool.Version,
			InformationURI: ProjectURL, Rules: s.rules,
		}},
		Invocations: []sarifInvocation{inv},
		ColumnKind:  "unicodeCodePoints",
		Results:     s.results,
	}}}
	if s.opts.AutomationID != "" {
		log.Runs[0].AutomationDetails = &sarifAutomation{ID: s.opts.AutomationID}
	}
	if log.Runs[0].Tool.Driver.Rules == nil {
		log.Runs[0].Tool.Driver.Rules = []sarifRule{}
	}
	b, err := marshalIndent(log)
	if err != nil {
		return err
	}
	_, err = s.w.Write(b)
	return err
}

func sarifLevel(s model.Severity) string {
	switch s {
	case model.Error:
		return "error"
	case model.Warning:
		return "warning"
	}
	return "note"
}

// ruleName turns "amount-not-integer" into "AmountNotInteger", the
// identifier style code-scanning tools show next to the id.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// messageWithHint is the message followed by the hint, if any.
func messageWithHint(f model.Finding, sep string) string {
	if f.Hint == "" {
		return f.Message
	}
	return f.Message + sep + f.Hint
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// marshalIndent is an indented json.Marshal without HTML escaping, ending
// in a newline, for documents people also read.
func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}
