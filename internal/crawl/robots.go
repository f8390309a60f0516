package crawl

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// AdsBot is the user agent of the ads crawler that reviews landing pages.
const AdsBot = "OAI-AdsBot"

// robotsMaxBytes is the part of a robots.txt that is parsed (RFC 9309
// asks crawlers to read at least 500 KiB).
const robotsMaxBytes = 500 << 10

// Robots is a parsed robots.txt (RFC 9309, plus the common Crawl-delay).
type Robots struct {
	groups []robotsGroup
	// Sitemaps are the Sitemap: lines, in order.
	Sitemaps []string
}

type robotsGroup struct {
	agents     []string // lower-case product tokens, "*" included
	rules      []RobotsRule
	crawlDelay time.Duration
}

// RobotsRule is one Allow or Disallow line.
type RobotsRule struct {
	Allow bool
	// Pattern is the path pattern as written ("*" and a final "$" are special).
	Pattern string
	// Line is its 1-based line number; Text the line as written.
	Line int
	Text string
}

// ParseRobots reads a robots.txt. It never fails: lines it does not
// understand are ignored, as crawlers do.
func ParseRobots(data []byte) *Robots {
	if len(data) > robotsMaxBytes {
		data = data[:robotsMaxBytes]
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := &Robots{}
	var cur *robotsGroup
	inAgents := false // the previous meaningful line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), robotsMaxBytes)
	sc.Split(scanRobotsLines)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, strings.ToLower(productToken(val)))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || val == "" {
				continue // rules before any group, and empty rules, match nothing
			}
			cur.rules = append(cur.rules, RobotsRule{Allow: key == "allow", Pattern: val, Line: n, Text: strings.TrimSpace(raw)})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if s, err := strconv.ParseFloat(val, 64); err == nil && s > 0 {
				// Clamped before converting: 1e10 seconds overflows a Duration.
				cur.crawlDelay = time.Duration(min(s, maxCrawlDelay.Seconds()) * float64(time.Second))
			}
		case "sitemap":
			r.Sitemaps = append(r.Sitemaps, val)
		default:
			inAgents = false
		}
	}
	return r
}

// productToken is the name part of a user agent: "oaiq-lint" of
// "oaiq-lint/1.2 (+https://…)".
func productToken(ua string) string {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, "/ ;("); i > 0 {
		ua = ua[:i]
	}
	return ua
}

// RobotsVerdict says whether a user agent may fetch a path, and why.
type RobotsVerdict struct {
	Allowed bool
	// Rule is the deciding line; nil when no rule matched (allowed).
	Rule *RobotsRule
	// Group names the user agent whose group applied: the agent itself,
	// "*", or "" when robots.txt has no group for it.
	Group string
}

// Check applies the groups for userAgent to a path with its query: the
// longest matching rule wins, and Allow wins a tie. A nil Robots allows all.
func (r *Robots) Check(userAgent, pathQuery string) RobotsVerdict {
	if r == nil {
		return RobotsVerdict{Allowed: true}
	}
	rules, group := r.rulesFor(userAgent)
	v := RobotsVerdict{Allowed: true, Group: group}
	target := normalizeEscapes(pathQuery)
	best := -1
	for i := range rules {
		rule := &rules[i]
		pat := normalizeEscapes(rule.Pattern)
		if !matchRobotsPattern(pat, target) {
			continue
		}
		if l := len(pat); l > best || (l == best && rule.Allow && !v.Allowed) {
			best = l
			v.Allowed = rule.Allow
			v.Rule = rule
		}
	}
	return v
}

// CrawlDelay is the Crawl-delay of the group for userAgent (0 if none).
func (r *Robots) CrawlDelay(userAgent string) time.Duration {
	if r == nil {
		return 0
	}
	token := strings.ToLower(productToken(userAgent))
	var d time.Duration
	matched := false
	for _, g := range r.groups {
		if g.has(token) {
			d, matched = max(d, g.crawlDelay), true
		}
	}
	if matched {
		return d
	}
	for _, g := range r.groups {
		if g.has("*") {
			d = max(d, g.crawlDelay)
		}
	}
	return d
}

// rulesFor merges every group naming the agent's product token; without
// one, every "*" group.
func (r *Robots) rulesFor(userAgent string) ([]RobotsRule, string) {
	token := strings.ToLower(productToken(userAgent))
	var out []RobotsRule
	for _, g := range r.groups {
		if g.has(token) {
			out = append(out, g.rules...)
		}
	}
	if out != nil || r.hasGroup(token) {
		return out, productToken(userAgent)
	}
	for _, g := range r.groups {
		if g.has("*") {
			out = append(out, g.rules...)
		}
	}
	if out != nil || r.hasGroup("*") {
		return out, "*"
	}
	return nil, ""
}

func (r *Robots) hasGroup(token string) bool {
	for _, g := range r.groups {
		if g.has(token) {
			return true
		}
	}
	return false
}

func (g *robotsGroup) has(token string) bool {
	for _, a := range g.agents {
		if a == token {
			return true
		}
	}
	return false
}

// matchRobotsPattern matches a path against a robots.txt pattern: a prefix
// match where "*" stands for any run of characters and a final "$" anchors
// the end. Leftmost matching of each literal piece is enough for "*" alone.
func matchRobotsPattern(pat, target string) bool {
	anchored := strings.HasSuffix(pat, "$")
	if anchored {
		pat = pat[:len(pat)-1]
	}
	parts := strings.Split(pat, "*")
	if !strings.HasPrefix(target, parts[0]) {
		return false
	}
	pos := len(parts[0])
	if len(parts) == 1 {
		return !anchored || pos == len(target)
	}
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(target[pos:], p)
		if i < 0 {
			return false
		}
		pos += i + len(p)
	}
	last := parts[len(parts)-1]
	if anchored {
		return len(target)-pos >= len(last) && strings.HasSuffix(target, last)
	}
	return strings.Contains(target[pos:], last)
}

// normalizeEscapes makes a path and a pattern comparable: unreserved
// characters written as %XX are decoded, other escapes upper-cased, and
// raw non-ASCII bytes and spaces escaped.
func normalizeEscapes(s string) string {
	var b strings.Builder
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[v>>4])
				b.WriteByte(hex[v&15])
			}
			i += 2
		case c >= 0x80 || c == ' ':
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// scanRobotsLines splits at every end of line RFC 9309 allows: LF, CR LF
// and a lone CR (old Mac files), which bufio.ScanLines would leave joined.
func scanRobotsLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		// A CR: one line end on its own, or with the LF that follows it.
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // wait: the LF of a CR LF may be in the next read
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}
