package eventlog

import (
	"bytes"
	"regexp"
	"unicode/utf8"
)

// Secrets in request records (an Authorization header with the
// Conversions API key, cookies, a key in a URL) are masked before the log
// is parsed, so no finding, code frame or format can print them. Each
// character becomes one '*', so every line and column stays where it was.
var secretPatterns = []struct {
	// hint is a lowercase word every match contains, checked before the
	// expression runs: most logs hold none of them.
	hint string
	re   *regexp.Regexp
}{
	{"bearer", regexp.MustCompile(`(?i)\bbearer\s+([A-Za-z0-9._~+/=-]+)`)},
	// Quotes may be escaped: a body logged as a JSON string.
	{"", regexp.MustCompile(`(?i)\\?"(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[_-]?key|apikey|access[_-]?token|client[_-]?secret|secret|password)\\?"\s*:\s*\\?"((?:[^"\\]|\\[^"])*)`)},
	{"", regexp.MustCompile(`(?i)"name"\s*:\s*"(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\[^"])*)"`)},
	{"", regexp.MustCompile(`(?i)[?&](?:api[_-]?key|key|access[_-]?token|token|secret)=([^&"\s\\#]+)`)},
	{"cookies", regexp.MustCompile(`(?i)"cookies"\s*:\s*\[([^\]]*)\]`)},
}

// secretWords prefilter the patterns without a hint of their own.
var secretWords = []string{"authorization", "cookie", "key", "token", "secret", "password"}

// prefilterWords are every word the patterns are prefiltered on, and
// wordsByFirst their indexes by first letter.
var prefilterWords, wordsByFirst = func() ([]string, [256][]int) {
	words := append([]string(nil), secretWords...)
	for _, p := range secretPatterns {
		if p.hint != "" {
			words = append(words, p.hint)
		}
	}
	var by [256][]int
	for i, w := range words {
		by[w[0]] = append(by[w[0]], i)
	}
	return words, by
}()

// secretWordsIn tells which prefilter words text holds, in any case, in
// one pass and without a lower-cased copy (every piece of every log is
// read here). Two non-ASCII letters fold to ASCII ones in the patterns'
// case-insensitive matching (the Kelvin sign to k, the long s to s): text
// holding either counts as holding every word.
func secretWordsIn(text []byte) map[string]bool {
	found := map[string]bool{}
	if bytes.Contains(text, []byte("\u212a")) || bytes.Contains(text, []byte("\u017f")) {
		for _, w := range prefilterWords {
			found[w] = true
		}
		return found
	}
	var seen uint64 // by index in prefilterWords
	for i := 0; i < len(text); i++ {
		for _, k := range wordsByFirst[text[i]|0x20] {
			if seen&(1<<k) == 0 && hasFoldedPrefix(text[i:], prefilterWords[k]) {
				seen |= 1 << k
			}
		}
	}
	for k, w := range prefilterWords {
		if seen&(1<<k) != 0 {
			found[w] = true
		}
	}
	return found
}

// hasFoldedPrefix reports whether b starts with the lower-case ASCII word w,
// in any case.
func hasFoldedPrefix(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for j := 1; j < len(w); j++ {
		if b[j]|0x20 != w[j] {
			return false
		}
	}
	return true
}

var cookieValue = regexp.MustCompile(`"value"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// maskSecrets returns text with every secret value masked, or text itself
// when it holds none.
func maskSecrets(text []byte) []byte {
	found := secretWordsIn(text)
	has := func(word string) bool { return found[word] }
	anyWord := false
	for _, w := range secretWords {
		if has(w) {
			anyWord = true
			break
		}
	}
	var spans [][2]int
	for _, p := range secretPatterns {
		if p.hint != "" && !has(p.hint) || p.hint == "" && !anyWord {
			continue
		}
		for _, m := range p.re.FindAllSubmatchIndex(text, -1) {
			if p.hint == "cookies" {
				for _, c := range cookieValue.FindAllSubmatchIndex(text[m[2]:m[3]], -1) {
					spans = append(spans, [2]int{m[2] + c[2], m[2] + c[3]})
				}
				continue
			}
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	if len(spans) == 0 {
		return text
	}
	out := append([]byte(nil), text...)
	for _, s := range spans {
		maskRunes(out, s[0], s[1])
	}
	return out
}

// maskRunes masks each rune of b[start:end] in place with a mask of the
// same byte length ('*', or a wider sign for a wider rune), so byte
// offsets, lines and columns all stay what they were.
func maskRunes(b []byte, start, end int) {
	for i := start; i < end; {
		_, size := utf8.DecodeRune(b[i:end])
		copy(b[i:i+size], masks[size])
		i += size
	}
}

// masks by byte length: one rune each.
var masks = [...]string{1: "*", 2: "\u00b7", 3: "\u2217", 4: "\U0001F512"}
