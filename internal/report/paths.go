package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// isURL reports whether a finding's file is a fetched page rather than a
// path: machine formats keep URLs exactly as they are.
func isURL(file string) bool {
	u, err := url.Parse(file)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// repoPath returns file as CI systems want it: relative to base when it is
// inside base, with forward slashes. URLs and paths outside base are kept.
func repoPath(base, file string) string {
	if file == "" || isURL(file) {
		return file
	}
	if base != "" && filepath.IsAbs(file) {
		if rel, err := filepath.Rel(base, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			file = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// sarifURI turns a finding's file into an artifactLocation URI and its base
// id: a path relative to the source root is escaped and based on %SRCROOT%;
// an absolute path becomes a file: URI; a URL is kept, only re-escaped
// where it holds characters a URI cannot (a space, non-ASCII letters).
func sarifURI(base, file string) (uri, baseID string) {
	if isURL(file) {
		u, _ := url.Parse(file)
		return u.String(), ""
	}
	p := repoPath(base, file)
	if vol := filepath.VolumeName(p); vol != "" || strings.HasPrefix(p, "/") {
		if vol != "" {
			p = "/" + p
		}
		return (&url.URL{Scheme: "file", Path: p}).String(), ""
	}
	// url.URL escapes each segment and guards a first segment holding a
	// colon with "./", so the result is always a relative reference.
	return (&url.URL{Path: p}).String(), "%SRCROOT%"
}
