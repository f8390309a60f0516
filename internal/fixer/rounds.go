package fixer

import (
	"context"
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// MaxRounds bounds re-linting: a fix may make another finding (or uncover
// one an overlapping fix held back); each round applies what the last lint
// offered, until nothing changes or this many rounds have run.
const MaxRounds = 10

// LintFunc lints for Rounds: the inputs as given when changed is nil (the
// first round), else the current text of each changed file.
type LintFunc func(ctx context.Context, changed []*File) ([]model.Finding, error)

// OpenFunc reads a file a fix edits; a nil File (and nil error) leaves
// that file's fixes out (a URL, a file that may not be rewritten).
type OpenFunc func(name string) (*File, error)

// Rounds lints, applies the fixes offered (safe ones, and unsafe ones when
// unsafe is set), and lints the changed files again, until no fix applies
// or MaxRounds is reached. It returns every file opened, with its fixed
// text, and how many findings were fixed. check --fix and --diff and the
// language server's "fix all" all fix through it.
func Rounds(ctx context.Context, lint LintFunc, open OpenFunc, unsafe bool) (map[string]*File, int, error) {
	files := map[string]*File{}
	skip := map[string]bool{}
	fixed := 0
	var changed []*File
	for round := 0; round < MaxRounds; round++ {
		findings, err := lint(ctx, changed)
		if err != nil {
			return nil, 0, err
		}
		byFile := map[string][]model.Finding{}
		for _, fd := range findings {
			if Allowed(fd.Fix, unsafe) {
				name := fd.Fix.Edits[0].Span.File
				byFile[name] = append(byFile[name], fd)
			}
		}
		names := make([]string, 0, len(byFile))
		for name := range byFile {
			names = append(names, name)
		}
		slices.Sort(names)
		applied := 0
		changed = nil
		for _, name := range names {
			fl := files[name]
			if fl == nil {
				if skip[name] {
					continue
				}
				if fl, err = open(name); err != nil {
					return nil, 0, err
				}
				if fl == nil {
					skip[name] = true
					continue
				}
				files[name] = fl
			}
			if n := fl.Apply(byFile[name]); n > 0 {
				applied += n
				changed = append(changed, fl)
			}
		}
		if applied == 0 {
			break
		}
		fixed += applied
	}
	return files, fixed, nil
}
