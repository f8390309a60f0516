package pii

import "regexp"

// bearer is an Authorization header's credential (the Conversions API key
// among them), and keyParam an API key or token in a URL's query.
var (
	bearer   = regexp.MustCompile(`(?i)\bbearer\s+([A-Za-z0-9._~+/=-]{6,})`)
	keyParam = regexp.MustCompile(`(?i)[?&](?:api[_-]?key|access[_-]?token|token|secret)=([^&"'\s\\#]+)`)
)

// redactSecrets masks credentials character for character ('*'), so text
// keeps its length and a code frame's marker stays under its span.
func redactSecrets(s string) string {
	for _, re := range []*regexp.Regexp{bearer, keyParam} {
		if !re.MatchString(s) {
			continue
		}
		b := []byte(s)
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			for i := m[2]; i < m[3]; i++ {
				b[i] = '*'
			}
		}
		s = string(b)
	}
	return s
}
