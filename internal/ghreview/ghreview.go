// Package ghreview turns the fixes of a `check --format json` report into
// the body of a GitHub pull-request review whose comments are suggestions
// (```suggestion blocks a reviewer can commit with one click).
//
// Only what GitHub can show is proposed: a fix whose lines all stand in one
// hunk of the pull request's diff, on the new side, and read there exactly
// as in the file checked (so the suggestion replaces the lines it was made
// for). Comments already on the pull request (same path, line and body) are
// not proposed again, so a re-run posts only what is new. Nothing holding
// personal data or a secret is proposed: a suggestion shows whole lines,
// and they are never redacted, so such a fix is left out.
package ghreview

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// MaxComments bounds one review: GitHub refuses very large reviews, and a
// re-run posts the next ones (those posted are not proposed again).
const MaxComments = 50

// Finding is what a review needs of one finding of the JSON report.
type Finding struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Fix     *Fix   `json:"fix"`
}

// Fix and Edit are the JSON report's.
type (
	Fix  = report.JSONFix
	Edit = report.JSONEdit
)

// ReadReport reads the findings of a `check --format json` report.
func ReadReport(r io.Reader) ([]Finding, error) {
	var doc struct {
		Version  int       `json:"version"`
		Findings []Finding `json:"findings"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a report of check --format json: %w", err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("report version %d: this oaiq-lint reads version 1 (write it with the same oaiq-lint)", doc.Version)
	}
	return doc.Findings, nil
}

// File is one entry of the pull request's files (GET …/pulls/N/files).
type File struct {
	Filename string `json:"filename"`
	Status   string `json:"status"`
	// Patch is the file's unified diff; GitHub leaves it out for large
	// and binary files, which then get no suggestion.
	Patch string `json:"patch"`
}

// Comment is one review comment already on the pull request
// (GET …/pulls/N/comments). Line is null on an outdated comment.
type Comment struct {
	Path string `json:"path"`
	Line *int   `json:"line"`
	Body string `json:"body"`
}

// ReadPages reads the pages of a GitHub list written one after another
// (each a JSON array), as the Action's script saves them.
func ReadPages[T any](r io.Reader) ([]T, error) {
	dec := json.NewDecoder(r)
	var all []T
	for {
		var page []T
		err := dec.Decode(&page)
		if errors.Is(err, io.EOF) {
			return all, nil
		}
		if err != nil {
			return nil, fmt.Errorf("not a list of the GitHub API: %w", err)
		}
		all = append(all, page...)
	}
}

// Review is the body of POST /repos/OWNER/REPO/pulls/N/reviews.
type Review struct {
	CommitID string          `json:"commit_id,omitempty"`
	Event    string          `json:"event"`
	Body     string          `json:"body"`
	Comments []ReviewComment `json:"comments"`
}

// ReviewComment is a comment on lines StartLine..Line of the new side
// (one line: no StartLine).
type ReviewComment struct {
	Path      string `json:"path"`
	StartLine int    `json:"start_line,omitempty"`
	StartSide string `json:"start_side,omitempty"`
	Line      int    `json:"line"`
	Side      string `json:"side"`
	Body      string `json:"body"`
}

// Options of Build.
type Options struct {
	// Unsafe proposes unsafe fixes too (their comments say so).
	Unsafe bool
	// CommitID is the pull request's head commit the comments are on.
	CommitID string
	// BaseDir is the repository root: absolute paths in the report are
	// made relative to it, as the pull request names files.
	BaseDir string
	// Read returns a file's text as the linter decoded it (UTF-8).
	Read func(path string) ([]byte, error)
	// Sensitive lists the values of a file that are personal data
	// whatever their shape (report.SensitiveIn); nil: none known.
	Sensitive func(path string, text []byte) []pii.Known
}

// Stats say what became of the fixes of the report.
type Stats struct {
	// Proposed counts the comments of the review (after MaxComments),
	// Over those left for a later run.
	Proposed, Over int
	// Posted were already on the pull request; OutsideDiff are on lines
	// the pull request does not show (or that read differently there);
	// Personal hold personal data or a secret; Unfit could not be shown as
	// a suggestion (edits in several files, or not on the file's lines);
	// Unsafe were left out for want of Options.Unsafe.
	Posted, OutsideDiff, Personal, Unfit, Unsafe int
}

// String says it in one line for standard error.
func (s Stats) String() string {
	parts := []string{fmt.Sprintf("%d suggestion%s to post", s.Proposed, plural(s.Proposed))}
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(s.Over, "left for the next run (at most "+strconv.Itoa(MaxComments)+" a review)")
	add(s.Posted, "already posted")
	add(s.OutsideDiff, "on lines outside the pull request's diff")
	add(s.Personal, "not shown: the lines hold personal data or a secret")
	add(s.Unfit, "not expressible as a suggestion")
	add(s.Unsafe, "unsafe, not proposed (--unsafe-fixes, the Action's unsafe-suggestions, proposes them)")
	return strings.Join(parts, ", ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Build makes the review proposing the report's fixes on the pull
// request's files. Comments come sorted by path, line and body, so the
// same inputs always give the same review.
func Build(findings []Finding, files []File, existing []Comment, o Options) (Review, Stats) {
	var st Stats
	hunks := map[string][]hunk{}
	for _, f := range files {
		if f.Status != "removed" && f.Patch != "" {
			hunks[f.Filename] = parsePatch(f.Patch)
		}
	}
	posted := map[string]bool{}
	for _, c := range existing {
		if c.Line != nil {
			posted[key(c.Path, *c.Line, c.Body)] = true
		}
	}
	texts := map[string]*source.File{}
	known := map[string][]pii.Known{}
	text := func(path string) *source.File {
		if f, ok := texts[path]; ok {
			return f
		}
		var f *source.File
		if data, err := o.Read(path); err == nil {
			f = source.New(path, data)
			if o.Sensitive != nil {
				known[path] = o.Sensitive(path, data)
			}
		}
		texts[path] = f
		return f
	}
	var out []ReviewComment
	seen := map[string]bool{}
	for _, fd := range findings {
		if fd.Fix == nil || len(fd.Fix.Edits) == 0 {
			continue
		}
		unsafe := fd.Fix.Applicability == model.Unsafe.String()
		if unsafe && !o.Unsafe {
			st.Unsafe++
			continue
		}
		if !unsafe && fd.Fix.Applicability != model.Safe.String() {
			st.Unfit++
			continue
		}
		file := fd.Fix.Edits[0].File
		path := repoPath(o.BaseDir, file)
		src := text(file)
		if path == "" || src == nil {
			st.Unfit++
			continue
		}
		s, ok := suggest(src, fd.Fix)
		if !ok {
			st.Unfit++
			continue
		}
		if !inOneHunk(hunks[path], s) {
			st.OutsideDiff++
			continue
		}
		if !shareable(s, known[file]) {
			st.Personal++
			continue
		}
		c := ReviewComment{Path: path, Line: s.last, Side: "RIGHT", Body: body(fd, s.lines, unsafe)}
		if s.first < s.last {
			c.StartLine, c.StartSide = s.first, "RIGHT"
		}
		k := key(c.Path, c.Line, c.Body)
		if posted[k] {
			st.Posted++
			continue
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b ReviewComment) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.StartLine, b.StartLine), cmp.Compare(a.Body, b.Body))
	})
	if len(out) > MaxComments {
		st.Over = len(out) - MaxComments
		out = out[:MaxComments]
	}
	st.Proposed = len(out)
	r := Review{CommitID: o.CommitID, Event: "COMMENT", Comments: out}
	r.Body = fmt.Sprintf("oaiq-lint suggests %d fix%s on lines this pull request changes.", len(out), pluralES(len(out)))
	if st.Over > 0 {
		r.Body += fmt.Sprintf(" %d more will follow on the next run.", st.Over)
	}
	return r, st
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}

// key identifies a comment for deduplication; GitHub may give a body back
// with \r\n line endings.
func key(path string, line int, body string) string {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	return path + "\x00" + strconv.Itoa(line) + "\x00" + body
}

// repoPath names file as the pull request does: relative to the
// repository root, with forward slashes; "" for a URL or a path outside it.
func repoPath(base, file string) string {
	if strings.Contains(file, "://") {
		return ""
	}
	if filepath.IsAbs(file) {
		if base == "" {
			return ""
		}
		rel, err := filepath.Rel(base, file)
		if err != nil {
			return ""
		}
		file = rel
	}
	file = filepath.ToSlash(filepath.Clean(file))
	if file == ".." || strings.HasPrefix(file, "../") || strings.HasPrefix(file, "/") {
		return ""
	}
	return file
}

// suggestion is a fix as whole lines: lines first..last of the file
// (1-based) become lines.
type suggestion struct {
	first, last int
	old, lines  []string
}

// suggest applies a fix's edits to the lines they touch. ok is false when
// its edits are in several files, overlap, or are not on the file's text.
func suggest(src *source.File, fix *Fix) (suggestion, bool) {
	first, last := 0, 0
	type placed struct {
		start, end int
		new        string
	}
	var es []placed
	for _, e := range fix.Edits {
		if e.File != fix.Edits[0].File {
			return suggestion{}, false
		}
		start := src.Offset(model.Pos{Line: e.Line, Col: e.Column})
		end := src.Offset(model.Pos{Line: e.EndLine, Col: e.EndColumn})
		if start < 0 || end < start {
			return suggestion{}, false
		}
		es = append(es, placed{start, end, e.NewText})
		if first == 0 || e.Line < first {
			first = e.Line
		}
		last = max(last, e.EndLine)
	}
	slices.SortFunc(es, func(a, b placed) int { return cmp.Compare(a.start, b.start) })
	from := src.Offset(model.Pos{Line: first, Col: 1})
	to := lineEnd(src, last)
	var b bytes.Buffer
	at := from
	for _, e := range es {
		if e.start < at || e.end > to {
			return suggestion{}, false
		}
		b.Write(src.Text[at:e.start])
		b.WriteString(e.new)
		at = e.end
	}
	b.Write(src.Text[at:to])
	s := suggestion{first: first, last: last, lines: splitLines(b.String())}
	for n := first; n <= last; n++ {
		s.old = append(s.old, src.Line(n))
	}
	return s, true
}

// lineEnd is the offset where line n's text ends (before its line break).
func lineEnd(src *source.File, n int) int {
	return src.Offset(model.Pos{Line: n, Col: 1}) + len(src.Line(n))
}

func splitLines(s string) []string {
	return strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s), "\n")
}

// shareable reports whether a suggestion's lines, before and after, may
// be shown whole: no personal data or secret that would need redacting,
// no control character, no value the file's fields say is personal.
func shareable(s suggestion, known []pii.Known) bool {
	for _, l := range slices.Concat(s.old, s.lines) {
		if report.Printable(l) != l {
			return false
		}
		if red, _ := pii.RedactWith(l, known, nil); red != l {
			return false
		}
	}
	return true
}

// body is a comment's text: what the fix does, the finding, and the
// suggestion block, fenced with more backticks than the lines hold.
func body(fd Finding, lines []string, unsafe bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**oaiq-lint** [`%s`](%s): %s", fd.Rule, report.RuleHelpURL(fd.Rule), report.Printable(fd.Fix.Description))
	if unsafe {
		b.WriteString(" (unsafe: changes a value, review it before committing)")
	}
	fmt.Fprintf(&b, "\n\n%s\n\n", report.Printable(fd.Message))
	fence := "```"
	for _, l := range lines {
		for strings.Contains(l, fence) {
			fence += "`"
		}
	}
	b.WriteString(fence + "suggestion\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString(fence)
	return b.String()
}

// hunk is one hunk of a patch: the new side's lines from start, in order
// (their text, to check the file checked reads the same).
type hunk struct {
	start int
	lines []string
}

var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@`)

// parsePatch reads the new side of a unified diff: the lines a review
// comment may be on (added lines and context).
func parsePatch(patch string) []hunk {
	var hs []hunk
	for _, l := range strings.Split(patch, "\n") {
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			hs = append(hs, hunk{start: n})
			continue
		}
		if len(hs) == 0 || l == "" {
			continue
		}
		h := &hs[len(hs)-1]
		switch l[0] {
		case ' ', '+':
			h.lines = append(h.lines, strings.TrimSuffix(l[1:], "\r"))
		}
	}
	return hs
}

// inOneHunk reports whether lines first..last stand in one hunk and read
// there as the file checked does.
func inOneHunk(hs []hunk, s suggestion) bool {
	for _, h := range hs {
		if s.first < h.start || s.last >= h.start+len(h.lines) {
			continue
		}
		for i, l := range s.old {
			if h.lines[s.first-h.start+i] != l {
				return false
			}
		}
		return true
	}
	return false
}
