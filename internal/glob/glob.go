// Package glob matches slash-separated paths against patterns in which
// "**" spans any number of folders and *, ? and [..] stay within one, the
// way .gitignore files and CI configurations write them.
package glob

import (
	"path"
	"strings"
)

// Match reports whether name matches pattern.
func Match(pattern, name string) bool {
	if !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, name)
		return ok
	}
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

// Valid reports whether pattern is well formed.
func Valid(pattern string) bool {
	_, err := path.Match(strings.ReplaceAll(pattern, "**", "*"), "")
	return err == nil
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
