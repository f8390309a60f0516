package report

import (
	"fmt"
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// htmlTarget is one input's section of the report, with its findings
// redacted and their code frames cut.
type htmlTarget struct {
	Anchor   string
	Path     string
	Kind     string
	Pixel    *pixelBadge
	Calls    int
	Errors   int
	Warnings int
	Infos    int
	Findings []htmlFinding
	// Groups hold the findings of a tag-manager container by tag (those
	// outside any tag first, under the container), nil for other inputs.
	Groups []htmlGroup
}

// htmlGroup is one tag's findings.
type htmlGroup struct {
	Tag      string
	Findings []htmlFinding
}

type htmlFinding struct {
	Severity string
	Rule     string
	RuleURL  string
	Location string
	Message  string
	Hint     string
	Frame    *htmlFrame
}

// htmlFrame is a code frame split around the marked span.
type htmlFrame struct {
	Line                  int
	Before, Marked, After string
}

// pixelBadge says whether a page visibly sets the pixel up.
type pixelBadge struct{ Label, Class string }

func newHTMLTarget(n int, r Result, base string) htmlTarget {
	t := htmlTarget{Anchor: "t" + strconv.Itoa(n), Path: displayPath(base, r.Path), Kind: r.Kind,
		Pixel: newPixelBadge(r.Page), Calls: r.Calls}
	group := map[string]int{} // tag name → index in t.Groups
	for _, f := range r.Findings {

		src := r.Sources[f.Span.File]
		f = Redacted(f)
		switch f.Severity {
		case model.Error:
			t.Errors++
		case model.Warning:
			t.Warnings++
		default:
			t.Infos++
		}
		hf := htmlFinding{Severity: f.Severity.String(), Rule: f.Rule, RuleURL: RuleHelpURL(f.Rule),
			Location: findingLocation(base, r.Path, f.Span), Message: f.Message, Hint: f.Hint}
		if c, ok := newCodeFrame(f, src, r.Sensitive); ok {
			before, marked, after := c.Marked()
			hf.Frame = &htmlFrame{Line: c.Line, Before: before, Marked: marked, After: after}
		}
		t.Findings = append(t.Findings, hf)
		if r.Tags != nil {
			name, ok := tagOf(r.Tags, f.Span)
			if !ok {
				name = ""
			}
			i, seen := group[name]
			if !seen {
				i = len(t.Groups)
				group[name] = i
				t.Groups = append(t.Groups, htmlGroup{Tag: Printable(name)})
			}
			t.Groups[i].Findings = append(t.Groups[i].Findings, hf)
		}
	}
	return t
}

func newPixelBadge(p *PageInfo) *pixelBadge {
	switch {
	case p == nil:
		return nil
	case p.HasLoader && p.HasInit:
		return &pixelBadge{"loader + init", "good"}
	case p.HasLoader:
		return &pixelBadge{"loader, no init", "partial"}
	case p.HasInit:
		return &pixelBadge{"init, no loader", "partial"}
	case p.TagManager != "":
		return &pixelBadge{"no pixel seen (" + p.TagManager + " may add it)", "partial"}
	}
	return &pixelBadge{"no pixel", "bad"}
}

// displayPath shows a path relative to the base directory and a URL as it
// is, masking any personal data a query string may hold.
func displayPath(base, path string) string {
	return Printable(repoPath(base, path))
}

// findingLocation is "line L, col C" in the target itself, or
// "file:L:C" when the finding points into another file (an included
// script), plus the JSON Pointer into a log record.
func findingLocation(base, target string, s model.Span) string {
	other := s.File != "" && s.File != target
	var loc string
	switch {
	case other && !s.Start.IsZero():
		loc = fmt.Sprintf("%s:%d:%d", displayPath(base, s.File), s.Start.Line, s.Start.Col)
	case other:
		loc = displayPath(base, s.File)
	case !s.Start.IsZero():
		loc = fmt.Sprintf("line %d, col %d", s.Start.Line, s.Start.Col)
	default:
		loc = "whole target"
	}
	if s.Pointer != "" {
		loc += " · " + Printable(s.Pointer)
	}
	return loc
}
