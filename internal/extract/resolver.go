package extract

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
)

// DirResolver reads external scripts from the file system: "/js/x.js"
// from the site root, "js/x.js" and "../x.js" from the page's directory.
// URLs with a scheme or host are left to the caller (reason "remote").
// Nothing outside the site root (the page's directory when there is no
// root) is read, whether ".." or a symbolic link leads there: a page
// cannot make the linter quote files it was not given.
type DirResolver struct {
	// PageDir is the directory of the page being read.
	PageDir string
	// Root is the site root for absolute paths; "" leaves them unresolved.
	Root string
	// MaxSize caps the bytes read per script (0: 8 MiB).
	MaxSize int64
}

// Resolve implements Resolver.
func (r DirResolver) Resolve(src string) ([]byte, string, bool, string) {
	p := src
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	switch {
	case p == "":
		return nil, "", false, "empty src"
	case strings.HasPrefix(p, "//") || strings.Contains(p, "://") || strings.HasPrefix(p, "data:"):
		return nil, "", false, "remote script, not fetched"
	case strings.HasPrefix(p, "/"):
		if r.Root == "" {
			return nil, "", false, "absolute path and no site root given"
		}
		p = filepath.Join(r.Root, filepath.FromSlash(p))
	default:
		p = filepath.Join(r.PageDir, filepath.FromSlash(p))
	}
	if reason := r.escapes(p); reason != "" {
		return nil, "", false, reason
	}
	max := r.MaxSize
	if max <= 0 {
		max = 8 << 20
	}
	st, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", false, "file not found: " + filepath.ToSlash(p)
	case err != nil:
		return nil, "", false, err.Error()
	case st.IsDir():
		return nil, "", false, "is a directory: " + filepath.ToSlash(p)
	case st.Size() > max:
		return nil, "", false, "file too large to read"
	}
	data, err := boundedio.ReadFile(p, max)
	var tooLarge *boundedio.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return nil, "", false, "file too large to read"
	case errors.Is(err, boundedio.ErrNotRegular):
		return nil, "", false, "not a regular file: " + filepath.ToSlash(p)
	case err != nil:
		return nil, "", false, err.Error()
	}
	return data, filepath.ToSlash(p), true, ""
}

// escapes says why p, a path the page asked for, lies outside the folder
// scripts may be read from ("" when it does not).
func (r DirResolver) escapes(p string) string {
	base, what := r.Root, "the site root (--root)"
	if base == "" {
		base, what = r.PageDir, "the page's folder (give --root to read scripts from above it)"
	}
	if base == "" {
		base = "."
	}
	if !within(base, p) {
		return "path " + leadsOutside + " " + what + "; not read"
	}
	// A symbolic link inside may point outside: compare where both lead.
	realBase, err1 := filepath.EvalSymlinks(base)
	realP, err2 := filepath.EvalSymlinks(p)
	if err1 == nil && err2 == nil && !within(realBase, realP) {
		return "symbolic link " + leadsOutside + " " + what + "; not read"
	}
	return ""
}

// leadsOutside is in the reason of every script refused for escaping the
// folder scripts may be read from (page facts mark them OutsideRoot).
const leadsOutside = "leads outside"

// within tells whether path p lies in folder base.
func within(base, p string) bool {
	absBase, err1 := filepath.Abs(base)
	absP, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absBase, absP)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
