package csp

import (
	"net/url"
	"strings"
)

// Origin is the page the policy protects. The zero Origin is unknown: a
// local file whose deployed address is not known.
type Origin struct {
	Scheme, Host, Port string
}

// ParseOrigin returns the origin of an absolute http(s) page URL, or the
// unknown Origin for anything else.
func ParseOrigin(pageURL string) Origin {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return Origin{}
	}
	return Origin{Scheme: u.Scheme, Host: strings.ToLower(u.Hostname()), Port: effectivePort(u.Scheme, u.Port())}
}

// Known reports whether the origin was given.
func (o Origin) Known() bool { return o.Scheme != "" }

// target is a parsed request URL.
type target struct {
	scheme, host, port, path string
}

func parseTarget(raw string, page Origin) (target, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return target{}, false
	}
	if !u.IsAbs() {
		// Relative URLs resolve against the page: unknowable without it.
		if !page.Known() {
			return target{}, false
		}
		base := &url.URL{Scheme: page.Scheme, Host: page.Host}
		if page.Port != defaultPort(page.Scheme) {
			base.Host += ":" + page.Port
		}
		u = base.ResolveReference(u)
	}
	p := u.EscapedPath()
	if p == "" && u.Opaque == "" {
		p = "/"
	}
	scheme := strings.ToLower(u.Scheme)
	return target{scheme: scheme, host: strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), port: effectivePort(scheme, u.Port()), path: p}, true
}

func defaultPort(scheme string) string {
	switch scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	}
	return ""
}

func effectivePort(scheme, port string) string {
	if port == "" {
		return defaultPort(scheme)
	}
	return strings.TrimLeft(port, "0")
}

// match is the outcome of one expression against one URL.
type match uint8

const (
	noMatch match = iota
	matches
	undecided
)

// matchList runs CSP3 "does url match source list": any expression that
// matches lets the URL through.
func matchList(d *Directive, t target, page Origin) Verdict {
	var undec []Source
	for _, s := range d.Sources {
		switch matchSource(s, t, page) {
		case matches:
			return allowed(d.Name)
		case undecided:
			undec = append(undec, s)
		}
	}
	if len(undec) > 0 {
		return Verdict{Result: Unknown, Directive: d.Name, Undecided: undec,
			Reason: "whether " + sourceList(undec) + " matches depends on " + undecidedWhy(undec)}
	}
	return blocked(d.Name, d.Name+" has no source that matches "+t.origin())
}

func (t target) origin() string {
	s := t.scheme + "://" + t.host
	if t.port != defaultPort(t.scheme) {
		s += ":" + t.port
	}
	return s
}

func matchSource(s Source, t target, page Origin) match {
	switch s.Kind {
	case Templated:
		return undecided
	case Star:
		if isHTTPScheme(t.scheme) || (page.Known() && page.Scheme == t.scheme) {
			return matches
		}
		return noMatch
	case Scheme:
		if schemeMatches(s.Scheme, t.scheme) {
			return matches
		}
		return noMatch
	case Self:
		return matchSelf(t, page)
	case Host:
		return matchHost(s, t, page)
	}
	return noMatch
}

func isHTTPScheme(s string) bool { return s == "http" || s == "https" }

// schemeMatches is CSP3 "scheme-part match": equal, or a secure upgrade.
func schemeMatches(expr, url string) bool {
	switch {
	case expr == url:
		return true
	case expr == "http":
		return url == "https"
	case expr == "ws":
		return url == "wss" || url == "http" || url == "https"
	case expr == "wss":
		return url == "https"
	}
	return false
}

func matchSelf(t target, page Origin) match {
	if !page.Known() {
		return undecided
	}
	if t.host != page.Host {
		return noMatch
	}
	if t.scheme == page.Scheme && t.port == page.Port {
		return matches
	}
	// A secure upgrade of the page's own origin on default ports.
	upgraded := (page.Scheme == "http" && (t.scheme == "https" || t.scheme == "wss")) ||
		(page.Scheme == "https" && t.scheme == "wss")
	if upgraded && page.Port == defaultPort(page.Scheme) && t.port == defaultPort(t.scheme) {
		return matches
	}
	return noMatch
}

func matchHost(s Source, t target, page Origin) match {
	if t.host == "" {
		return noMatch
	}
	result := matches
	if s.Scheme != "" {
		if !schemeMatches(s.Scheme, t.scheme) {
			return noMatch
		}
	} else if page.Known() {
		if !schemeMatches(page.Scheme, t.scheme) {
			return noMatch
		}
	} else if t.scheme != "https" {
		// A web page is served over http or https; both let a scheme-less
		// source reach https, but only an http page lets it reach http.
		if t.scheme != "http" {
			return noMatch
		}
		result = undecided
	}
	if !hostMatches(s.Host, t.host) || !portMatches(s, t) || !pathMatches(s.Path, t.path) {
		return noMatch
	}
	return result
}

func hostMatches(pattern, host string) bool {
	pattern = strings.TrimSuffix(pattern, ".")
	if pattern == "*" {
		return true
	}
	if rest, ok := strings.CutPrefix(pattern, "*"); ok {
		return strings.HasSuffix(host, rest)
	}
	return pattern == host
}

// portMatches is CSP3 "port-part match": no port means the default port of
// the URL's scheme, which also lets an http source reach https on 443.
func portMatches(s Source, t target) bool {
	switch s.Port {
	case "*":
		return true
	case "":
		return t.port == defaultPort(t.scheme)
	}
	p := strings.TrimLeft(s.Port, "0")
	return p == t.port
}

// pathMatches is CSP3 "path-part match": a path ending in "/" is a prefix,
// any other path must match exactly, segment by decoded segment.
func pathMatches(pattern, path string) bool {
	if pattern == "" || (pattern == "/" && path == "") {
		return true
	}
	exact := !strings.HasSuffix(pattern, "/")
	a := strings.Split(pattern, "/")
	b := strings.Split(path, "/")
	if len(a) > len(b) || (exact && len(a) != len(b)) {
		return false
	}
	if !exact {
		a = a[:len(a)-1]
	}
	for i := range a {
		pa, err1 := url.PathUnescape(a[i])
		pb, err2 := url.PathUnescape(b[i])
		if err1 != nil {
			pa = a[i]
		}
		if err2 != nil {
			pb = b[i]
		}
		if pa != pb {
			return false
		}
	}
	return true
}

func sourceList(ss []Source) string {
	raw := make([]string, len(ss))
	for i, s := range ss {
		raw[i] = s.Raw
	}
	return strings.Join(raw, " ")
}

func undecidedWhy(ss []Source) string {
	var why []string
	for _, s := range ss {
		var w string
		switch s.Kind {
		case Self:
			w = "the page's origin, which is not known"
		case Templated:
			w = "what the template renders"
		case Host:
			w = "whether the page is served over http or https"
		}
		if w != "" && !contains(why, w) {
			why = append(why, w)
		}
	}
	return strings.Join(why, " and ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
