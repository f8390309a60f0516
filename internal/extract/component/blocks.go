package component

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// ScriptBlock is one <script> element of a Vue or Svelte component.
type ScriptBlock struct {
	// Start and End are the element's bytes; TextStart and TextEnd its code.
	Start, End, TextStart, TextEnd int
	// Lang is the lang attribute ("ts", "tsx", "" for JavaScript).
	Lang string
	// Type is the type attribute.
	Type string
	// Markup is true for a <script> inside the component's markup (rendered
	// into the page as is), false for the component's own script block.
	Markup bool
	// InHead is true inside <svelte:head> or <head>.
	InHead bool
	// ServerToo is true for a Svelte module script (<script context="module">,
	// <script module>), which also runs on the server, at import.
	ServerToo bool
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// Blocks lists the <script> elements of a single-file component, with how
// deeply they are nested: the top-level ones are the component's code.
func Blocks(src []byte) []ScriptBlock {
	var out []ScriptBlock
	z := html.NewTokenizer(bytes.NewReader(src))
	off, depth, head := 0, 0, 0
	var open *ScriptBlock
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := len(z.Raw())
		name, _ := z.TagName()
		tag := string(name)
		switch tt {
		case html.StartTagToken:
			if tag == "script" {
				b := ScriptBlock{Start: off, TextStart: off + raw, Markup: depth > 0, InHead: head > 0}
				for {
					k, v, more := z.TagAttr()
					switch string(k) {
					case "lang":
						b.Lang = strings.ToLower(string(v))
					case "type":
						b.Type = strings.ToLower(string(v))
					case "context":
						b.ServerToo = b.ServerToo || strings.EqualFold(string(v), "module")
					case "module":
						b.ServerToo = true
					}
					if !more {
						break
					}
				}
				open = &b
			} else if !voidElements[tag] {
				depth++
				if tag == "svelte:head" || tag == "head" {
					head++
				}
			}
		case html.EndTagToken:
			if tag == "script" && open != nil {
				open.TextEnd, open.End = off, off+raw
				out = append(out, *open)
				open = nil
			} else if !voidElements[tag] && depth > 0 {
				depth--
				if (tag == "svelte:head" || tag == "head") && head > 0 {
					head--
				}
			}
		}
		off += raw
	}
}

// Frontmatter returns the code between an Astro file's leading "---"
// fences, as byte offsets; ok is false when there is none.
func Frontmatter(src []byte) (start, end int, ok bool) {
	i := 0
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	if !bytes.HasPrefix(src[i:], []byte("---")) {
		return 0, 0, false
	}
	start = i + 3
	for j := start; j < len(src); {
		nl := bytes.IndexByte(src[j:], '\n')
		if nl < 0 {
			return 0, 0, false
		}
		line := j + nl + 1
		if bytes.HasPrefix(src[line:], []byte("---")) {
			return start, line, true
		}
		j = line
	}
	return 0, 0, false
}
