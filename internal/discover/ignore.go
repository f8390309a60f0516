package discover

import (
	"bufio"
	"bytes"
	"path"
	"strings"
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
			hit = globMatch(r.pattern, p)
		} else {
			hit = globMatch(r.pattern, path.Base(p))
		}
		if hit {
			out = !r.negate
		}
	}
	return out
}

// globMatch matches a slash-separated path against a pattern in which "**"
// spans any number of folders and other wildcards stay within one.
func globMatch(pattern, name string) bool {
	if !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, name)
		return ok
	}
	pp := strings.Split(pattern, "/")
	np := strings.Split(name, "/")
	return matchParts(pp, np)
}

func matchParts(pp, np []string) bool {
	for len(pp) > 0 {
		if pp[0] == "**" {
			for i := 0; i <= len(np); i++ {
				if matchParts(pp[1:], np[i:]) {
					return true
				}
			}
			return false
		}
		if len(np) == 0 {
			return false
		}
		if ok, _ := path.Match(pp[0], np[0]); !ok {
			return false
		}
		pp, np = pp[1:], np[1:]
	}
	return len(np) == 0
}
