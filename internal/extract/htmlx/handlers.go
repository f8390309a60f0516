package htmlx

import (
	"bytes"
	"strings"
)

// Handler is an attribute whose value runs as script when the user acts:
// an event handler (onclick="…") or a javascript: URL (href="javascript:…").
type Handler struct {
	Attr Attr
	// URL is true for a javascript: URL; its code starts after the scheme.
	URL bool
}

// mentions finds the pixel's name in a page, forward only: the scan asks
// whether a start tag holds one without searching each tag.
type mentions struct {
	text []byte
	next int // offset of the next mention, -1 when none is left
}

func newMentions(text []byte) mentions {
	return mentions{text: text, next: indexPixel(text, 0)}
}

// indexPixel returns the offset of the first "oaiq" at or after from, -1
// when none. It looks for the rare "q" rather than the common "o", which
// bytes.Index would stop at in every word of prose.
func indexPixel(text []byte, from int) int {
	for i := from + 3; i < len(text); {
		k := bytes.IndexByte(text[i:], 'q')
		if k < 0 {
			return -1
		}
		i += k
		if string(text[i-3:i]) == "oai" {
			return i - 3
		}
		i++
	}
	return -1
}

// within reports whether a mention lies in [start, end); calls come with
// start never decreasing.
func (m *mentions) within(start, end int) bool {
	if m.next >= 0 && m.next < start {
		m.next = indexPixel(m.text, start)
	}
	return m.next >= 0 && m.next < end
}

// handlers returns the event-handler attributes and javascript: URLs of a
// start tag that mention the pixel.
func handlers(attrs []Attr, text []byte) []Handler {
	var out []Handler
	for _, a := range attrs {
		if !a.HasValue || !bytes.Contains(text[a.ValStart:a.ValEnd], []byte("oaiq")) {
			continue
		}
		switch {
		case isEventHandler(a.Name):
			out = append(out, Handler{Attr: a})
		case isURLAttr(a.Name) && hasJSScheme(a.Value):
			out = append(out, Handler{Attr: a, URL: true})
		}
	}
	return out
}

// isEventHandler tells on* attributes (onclick, onsubmit) and Vue's
// @click / v-on:click and Svelte's on:click directives.
func isEventHandler(name string) bool {
	switch {
	case strings.HasPrefix(name, "on:"), strings.HasPrefix(name, "v-on:"):
		return len(name) > 3
	case strings.HasPrefix(name, "@"):
		return len(name) > 1
	case strings.HasPrefix(name, "on"):
		for _, c := range name[2:] {
			if c < 'a' || c > 'z' {
				return false
			}
		}
		return len(name) > 2
	}
	return false
}

func isURLAttr(name string) bool {
	return name == "href" || name == "action" || name == "formaction" || name == "src" || name == "xlink:href"
}

// hasJSScheme reports a javascript: URL; browsers ignore leading and
// embedded ASCII whitespace and control characters in the scheme.
func hasJSScheme(v string) bool {
	var b strings.Builder
	for i := 0; i < len(v) && b.Len() < len("javascript:"); i++ {
		if c := v[i]; c > ' ' {
			b.WriteByte(c | 0x20)
		}
	}
	return b.String() == "javascript:"
}
