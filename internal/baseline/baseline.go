// Package baseline records today's findings so that a site can adopt the
// linter without fixing everything first: later runs report only findings
// that are not in the baseline.
//
// A finding's fingerprint is its rule, its file and the text it points at
// (the source line with white space folded, and the span's own text), not
// its line number, so it survives edits that move code up or down.
// Identical fingerprints are counted: a second copy of a known problem is new.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

const version = 1

// relativePaths marks a baseline whose files are relative to its folder.
const relativePaths = "relative-to-baseline"

// Entry is one fingerprint and how many findings carry it.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Count       int    `json:"count"`
}

type fileFormat struct {
	Version int    `json:"version"`
	Tool    string `json:"tool"`
	// Paths is "relative-to-baseline" when files are relative to the
	// baseline file's folder; absent in baselines written before, whose
	// files are as the linter was given them.
	Paths    string  `json:"paths,omitempty"`
	Findings []Entry `json:"findings"`
}

// Fingerprint identifies f independently of where its line moved to.
func Fingerprint(f model.Finding, src *source.File) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", f.Rule, f.Span.File, f.Span.Pointer)
	if src != nil && !f.Span.Start.IsZero() {
		line := src.Line(f.Span.Start.Line)
		fmt.Fprintf(h, "%s\x00", fold(line))
		if f.Span.End.Line == f.Span.Start.Line {
			r := []rune(line)
			from, to := min(f.Span.Start.Col-1, len(r)), min(f.Span.End.Col-1, len(r))
			if from < to {
				fmt.Fprintf(h, "%s\x00", string(r[from:to]))
			}
		}
	} else {
		// No source to anchor to: the message, without the numbers that
		// name lines, is the next best identity.
		fmt.Fprintf(h, "%s\x00", strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, f.Message))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// relativeTo rewrites f's file, when it is a local path, relative to dir
// (the baseline file's folder), so a baseline matches whatever folder the
// linter runs from; URLs and "<stdin>" stay as they are. dir "" keeps f.
func relativeTo(dir string, f model.Finding) model.Finding {
	name := f.Span.File
	if dir == "" || name == "" || strings.Contains(name, "://") || strings.HasPrefix(name, "<") {
		return f
	}
	abs, err := filepath.Abs(filepath.FromSlash(name))
	if err != nil {
		return f
	}
	if rel, err := filepath.Rel(dir, abs); err == nil {
		f.Span.File = filepath.ToSlash(rel)
	}
	return f
}

// absDir is the folder of the baseline file at path, absolute.
func absDir(path string) string {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return ""
	}
	return dir
}

// Recorder collects fingerprints for --write-baseline.
type Recorder struct {
	entries map[string]*Entry
	dir     string
}

// NewRecorder returns an empty recorder. paths, when given, is where the
// baseline will be written: files are then recorded relative to its folder.
func NewRecorder(path ...string) *Recorder {
	r := &Recorder{entries: map[string]*Entry{}}
	if len(path) > 0 {
		r.dir = absDir(path[0])
	}
	return r
}

// Add records findings whose source files are in sources.
func (r *Recorder) Add(fs []model.Finding, sources map[string]*source.File) {
	for _, f := range fs {
		src := sources[f.Span.File]
		f = relativeTo(r.dir, f)
		fp := Fingerprint(f, src)
		e := r.entries[fp]
		if e == nil {
			// The file only helps a reader: a crawled URL's query or a
			// file name may hold personal data, the fingerprint needs none.
			e = &Entry{Fingerprint: fp, Rule: f.Rule, File: pii.Redact(f.Span.File)}
			r.entries[fp] = e
		}
		e.Count++
	}
}

// Write writes the baseline file, sorted so it diffs cleanly.
func (r *Recorder) Write(w io.Writer) error {
	out := fileFormat{Version: version, Tool: "oaiq-lint", Findings: []Entry{}}
	if r.dir != "" {
		out.Paths = relativePaths
	}
	for _, e := range r.entries {
		out.Findings = append(out.Findings, *e)
	}
	sort.Slice(out.Findings, func(i, j int) bool {
		a, b := out.Findings[i], out.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Baseline is a loaded baseline. Filter is safe for one goroutine at a time.
type Baseline struct {
	left map[string]int
	dir  string // files are relative to the baseline file's folder
	// Hidden counts the findings Filter dropped.
	Hidden int
}

// maxFile is the largest baseline read: far above any real one (a finding
// is about 200 bytes), far below what would exhaust memory.
const maxFile = 256 << 20

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := boundedio.ReadFile(path, maxFile)
	if err != nil {
		return nil, err
	}
	var in fileFormat
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("%s: not a baseline file: %v", path, err)
	}
	if in.Version != version {
		return nil, fmt.Errorf("%s: baseline version %d, this oaiq-lint reads version %d", path, in.Version, version)
	}
	b := &Baseline{left: map[string]int{}}
	if in.Paths == relativePaths {
		b.dir = absDir(path)
	}
	for _, e := range in.Findings {
		b.left[e.Fingerprint] += max(e.Count, 1)
	}
	return b, nil
}

// Filter drops the findings the baseline knows, each fingerprint as many
// times as it was recorded, and returns the new ones.
func (b *Baseline) Filter(fs []model.Finding, sources map[string]*source.File) []model.Finding {
	kept := fs[:0]
	for _, f := range fs {
		fp := Fingerprint(relativeTo(b.dir, f), sources[f.Span.File])
		if b.left[fp] > 0 {
			b.left[fp]--
			b.Hidden++
			continue
		}
		kept = append(kept, f)
	}
	return kept
}
