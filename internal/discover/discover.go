// Package discover turns command-line arguments (files, folders, globs, "-"
// and URLs) into the list of targets to lint, in a deterministic order.
package discover

import (
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/glob"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Kind of target.
type Kind uint8

const (
	File Kind = iota
	Stdin
	URL
)

// Target is one thing to lint.
type Target struct {
	Kind Kind
	// Path is the file path as given or found, or the URL.
	Path string
	// Explicit is true when the user named the file itself: it is linted
	// whatever its extension.
	Explicit bool
	// Root is the folder the target was found under (for resolving
	// root-relative script paths such as /js/pixel.js), "" when named directly.
	Root string
	// Named is true when the argument is the file's own path (not a
	// pattern that matched it).
	Named bool
}

// isDeclaration reports TypeScript declaration files (.d.ts, .d.mts,
// .d.cts): types only, never a call.
func isDeclaration(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".d.ts") || strings.HasSuffix(l, ".d.mts") || strings.HasSuffix(l, ".d.cts")
}

// maxIgnoreFile is the largest .gitignore read; a larger one (or one that
// is a device or FIFO) is not read.
const maxIgnoreFile = 1 << 20

// skipDirs are never descended into: version control, dependencies and
// vendored code are not the site's own integration.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true,
	"bower_components": true, "third_party": true,
}

// Options tune discovery.
type Options struct {
	// Extensions extra to the built-in ones (".vue", …), for sources added later.
	Extensions []string
	// ByContent lists extensions whose files found in folders are linted
	// only when the function accepts their first bytes (up to 64 KB):
	// .json files that are tag-manager container exports, not every
	// package.json. Files named explicitly are always linted.
	ByContent map[string]func(name string, head []byte) bool
}

// headSize is how much of a file ByContent functions see.
const headSize = 64 << 10

// accepts reports whether a file found in a folder is one to lint.
func (o Options) accepts(exts map[string]bool, p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	if exts[ext] {
		return !isDeclaration(p)
	}
	sniff := o.ByContent[ext]
	if sniff == nil {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, headSize)
	n, _ := io.ReadFull(f, head)
	return sniff(p, head[:n])
}

// Error is an argument that named nothing readable.
type Error struct {
	Arg string
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Arg, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// NoFilesError is an argument that names nothing to lint: an empty folder,
// a folder without pages or scripts, a pattern matching nothing, empty
// standard input. A mistyped path in CI must not pass as "no problems", so
// the run ends as a usage error (exit 2), as ESLint does.
type NoFilesError struct {
	// Arg is the argument as given.
	Arg string
	// Why says what was found instead.
	Why string
}

func (e *NoFilesError) Error() string {
	return fmt.Sprintf("no files to lint in %s: %s", e.Arg, e.Why)
}

// Expand resolves args into targets, in argument order and, within a
// folder, in walk order. Problems are returned per argument; the rest is
// still expanded. Stream does the same one target at a time.
func Expand(args []string, opts Options) ([]Target, []error) {
	var out []Target
	var errs []error
	for t, err := range Stream(args, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, t)
	}
	return out, errs
}

// Stream yields the targets args name, one at a time: in argument order
// and, within a folder, in the order the walk visits it (each folder's
// entries in lexical order). An argument that names nothing yields an
// *Error. Nothing is kept per file, so memory does not grow with the tree.
func Stream(args []string, opts Options) iter.Seq2[Target, error] {
	exts := map[string]bool{}
	for _, list := range [][]string{model.FileExtensions(), opts.Extensions} {
		for _, e := range list {
			exts[e] = true
		}
	}
	return func(yield func(Target, error) bool) {
		// Only overlapping arguments can name a file twice; a single
		// folder walk cannot, so it keeps no set of what it has seen.
		var seen map[string]bool
		if len(args) > 1 {
			seen = map[string]bool{}
		}
		emit := func(t Target) bool {
			if seen != nil {
				key := t.Path
				if t.Kind == File {
					key = filepath.Clean(t.Path)
				}
				if seen[key] {
					return true
				}
				seen[key] = true
			}
			return yield(t, nil)
		}
		for _, arg := range args {
			var ok bool
			switch {
			case arg == "-":
				ok = emit(Target{Kind: Stdin, Path: "-", Explicit: true})
			case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
				ok = emit(Target{Kind: URL, Path: arg, Explicit: true})
			default:
				var err error
				ok, err = expandPath(arg, func(p string) bool { return opts.accepts(exts, p) }, emit)
				if ok && err != nil {
					ok = yield(Target{}, &Error{Arg: arg, Err: err})
				}
			}
			if !ok {
				return
			}
		}
	}
}

