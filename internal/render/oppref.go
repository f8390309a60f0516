package render

import (
	"fmt"
	"net/url"
	"strings"
)

// OpprefProbe is the test value added as ?oppref=… to every page rendered,
// the same value the crawler uses.
const OpprefProbe = "oaiq-lint-probe"

// withProbe adds oppref=<probe> to raw's query, keeping what is there.
func withProbe(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("--render needs an http(s) URL, got %q", raw)
	}
	q := u.Query()
	if q.Has("oppref") {
		return raw, nil // the page's own value is kept and checked
	}
	if u.RawQuery != "" {
		u.RawQuery += "&"
	}
	u.RawQuery += "oppref=" + OpprefProbe
	return u.String(), nil
}

// hasOppref reports whether raw still carries an oppref value.
func hasOppref(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Query().Get("oppref") != ""
}

// stripProbe removes the probe parameter this package added, so the
// addresses shown in findings are the page's own.
func stripProbe(raw string) string {
	i := strings.Index(raw, "oppref="+OpprefProbe)
	if i < 1 {
		return raw
	}
	end := i + len("oppref="+OpprefProbe)
	if end < len(raw) && raw[end] != '&' && raw[end] != '#' {
		return raw // a longer value: not ours
	}
	switch {
	case raw[i-1] == '&':
		return raw[:i-1] + raw[end:]
	case raw[i-1] == '?' && end < len(raw) && raw[end] == '&':
		return raw[:i] + raw[end+1:]
	case raw[i-1] == '?':
		return raw[:i-1] + raw[end:]
	}
	return raw
}
