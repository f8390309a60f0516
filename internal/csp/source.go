package csp

import "strings"

// SourceKind tells what a source expression is.
type SourceKind uint8

const (
	// Keyword is a quoted keyword that matches no URL by itself
	// ('unsafe-eval', 'report-sample', …) or that changes how others are read
	// ('unsafe-inline', 'strict-dynamic', 'none').
	Keyword SourceKind = iota
	// Self is 'self': the page's own origin.
	Self
	// Star is "*": any network URL.
	Star
	// Scheme is a scheme source such as "https:".
	Scheme
	// Host is a host source: [scheme://]host[:port][/path].
	Host
	// Nonce is 'nonce-…'.
	Nonce
	// Hash is 'sha256-…', 'sha384-…' or 'sha512-…'.
	Hash
	// Templated is an expression holding template syntax ({{ … }}, <%= … %>):
	// what it will be once rendered is unknown.
	Templated
)

// Source is one valid source expression.
type Source struct {
	Kind SourceKind
	// Raw is the expression as written.
	Raw string
	// Keyword is the lower-case keyword without quotes ("unsafe-inline").
	Keyword string
	// Scheme (lower case, no colon), Host (lower case, may start with "*."
	// or be "*"), Port ("" for the default, "*" for any) and Path for scheme
	// and host sources.
	Scheme, Host, Port, Path string
	// Value is the nonce, or the base64 digest of a hash source; Algorithm
	// is "sha256", "sha384" or "sha512".
	Value, Algorithm string
}

var templateMarks = []string{"{{", "}}", "{%", "%}", "<%", "%>", "<?", "?>", "${"}

// looksTemplated reports whether s carries server- or client-template
// syntax, so its rendered value is unknown.
func looksTemplated(s string) bool {
	for _, m := range templateMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// parseSource reads one source expression per the CSP3 grammar; ok is false
// for expressions browsers ignore.
func parseSource(expr string) (Source, bool) {
	if looksTemplated(expr) {
		return Source{Kind: Templated, Raw: expr}, true
	}
	if len(expr) >= 2 && expr[0] == '\'' && expr[len(expr)-1] == '\'' {
		return parseQuoted(expr)
	}
	if expr == "*" {
		return Source{Kind: Star, Raw: expr}, true
	}
	if strings.HasSuffix(expr, ":") {
		scheme := strings.ToLower(expr[:len(expr)-1])
		if !isScheme(scheme) {
			return Source{}, false
		}
		return Source{Kind: Scheme, Raw: expr, Scheme: scheme}, true
	}
	return parseHost(expr)
}

func parseQuoted(expr string) (Source, bool) {
	inner := expr[1 : len(expr)-1]
	lower := strings.ToLower(inner)
	switch lower {
	case "self":
		return Source{Kind: Self, Raw: expr, Keyword: lower}, true
	case "none", "unsafe-inline", "strict-dynamic", "unsafe-eval", "unsafe-hashes",
		"report-sample", "wasm-unsafe-eval", "unsafe-allow-redirects", "inline-speculation-rules",
		"trusted-types-eval", "report-sha256", "report-sha384", "report-sha512":
		return Source{Kind: Keyword, Raw: expr, Keyword: lower}, true
	}
	if strings.HasPrefix(lower, "nonce-") {
		v := inner[len("nonce-"):]
		if !isBase64Value(v) {
			return Source{}, false
		}
		return Source{Kind: Nonce, Raw: expr, Value: v}, true
	}
	for _, alg := range []string{"sha256", "sha384", "sha512"} {
		if strings.HasPrefix(lower, alg+"-") {
			v := inner[len(alg)+1:]
			if !isBase64Value(v) {
				return Source{}, false
			}
			return Source{Kind: Hash, Raw: expr, Algorithm: alg, Value: v}, true
		}
	}
	return Source{}, false
}

// parseHost reads [scheme "://"] host-part [":" port-part] [path-part].
func parseHost(expr string) (Source, bool) {
	s := Source{Kind: Host, Raw: expr}
	rest := expr
	if i := strings.Index(rest, "://"); i >= 0 {
		s.Scheme = strings.ToLower(rest[:i])
		if !isScheme(s.Scheme) {
			return Source{}, false
		}
		rest = rest[i+3:]
	}
	hostEnd := strings.IndexAny(rest, ":/")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	s.Host = strings.ToLower(rest[:hostEnd])
	if !isHostPart(s.Host) {
		return Source{}, false
	}
	rest = rest[hostEnd:]
	if strings.HasPrefix(rest, ":") {
		end := strings.IndexByte(rest, '/')
		if end < 0 {
			end = len(rest)
		}
		s.Port = rest[1:end]
		if !isPortPart(s.Port) {
			return Source{}, false
		}
		rest = rest[end:]
	}
	if rest != "" && (rest[0] != '/' || strings.HasPrefix(rest, "//")) {
		return Source{}, false
	}
	s.Path = rest
	return s, true
}

func isScheme(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func isHostPart(h string) bool {
	if h == "*" {
		return true
	}
	h = strings.TrimPrefix(h, "*.")
	h = strings.TrimSuffix(h, ".")
	if h == "" {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(isAlpha(c) || isDigit(c) || c == '-') {
				return false
			}
		}
	}
	return true
}

func isPortPart(p string) bool {
	if p == "*" {
		return true
	}
	if p == "" {
		return false
	}
	for i := 0; i < len(p); i++ {
		if !isDigit(p[i]) {
			return false
		}
	}
	return true
}

// isBase64Value accepts base64 and base64url, with up to two "=".
func isBase64Value(v string) bool {
	body := strings.TrimRight(v, "=")
	if body == "" || len(v)-len(body) > 2 {
		return false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