// expandPath emits the targets one path argument names. It returns false
// when emit asked to stop.
func expandPath(arg string, accept func(string) bool, emit func(Target) bool) (bool, error) {
	info, err := os.Stat(arg)
	if err != nil {
		if hasGlobMeta(arg) {
			return expandGlob(arg, accept, emit)
		}
		return true, err
	}
	if !info.IsDir() {
		return emit(Target{Kind: File, Path: arg, Explicit: true, Named: true}), nil
	}
	return walk(arg, accept, emit)
}

// globMeta are the characters that make an argument a pattern.
const globMeta = "*?[{"

func hasGlobMeta(s string) bool { return strings.ContainsAny(s, globMeta) }

// expandGlob supports the shell's wildcards and "**" for any depth, for
// shells (and CI YAML) that pass patterns through unexpanded.
func expandGlob(pattern string, accept func(string) bool, emit func(Target) bool) (bool, error) {
	slash := filepath.ToSlash(pattern)
	root := "."
	if i := strings.IndexAny(slash, globMeta); i > 0 {
		if j := strings.LastIndex(slash[:i], "/"); j >= 0 {
			root = slash[:j]
			if root == "" {
				root = "/"
			}
		}
	}
	// A pattern that names an extension ("*.tpl") wants those files whatever
	// they are; otherwise only the extensions oaiq-lint reads are kept.
	patExt := path.Ext(slash)
	anyExt := patExt != "" && !hasGlobMeta(patExt)
	matched, stopped := false, false
	err := filepath.WalkDir(filepath.FromSlash(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != filepath.FromSlash(root) && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		rel := filepath.ToSlash(p)
		if root == "." {
			rel = strings.TrimPrefix(rel, "./")
		}
		if glob.Match(strings.TrimPrefix(slash, "./"), rel) && (anyExt || accept(p)) {
			matched = true
			if !emit(Target{Kind: File, Path: p, Explicit: true}) {
				stopped = true
				return filepath.SkipAll
			}
		}
		return nil
	})
	if err == nil && !matched {
		err = &NoFilesError{Arg: pattern, Why: "no file matches the pattern (quote it so the shell does not expand it; \"**\" spans folders)"}
	}
	return !stopped, err
}

// walk emits the lintable files under root, honouring .gitignore files
// found on the way and skipping dependency and VCS folders. Symbolic links
// are not followed, so link loops cannot trap the walk.
func walk(root string, accept func(string) bool, emit func(Target) bool) (bool, error) {
	var rules []ignoreRule
	stopped, found := false, false
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // unreadable sub-folder: skipped, the walk goes on
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || ignored(rules, rel, true)) {
				return filepath.SkipDir
			}
			base := rel
			if base == "." {
				base = ""
			}
			if data, err := boundedio.ReadFile(filepath.Join(p, ".gitignore"), maxIgnoreFile); err == nil {
				rules = append(rules, parseIgnore(base, data)...)
			}
			return nil
		}
		if !d.Type().IsRegular() || ignored(rules, rel, false) {
			return nil
		}
		if accept(p) {
			found = true
			if !emit(Target{Kind: File, Path: p, Root: root}) {
				stopped = true
				return filepath.SkipAll
			}
		}
		return nil
	})
	if err == nil && !found {
		err = &NoFilesError{Arg: root, Why: "no pages, templates or scripts (.html, .js, .ts, .vue, …) outside what .gitignore, node_modules and vendor hold"}
	}
	return !stopped, err
}
