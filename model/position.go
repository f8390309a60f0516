// Package model is the shared vocabulary of oaiq-lint: the calls found in a
// source, the document they belong to, and the findings checks produce.
// Every source (HTML, scripts, event logs, a browser) builds this model and
// every check reads only this model, so the package imports nothing of ours.
package model

import "fmt"

// Pos is a 1-based position. Col counts characters (runes) of the original
// file, whatever its encoding or the transforms applied before parsing.
type Pos struct {
	Line int
	Col  int
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.Line == 0 }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// Span is a range in one file. End is exclusive: it is the position just
// past the last character, as SARIF and most editors expect.
type Span struct {
	File  string
	Start Pos
	End   Pos
	// Pointer is a JSON Pointer into the record for event logs ("" elsewhere).
	Pointer string
}

// IsZero reports whether the span carries no position.
func (s Span) IsZero() bool { return s.Start.IsZero() }

func (s Span) String() string {
	if s.Start.IsZero() {
		return s.File
	}
	return fmt.Sprintf("%s:%d:%d", s.File, s.Start.Line, s.Start.Col)
}
