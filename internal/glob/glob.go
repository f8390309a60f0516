// Package glob matches slash-separated paths against glob patterns: "**"
// spans any number of folders; *, ? and [...] (negated by [!...] or [^...])
// stay within one folder; {a,b} offers alternatives. Matching is
// doublestar's, a maintained implementation with its own test suite; this
// package only fixes the dialect of each place patterns come from.
package glob

import (
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Match reports whether name matches pattern, as arguments and the
// configuration's ignore list write them. A malformed pattern matches
// nothing (Valid tells it apart).
func Match(pattern, name string) bool {
	ok, err := doublestar.Match(pattern, name)
	return ok && err == nil
}

// MatchGitignore matches the way git reads a .gitignore pattern: as Match,
// except that braces are ordinary characters (git's wildmatch has no
// alternatives), so "{a,b}.js" ignores only a file of that very name.
func MatchGitignore(pattern, name string) bool {
	return Match(literalBraces(pattern), name)
}

// Valid reports whether pattern is well formed.
func Valid(pattern string) bool {
	return doublestar.ValidatePattern(pattern)
}

// literalBraces escapes the braces of pattern that are not escaped yet.
func literalBraces(pattern string) string {
	if !strings.ContainsAny(pattern, "{}") {
		return pattern
	}
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '\\' && i+1 < len(pattern) {
			b.WriteByte(c)
			i++
			b.WriteByte(pattern[i])
			continue
		}
		if c == '{' || c == '}' {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
