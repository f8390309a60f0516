// Package suggest measures how far apart two names are, for did-you-mean
// messages in rules and commands.
package suggest

import (
	"fmt"
	"strings"
)

// Distance is the Levenshtein distance over runes, with adjacent
// transpositions counted as one edit (the commonest typo).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Nearest returns the candidate closest to s by edit distance, ignoring
// case, when it is close enough to be a typo (at most a third of the longer
// word, and at most 3 edits); "" otherwise.
func Nearest(s string, candidates []string) string {
	best, bestD := "", 4
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := Distance(ls, strings.ToLower(c))
		limit := max(len(ls), len(c)) / 3
		if d <= limit && d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Closest returns the ids nearest to id by edit distance (within a third
// of its length), or those containing it, at most three, quoted.
func Closest(id string, ids []string) []string {
	best, bestDist := []string(nil), len(id)/3+2
	for _, c := range ids {
		d := Distance(id, c)
		switch {
		case d < bestDist:
			best, bestDist = []string{c}, d
		case d == bestDist:
			best = append(best, c)
		}
	}
	if len(best) == 0 && len(id) >= 3 {
		for _, c := range ids {
			if strings.Contains(c, id) {
				best = append(best, c)
			}
		}
	}
	if len(best) > 3 {
		best = best[:3]
	}
	for i, b := range best {
		best[i] = fmt.Sprintf("%q", b)
	}
	return best
}
