// Package discover turns command-line arguments (files, folders, globs, "-"
// and URLs) into the list of targets to lint, in a deterministic order.
package discover

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/glob"
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
}

// HTMLExtensions are read as HTML pages or HTML-like templates.
var HTMLExtensions = []string{
	".html", ".htm", ".xhtml", ".shtml", ".erb", ".ejs", ".liquid", ".njk", ".hbs",
	".handlebars", ".mustache", ".twig", ".jinja", ".j2", ".tmpl", ".gohtml", ".php",
	".jsp", ".aspx", ".cshtml", ".astro",
}

// ScriptExtensions are read as JavaScript.
var ScriptExtensions = []string{".js", ".mjs", ".cjs"}

// SourceExtensions are application source: TypeScript, JSX and
// single-file components (.astro is among the HTML extensions).
var SourceExtensions = []string{".ts", ".mts", ".cts", ".tsx", ".jsx", ".vue", ".svelte"}

// isDeclaration reports TypeScript declaration files (.d.ts, .d.mts,
// .d.cts): types only, never a call.
func isDeclaration(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".d.ts") || strings.HasSuffix(l, ".d.mts") || strings.HasSuffix(l, ".d.cts")
}

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
}

// Error is an argument that named nothing readable.
type Error struct {
	Arg string
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Arg, e.Err) }

// Expand resolves args into targets, in argument order and, within a
// folder, in lexical order. Problems are returned per argument; the rest
// is still expanded.
func Expand(args []string, opts Options) ([]Target, []error) {
	exts := map[string]bool{}
	for _, list := range [][]string{HTMLExtensions, ScriptExtensions, SourceExtensions, opts.Extensions} {
		for _, e := range list {
			exts[e] = true
		}
	}
	var out []Target
	var errs []error
	seen := map[string]bool{}
	add := func(t Target) {
		key := t.Path
		if t.Kind == File {
			key = filepath.Clean(t.Path)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, t)
		}
	}
	for _, arg := range args {
		switch {
		case arg == "-":
			add(Target{Kind: Stdin, Path: "-", Explicit: true})
		case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
			add(Target{Kind: URL, Path: arg, Explicit: true})
		default:
			ts, err := expandPath(arg, exts)
			if err != nil {
				errs = append(errs, &Error{Arg: arg, Err: err})
			}
			for _, t := range ts {
				add(t)
			}
		}
	}
	return out, errs
}

func expandPath(arg string, exts map[string]bool) ([]Target, error) {
	info, err := os.Stat(arg)
	if err != nil {
		if hasGlobMeta(arg) {
			return expandGlob(arg, exts)
		}
		return nil, err
	}
	if !info.IsDir() {
		return []Target{{Kind: File, Path: arg, Explicit: true}}, nil
	}
	return walk(arg, exts)
}

func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// expandGlob supports the shell's wildcards and "**" for any depth, for
// shells (and CI YAML) that pass patterns through unexpanded.
func expandGlob(pattern string, exts map[string]bool) ([]Target, error) {
	slash := filepath.ToSlash(pattern)
	root := "."
	if i := strings.IndexAny(slash, "*?["); i > 0 {
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
	var out []Target
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
		if glob.Match(strings.TrimPrefix(slash, "./"), rel) && (anyExt || exts[strings.ToLower(path.Ext(p))] && !isDeclaration(p)) {
			out = append(out, Target{Kind: File, Path: p, Explicit: true})
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("no file matches the pattern")
	}
	return out, err
}

// walk lists the lintable files under root, honouring .gitignore files
// found on the way and skipping dependency and VCS folders. Symbolic links
// are not followed, so link loops cannot trap the walk.
func walk(root string, exts map[string]bool) ([]Target, error) {
	var rules []ignoreRule
	var out []Target
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
			if data, err := os.ReadFile(filepath.Join(p, ".gitignore")); err == nil {
				rules = append(rules, parseIgnore(base, data)...)
			}
			return nil
		}
		if !d.Type().IsRegular() || ignored(rules, rel, false) {
			return nil
		}
		if exts[strings.ToLower(filepath.Ext(p))] && !isDeclaration(p) {
			out = append(out, Target{Kind: File, Path: p, Root: root})
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}
