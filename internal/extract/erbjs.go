package extract

import (
	"bytes"
	"regexp"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
)

// Rails' <%= javascript_tag … do %> BODY <% end %> prints
// <script>BODY</script>: rewriting the two tags in the masked page to a
// start and an end tag of the same lengths lets BODY be read as the inline
// script it becomes, at its place in the page.
var (
	erbJSTagOpen = regexp.MustCompile(`^<%[=-]\s*javascript_tag\b.*\bdo(?:\s*\|[^|]*\|)?\s*-?%>$`)
	erbEnd       = regexp.MustCompile(`^<%-?\s*end\s*-?%>$`)
	// erbBlockOpen are the Ruby lines an `end` closes.
	erbBlockOpen = regexp.MustCompile(`^<%[=-]?\s*(?:(?:if|unless|case|while|until|for|begin)\b|.*\bdo(?:\s*\|[^|]*\|)?\s*-?%>$)`)
	erbNonceTrue = regexp.MustCompile(`\bnonce:\s*true\b|:nonce\s*=>\s*true\b`)
)

// erbScriptBlocks rewrites every javascript_tag do-block of text in masked
// (same length) and returns the rewritten tags' start offsets; the value
// is the helper tag when it asks for the page's nonce (nonce: true), else "".
func erbScriptBlocks(text, masked []byte, spans []tmpl.Span) map[int]string {
	if !bytes.Contains(text, []byte("javascript_tag")) {
		return nil
	}
	var out map[int]string
	for i, s := range spans {
		open := text[s.Start:s.End]
		if !erbJSTagOpen.Match(open) || len(open) < len("<script>") {
			continue
		}
		j := matchingEnd(text, spans, i)
		if j < 0 || spans[j].End-spans[j].Start < len("</script>") {
			continue
		}
		rewriteTag(masked[s.Start:s.End], "<script")
		rewriteTag(masked[spans[j].Start:spans[j].End], "</script")
		if out == nil {
			out = map[int]string{}
		}
		out[s.Start] = ""
		if erbNonceTrue.Match(open) {
			out[s.Start] = string(open)
		}
	}
	return out
}

// matchingEnd returns the index of the ERB `end` that closes spans[i].
func matchingEnd(text []byte, spans []tmpl.Span, i int) int {
	depth := 1
	for j := i + 1; j < len(spans); j++ {
		tag := text[spans[j].Start:spans[j].End]
		switch {
		case erbEnd.Match(tag):
			depth--
			if depth == 0 {
				return j
			}
		case erbBlockOpen.Match(tag):
			depth++
		}
	}
	return -1
}

// rewriteTag writes name, blanks and ">" over b (newlines kept).
func rewriteTag(b []byte, name string) {
	copy(b, name)
	for k := len(name); k < len(b)-1; k++ {
		if b[k] != '\n' && b[k] != '\r' {
			b[k] = ' '
		}
	}
	b[len(b)-1] = '>'
}
