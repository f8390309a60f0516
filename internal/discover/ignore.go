package discover

import (
	"bufio"
	"bytes"
	"path"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/glob"
)

// ignoreRule is one line of a .gitignore file, in the subset that matters
// for site trees: globs with *, ? and [..], "**" across directories, a
// leading or inner "/" anchoring to the file's folder, a trailing "/" for
// directories only, and "!" to re-include.
type ignoreRule struct {
	base     string // folder of the .gitignore, slash-separated, "" for the root
	pattern  string
	anchored bool
	dirOnly  bool
	negate   bool
}

func parseIgnore(base string, data []byte) []ignoreRule {
	var rules []ignoreRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{base: base}
		if strings.HasPrefix(line, "!") {
			r.negate = true
			line = line[1:]
		}
		line = strings.TrimPrefix(line, `\`)
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimSuffix(line, "/")
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		if line == "" {
			continue
		}
		r.pattern = line
		rules = append(rules, r)
	}
	return rules
}

// ignored applies rules in order (the last match wins, as in git) to a
// slash-separated path relative to the walk root.
func ignored(rules []ignoreRule, rel string, isDir bool) bool {
	out := false
	for _, r := range rules {
		if r.dirOnly && !isDir {
			continue
		}
		p := rel
		if r.base != "" {
			if !strings.HasPrefix(rel, r.base+"/") {
				continue
			}
			p = rel[len(r.base)+1:]
		}
		var hit bool
		if r.anchored {
			hit = glob.MatchGitignore(r.pattern, p)
		} else {
			hit = glob.MatchGitignore(r.pattern, path.Base(p))
		}
		if hit {
			out = !r.negate
		}
	}
	return out
}
