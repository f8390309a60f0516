// Package suppress reads inline suppressions from source files and applies
// them to findings:
//
//	// oaiq-lint-disable-next-line RULE[, RULE…] -- reason
//	<!-- oaiq-lint-disable-next-line RULE -- reason -->
//	/* oaiq-lint-disable-file RULE -- reason */
//
// Parse records the comments as facts (model.Suppression, and
// model.SuppressionProblem for comments that are not well formed); Apply,
// which the engine calls, drops the findings they silence and notes which
// rules each one matched. The rules suppression-malformed and
// unused-suppression turn those facts into findings.
package suppress

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Rule ids of the findings about suppressions themselves, which no
// suppression silences (they are judged after the suppressions applied).
const (
	UnusedRule    = "unused-suppression"
	MalformedRule = "suppression-malformed"
)

var directive = regexp.MustCompile(`oaiq-lint-disable-(next-line|file)\b([^\n]*)`)

// otherForm catches the spellings other linters use (disable-line,
// disable, enable…), which are not ours: silently ignored, they would
// leave the finding in place and the reader puzzled.
var otherForm = regexp.MustCompile(`oaiq-lint-(?:disable-line|disable(?:-next)?(?:[^-a-z]|$)|enable)`)

// closers end a directive written inside a comment.
var closers = []string{"-->", "*/", "%}", "#}", "%>", "?>", "}}"}

// Parse finds the suppressions in f. known tells whether a rule id exists;
// comments naming no rule, unknown rules or no reason, and other linters'
// spellings, come back as problems.
func Parse(f *source.File, known func(id string) bool) ([]*model.Suppression, []model.SuppressionProblem) {
	if !bytes.Contains(f.Text, []byte("oaiq-lint-")) {
		return nil, nil
	}
	var out []*model.Suppression
	var bad []model.SuppressionProblem
	for _, m := range otherForm.FindAllIndex(f.Text, -1) {
		end := m[1]
		if end > m[0] && !isWordByte(f.Text[end-1]) {
			end-- // the character that ended the match is not part of it
		}
		bad = append(bad, model.SuppressionProblem{Kind: model.OtherSpelling, Span: f.Span(m[0], end), Text: string(f.Text[m[0]:end])})
	}
	for _, m := range directive.FindAllSubmatchIndex(f.Text, -1) {
		body := string(f.Text[m[4]:m[5]])
		for _, c := range closers {
			if i := strings.Index(body, c); i >= 0 {
				body = body[:i]
			}
		}
		end := m[4] + len(strings.TrimRight(body, " \t\r"))
		d := &model.Suppression{Span: f.Span(m[0], end)}
		if string(f.Text[m[2]:m[3]]) == "file" {
			d.WholeFile = true
		} else {
			d.Line = d.Span.Start.Line + 1
		}
		list, reason, _ := strings.Cut(body, "--")
		d.Reason = strings.TrimSpace(reason)
		d.Rules = append(d.Rules, strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })...)
		switch {
		case len(d.Rules) == 0:
			bad = append(bad, model.SuppressionProblem{Kind: model.NoRules, Span: d.Span})
			continue
		case d.Reason == "":
			bad = append(bad, model.SuppressionProblem{Kind: model.NoReason, Span: d.Span, Rules: d.Rules})
		}
		for _, r := range d.Rules {
			if !known(r) {
				d.Unknown = append(d.Unknown, r)
				bad = append(bad, model.SuppressionProblem{Kind: model.UnknownRule, Span: d.Span, Text: r})
			}
		}
		out = append(out, d)
	}
	return out, bad
}

// Apply drops the findings a suppression silences and adds each rule it
// silenced to its Matched. Findings about suppressions themselves are
// never silenced.
func Apply(findings []model.Finding, sups []*model.Suppression) []model.Finding {
	if len(sups) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, f := range findings {
		if f.Rule != UnusedRule && f.Rule != MalformedRule && silenced(f, sups) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

func silenced(f model.Finding, sups []*model.Suppression) bool {
	hit := false
	for _, d := range sups {
		if d.Span.File != f.Span.File || (!d.WholeFile && d.Line != f.Span.Start.Line) {
			continue
		}
		for _, r := range d.Rules {
			if r == f.Rule {
				if !slices.Contains(d.Matched, r) {
					d.Matched = append(d.Matched, r)
				}
				hit = true
			}
		}
	}
	return hit
}

func isWordByte(c byte) bool {
	return c == '-' || c >= 'a' && c <= 'z'
}
