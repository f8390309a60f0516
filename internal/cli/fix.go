package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/fixer"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// fixOptions are check's --fix, --unsafe-fixes and --diff.
type fixOptions struct {
	fix, unsafe, diff bool
}

func (f *fixOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.fix, "fix", false, "apply safe fixes to the files in place, then report what is left")
	cmd.Flags().BoolVar(&f.unsafe, "unsafe-fixes", false, "with --fix or --diff, apply unsafe fixes too (they change values: review them)")
	cmd.Flags().BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff and write nothing")
}

func (f *fixOptions) active() bool { return f.fix || f.diff }

// fixable reports whether an argument names files that may be rewritten:
// never standard input or a URL.
func fixable(arg string) bool { return arg != "-" && !isHTTPURL(arg) }

// run applies fixes in memory, round after round, then writes the changed
// files (--fix) or prints their diff (--diff). It returns done when the
// command ends here (--diff), and the number of findings fixed.
func (f *fixOptions) run(ctx context.Context, o *checkOptions, opts lint.Options) (done bool, err error) {
	if f.unsafe && !f.active() {
		return true, usageErrorf("--unsafe-fixes needs --fix or --diff")
	}
	if o.render.enabled {
		return true, usageErrorf("--fix and --diff read files, not rendered pages: drop --render")
	}
	// Fixing rounds neither record a baseline nor fail.
	opts.BaselineRecorder, opts.Record, opts.FailOn = nil, false, 0
	// Standard input cannot be written, but a diff writes nothing: --diff
	// prints its fixes, as ruff's --diff does for "-" (and ESLint's
	// --fix-dry-run, meant for --stdin); --fix says where to find them.
	var args []string
	var stdin *stdinCopy
	for _, a := range o.args {
		switch {
		case a == "-" && f.diff:
			args = append(args, a)
			stdin = &stdinCopy{name: "<stdin>"}
			if o.source.stdinName != "" {
				stdin.name = filepath.ToSlash(o.source.stdinName)
			}
		case a == "-":
			fmt.Fprintf(o.io.ErrOut, "oaiq-lint: - is not a file: nothing is fixed there (standard input cannot be written: --diff prints its fixes)\n")
		case fixable(a):
			args = append(args, a)
		default:
			fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s is not a file: nothing is fixed there\n", a)
		}
	}
	so := o.source.lintOptions(nil)
	if so.Root == "" && opts.Config != nil {
		so.Root = opts.Config.Root // the configuration's root: as for check
	}
	var in io.Reader
	if stdin != nil {
		in = io.TeeReader(o.io.In, &stdin.data) // what the input reads (bounded there) is what is fixed
	}
	var known []pii.Known // what the reports would mask whatever its shape: keys, personal data
	files, fixed, err := fixRounds(ctx, opts, lint.Targets(args, in, so), so, f.unsafe, stdin, &known)
	if err != nil {
		return true, err
	}
	names := make([]string, 0, len(files))
	for name, fl := range files {
		if fl.Changed() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if f.diff {
		// A diff quotes the file, so it would print the keys and personal
		// data every other output masks: a hunk with a line the reports
		// would redact is left out, not masked, so what is printed applies.
		withhold := func(line string) bool {
			masked, _ := pii.RedactWith(line, known, nil)
			return masked != line
		}
		for _, name := range names {
			before, after := files[name].DiffTexts()
			d, withheld := fixer.DiffWithholding(name, before, after, withhold)
			fmt.Fprint(o.io.Out, d)
			if withheld > 0 {
				what := "1 hunk of the diff withheld: it quotes"
				if withheld > 1 {
					what = fmt.Sprintf("%d hunks of the diff withheld: they quote", withheld)
				}
				fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s: %s a secret or personal data, which no output prints (--fix applies it all: review the file after)\n", pii.Redact(name), what)
			}
		}
		fmt.Fprintf(o.io.ErrOut, "oaiq-lint: --fix would fix %d in %s (nothing written)\n", fixed, pluralFiles(len(names)))
		if len(names) > 0 {
			return true, &ExitError{Code: ExitFindings}
		}
		return true, nil
	}
	var werr error
	for _, name := range names {
		if err := files[name].WriteFile(); err != nil {
			werr = errors.Join(werr, err)
		}
	}
	fmt.Fprintf(o.io.ErrOut, "oaiq-lint: fixed %d in %s\n", fixed, pluralFiles(len(names)))
	if werr != nil {
		return true, fmt.Errorf("writing fixes: %w", werr)
	}
	return false, nil
}

func pluralFiles(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

// fixRounds lints inputs, then the changed files again from memory, as
// fixer.Rounds does; files are read from disk, never a URL, and a file
// whose bytes would not survive being written back is left alone.
// stdinCopy is standard input as the first round's input read it, under
// the name its findings carry.
type stdinCopy struct {
	name string
	data bytes.Buffer
}

// known, when not nil, gathers the values the reports mask wherever they
// appear (report.SensitiveIn), from every round's texts.
func fixRounds(ctx context.Context, opts lint.Options, inputs iter.Seq[lint.Input], src lint.SourceOptions, unsafe bool, stdin *stdinCopy, known *[]pii.Known) (map[string]*fixer.File, int, error) {
	run := func(ctx context.Context, changed []*fixer.File) ([]model.Finding, error) {
		in := inputs
		if changed != nil {
			in = func(yield func(lint.Input) bool) {
				for _, f := range changed {
					data, err := f.Encoded()
					if err != nil {
						continue
					}
					if !yield(lint.Bytes(f.Name, data, src)) {
						return
					}
				}
			}
		}
		var fs []model.Finding
		_, err := lint.New(opts).Run(ctx, in, func(r *lint.Result) error {
			if known != nil {
				*known = append(*known, r.Report.Sensitive...)
			}
			for _, f := range r.Report.Findings {
				if f.Fix != nil { // only these matter: a large run holds no others
					fs = append(fs, f)
				}
			}
			return nil
		})
		if errors.Is(err, lint.ErrInterrupted) {
			return nil, errInterrupted
		}
		return fs, err
	}
	open := func(name string) (*fixer.File, error) {
		if stdin != nil && name == stdin.name {
			// Never the file --stdin-filename names: an editor's buffer
			// may differ from what is saved.
			if f := fixer.Decode(name, stdin.data.Bytes()); f.Writable {
				return f, nil
			}
			return nil, nil
		}
		if info, err := os.Stat(name); err != nil || !info.Mode().IsRegular() {
			return nil, nil // a URL or a name that is not a file here
		}
		f, err := fixer.Read(name)
		if err != nil || !f.Writable {
			return nil, err
		}
		return f, nil
	}
	return fixer.Rounds(ctx, run, open, unsafe)
}
