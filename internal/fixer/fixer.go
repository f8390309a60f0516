// Package fixer applies the fixes rules attach to findings to the files
// they were found in: in memory, keeping each file's encoding, byte order
// mark and line endings, with overlapping edits resolved the same way on
// every run. Writing is the caller's (atomically, see WriteFile).
package fixer

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// File is one file's text as the linter reads it (decoded to UTF-8) and
// what it takes to write it back byte for byte as it was encoded.
type File struct {
	Name string
	// Orig is the file's bytes as read; Text the decoded text, edited in
	// place by Apply.
	Orig, Text []byte
	bom        []byte
	enc        encoding.Encoding // nil: UTF-8
	// Writable is false when encoding the decoded text does not give back
	// the original bytes (invalid sequences, an encoding with several
	// spellings of a character): such a file is never rewritten.
	Writable bool
}

// Read reads a file the way the linter decodes it.
func Read(name string) (*File, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Decode(name, data), nil
}

// Decode decodes data as the extractor would for a file named name.
func Decode(name string, data []byte) *File {
	var d decode.Result
	switch extract.KindOf(name, data) {
	case extract.JS, extract.Module, extract.Component, extract.Markdown:
		d = decode.Script(data, "")
	default:
		d = decode.HTML(data, "")
	}
	f := &File{Name: name, Orig: data, Text: bytes.Clone(d.Text)}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		f.bom = data[:3]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		f.bom = data[:2]
	}
	switch d.Charset {
	case "utf-8":
	case "utf-16le":
		f.enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-16be":
		f.enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		f.enc, _ = charset.Lookup(d.Charset)
	}
	back, err := f.Encoded()
	f.Writable = err == nil && bytes.Equal(back, data)
	return f
}

// Encoded returns the text encoded as the file was.
func (f *File) Encoded() ([]byte, error) {
	body := f.Text
	if f.enc != nil {
		var err error
		if body, err = f.enc.NewEncoder().Bytes(f.Text); err != nil {
			return nil, fmt.Errorf("%s: the fixed text cannot be written in the file's encoding: %w", f.Name, err)
		}
	}
	return append(bytes.Clone(f.bom), body...), nil
}

// DiffTexts returns the file as read and as fixed, for a diff: a UTF-8
// file's bytes, byte mark and all, so the diff's - and context lines are
// the file's own and patch or git apply take it; the decoded texts of a
// file in another encoding (a diff is printed in UTF-8).
func (f *File) DiffTexts() (before, after []byte) {
	if f.enc == nil {
		return f.Orig, append(bytes.Clone(f.bom), f.Text...)
	}
	return Decode(f.Name, f.Orig).Text, f.Text
}

// Changed reports whether the text differs from what was read.
func (f *File) Changed() bool {
	b, err := f.Encoded()
	return err != nil || !bytes.Equal(b, f.Orig)
}

// Allowed reports whether a fix of applicability a is applied when unsafe
// fixes are (or are not) asked for.
func Allowed(fix *model.Fix, unsafe bool) bool {
	return fix != nil && (fix.Applicability == model.Safe || unsafe && fix.Applicability == model.Unsafe)
}

type placed struct {
	start, end int
	new        string
}

// Apply applies the fixes of findings whose edits are all in f, are all
// found verbatim in its current text, and overlap no fix applied before
// them. Fixes are taken in order of their first edit's position, then rule
// id, so the result never depends on the order findings come in; a fix
// that overlaps one taken is left for the next round. It returns how many
// findings it fixed.
func (f *File) Apply(findings []model.Finding) int {
	taken, n := f.plan(findings)
	// Apply from the end so earlier offsets stay valid.
	slices.SortFunc(taken, func(a, b placed) int { return cmp.Compare(b.start, a.start) })
	for _, t := range taken {
		f.Text = slices.Concat(f.Text[:t.start], []byte(t.new), f.Text[t.end:])
	}
	return len(n)
}

// Select returns the findings Apply would fix, in the order it takes them.
func (f *File) Select(findings []model.Finding) []model.Finding {
	_, chosen := f.plan(findings)
	return chosen
}

// plan chooses the fixes to apply: their edits, and the findings fixed.
func (f *File) plan(findings []model.Finding) ([]placed, []model.Finding) {
	src := source.New(f.Name, f.Text)
	type cand struct {
		rule    string
		edits   []placed
		finding model.Finding
	}
	var cands []cand
	for _, fd := range findings {
		if fd.Fix == nil {
			continue
		}
		var es []placed
		ok := true
		for _, e := range fd.Fix.Edits {
			if e.Span.File != f.Name {
				ok = false
				break
			}
			s, end, found := lint.EditRange(src, e)
			if !found {
				ok = false
				break
			}
			es = append(es, placed{s, end, e.New})
		}
		if ok && len(es) > 0 {
			slices.SortFunc(es, func(a, b placed) int { return cmp.Compare(a.start, b.start) })
			cands = append(cands, cand{fd.Rule, es, fd})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(a.edits[0].start, b.edits[0].start); c != 0 {
			return c
		}
		return cmp.Compare(a.rule, b.rule)
	})
	var taken []placed
	overlaps := func(p placed) bool {
		for _, t := range taken {
			// Two edits touching at one point are in conflict only when
			// both insert there; ours always replace text, so touching is
			// fine.
			if p.start < t.end && t.start < p.end || p.start == t.start {
				return true
			}
		}
		return false
	}
	var fixed []model.Finding
	for _, c := range cands {
		clash := false
		for i, e := range c.edits {
			if overlaps(e) || i > 0 && e.start < c.edits[i-1].end {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		taken = append(taken, c.edits...)
		fixed = append(fixed, c.finding)
	}
	return taken, fixed
}

// WriteFile replaces the file with the encoded text atomically: a
// temporary file in the same folder, with the original's permissions,
// renamed over it.
func (f *File) WriteFile() error {
	if !f.Writable {
		return fmt.Errorf("%s: not rewritten: its encoding does not read back byte for byte", f.Name)
	}
	data, err := f.Encoded()
	if err != nil {
		return err
	}
	info, err := os.Stat(f.Name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Name), "."+filepath.Base(f.Name)+".oaiq-fix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), f.Name)
}
