// Package suppress reads inline suppressions from source files and applies
// them to findings:
//
//	// oaiq-lint-disable-next-line RULE[, RULE…] -- reason
//	<!-- oaiq-lint-disable-next-line RULE -- reason -->
//	/* oaiq-lint-disable-file RULE -- reason */
//
// A suppression must name the rules it silences and should say why; one
// that silences nothing is reported, so stale ones do not pile up.
package suppress

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Rule ids of the findings this package reports.
const (
	UnusedRule    = "unused-suppression"
	MalformedRule = "suppression-malformed"
)

// Scope of a directive.
type Scope uint8

const (
	NextLine Scope = iota
	WholeFile
)

// Directive is one suppression comment.
type Directive struct {
	Scope  Scope
	Rules  []string
	Reason string
	Span   model.Span
	// Line is the line it silences (NextLine only).
	Line int
	used map[string]bool
	// unknown rules are reported as malformed, not again as unused.
	unknown map[string]bool
}

var directive = regexp.MustCompile(`oaiq-lint-disable-(next-line|file)\b([^\n]*)`)

// otherForm catches the spellings other linters use (disable-line,
// disable, enable…), which are not ours: silently ignored, they would
// leave the finding in place and the reader puzzled.
var otherForm = regexp.MustCompile(`oaiq-lint-(?:disable-line|disable(?:-next)?(?:[^-a-z]|$)|enable)`)

// closers end a directive written inside a comment.
var closers = []string{"-->", "*/", "%}", "#}", "%>", "?>", "}}"}

// Parse finds the directives in f. known tells whether a rule id exists;
// directives naming no rule or unknown rules come back as findings. ids,
// when given, are compared with an unknown id for a did-you-mean.
func Parse(f *source.File, known func(id string) bool, ids ...string) ([]*Directive, []model.Finding) {
	if !bytes.Contains(f.Text, []byte("oaiq-lint-")) {
		return nil, nil
	}
	var out []*Directive
	var bad []model.Finding
	for _, m := range otherForm.FindAllIndex(f.Text, -1) {
		end := m[1]
		if end > m[0] && !isWordByte(f.Text[end-1]) {
			end-- // the character that ended the match is not part of it
		}
		bad = append(bad, malformed(f.Span(m[0], end), fmt.Sprintf("%q is not an oaiq-lint suppression", string(f.Text[m[0]:end])),
			"write oaiq-lint-disable-next-line RULE -- reason, or oaiq-lint-disable-file RULE -- reason"))
	}
	for _, m := range directive.FindAllSubmatchIndex(f.Text, -1) {
		body := string(f.Text[m[4]:m[5]])
		for _, c := range closers {
			if i := strings.Index(body, c); i >= 0 {
				body = body[:i]
			}
		}
		end := m[4] + len(strings.TrimRight(body, " \t\r"))
		d := &Directive{Span: f.Span(m[0], end), used: map[string]bool{}, unknown: map[string]bool{}}
		if string(f.Text[m[2]:m[3]]) == "file" {
			d.Scope = WholeFile
		} else {
			d.Scope = NextLine
			d.Line = d.Span.Start.Line + 1
		}
		list, reason, _ := strings.Cut(body, "--")
		d.Reason = strings.TrimSpace(reason)
		d.Rules = append(d.Rules, strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })...)
		switch {
		case len(d.Rules) == 0:
			bad = append(bad, malformed(d.Span, "a suppression must name the rules it silences",
				"write oaiq-lint-disable-next-line RULE -- reason; `oaiq-lint rules` lists the ids"))
			continue
		case d.Reason == "":
			bad = append(bad, malformed(d.Span, "suppression without a reason",
				"add one after \"--\": oaiq-lint-disable-next-line "+strings.Join(d.Rules, ", ")+" -- why this is fine here"))
		}
		for _, r := range d.Rules {
			if !known(r) {
				d.unknown[r] = true
				hint := "`oaiq-lint rules` lists the ids"
				if near := suggest.Nearest(r, ids); near != "" {
					hint = fmt.Sprintf("did you mean %q? ", near) + hint
				}
				bad = append(bad, malformed(d.Span, fmt.Sprintf("suppression names unknown rule %q", r), hint))
			}
		}
		out = append(out, d)
	}
	return out, bad
}

func malformed(span model.Span, msg, hint string) model.Finding {
	return model.Finding{Rule: MalformedRule, Severity: model.Warning, Message: msg, Hint: hint, Span: span}
}

// Apply drops the findings a directive silences and reports every
// directive rule that silenced nothing. Findings about suppressions
// themselves are never silenced.
func Apply(findings []model.Finding, dirs []*Directive) []model.Finding {
	if len(dirs) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, f := range findings {
		if f.Rule != UnusedRule && f.Rule != MalformedRule && silenced(f, dirs) {
			continue
		}
		kept = append(kept, f)
	}
	for _, d := range dirs {
		for _, r := range d.Rules {
			if !d.used[r] && !d.unknown[r] {
				kept = append(kept, model.Finding{Rule: UnusedRule, Severity: model.Warning, Span: d.Span,
					Message: fmt.Sprintf("suppression of %s matches no finding", r),
					Hint:    "remove it (or the rule from its list): the problem it silenced is gone"})
			}
		}
	}
	return kept
}

func silenced(f model.Finding, dirs []*Directive) bool {
	hit := false
	for _, d := range dirs {
		if d.Span.File != f.Span.File || (d.Scope == NextLine && d.Line != f.Span.Start.Line) {
			continue
		}
		for _, r := range d.Rules {
			if r == f.Rule {
				d.used[r] = true
				hit = true
			}
		}
	}
	return hit
}

func isWordByte(c byte) bool {
	return c == '-' || c >= 'a' && c <= 'z'
}
