// Package extract reads HTML pages, HTML-like templates and scripts into
// model.Documents: every pixel call with exact positions in the original
// file, and the page facts (loaders, policies, tag managers, unresolved
// scripts, direct server requests) the page rules judge.
//
// Pipeline per page: decode (charset) → mask template tags (same length) →
// tokenize HTML (byte offsets) → parse only the scripts that mention the
// pixel (goja) → model. External scripts are read through a Resolver and
// spliced in where their <script src> stands.
package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Kind tells how to read an input.
type Kind uint8

const (
	// Auto decides by file extension, then by content (Sniff).
	Auto Kind = iota
	// HTML reads a page, template or fragment.
	HTML
	// JS reads a script file.
	JS
	// Module reads application source through esbuild: ES modules,
	// TypeScript, JSX and TSX (by extension).
	Module
	// Component reads a Vue, Svelte or Astro single-file component.
	Component
	// Markdown reads the fenced code blocks of a Markdown or MDX file.
	Markdown
)

// Options describe where an input came from.
type Options struct {
	// ContentType is the HTTP Content-Type header, for its charset.
	ContentType string
	// CSPHeaders and CSPReportOnlyHeaders are the page's response headers
	// Content-Security-Policy and Content-Security-Policy-Report-Only.
	CSPHeaders           []string
	CSPReportOnlyHeaders []string
	// URL of the page when it was fetched; set on every call found.
	URL string
	// Resolver reads external scripts; nil leaves them all unresolved.
	Resolver Resolver
	// Kind forces HTML or JS; Auto decides.
	Kind Kind
	// Rendered is set when a browser runs the page: the scripts it injects
	// from strings are seen running, so they are not read from the strings.
	Rendered bool
}

// Resolver reads the script a <script src> names. ok is false when it
// cannot, and reason says why (shown to the user: "not found", "remote").
type Resolver interface {
	Resolve(src string) (data []byte, name string, ok bool, reason string)
}

// File reads one input as HTML or JS according to opts.Kind, the file
// extension, or its content.
func File(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	kind := opts.Kind
	if kind == Auto {
		if lang := otherLanguage(name, data); lang != "" {
			return notRead(name, data, opts, lang)
		}
		kind = KindOf(name, data)
	}
	switch kind {
	case JS:
		return Script(name, data, opts)
	case Module:
		return withImageTags(Source(name, data, opts))
	case Component:
		return withImageTags(SFC(name, data, opts))
	case Markdown:
		return MarkdownDoc(name, data, opts)
	}
	return Page(name, data, opts)
}

// otherLanguage names the language of a file oaiq-lint does not read: by
// its extension (Python, Go, …), or PHP with no markup outside its
// <?php … ?> blocks that mentions the pixel (folder walks pick .php files,
// and a project's other PHP files are no news). "" for everything else.
func otherLanguage(name string, data []byte) string {
	if lang := model.OtherLanguageOf(name); lang != "" {
		return lang
	}
	if strings.EqualFold(filepath.Ext(name), ".php") && mentionsPixel(data) && phpOnly(data) {
		return "PHP"
	}
	return ""
}

// phpOnly reports whether a PHP file is code only: nothing but white
// space outside its <?php … ?> and <?= … ?> blocks (the last may run to
// the end of the file, as PHP files usually do).
func phpOnly(data []byte) bool {
	rest := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	blocks := 0
	for {
		i := bytes.Index(rest, []byte("<?"))
		if i < 0 {
			return blocks > 0 && len(bytes.TrimSpace(rest)) == 0
		}
		if len(bytes.TrimSpace(rest[:i])) > 0 {
			return false
		}
		blocks++
		j := bytes.Index(rest[i:], []byte("?>"))
		if j < 0 {
			return true
		}
		rest = rest[i+j+2:]
	}
}

// notRead is the document of a file in a language oaiq-lint does not
// read: no calls, and the fact that nothing in it was checked.
func notRead(name string, data []byte, opts Options, lang string) (*model.Document, []*source.File) {
	f := source.New(name, decode.Script(data, opts.ContentType).Text)
	doc := &model.Document{Path: name, Kind: model.Script, Page: &model.PageFacts{URL: opts.URL}}
	doc.ScriptFailures = append(doc.ScriptFailures, model.ScriptFailure{Span: f.Span(0, 0), Language: lang})
	doc.Requests = append(doc.Requests, writtenKeys(f)...)
	return doc, []*source.File{f}
}

// literalBearer is a "Bearer <token>" a string literal ends with, in any
// language's quotes: the token is written in the code, not read from
// elsewhere (an f-string's {key}, Ruby's #{key} or a concatenation does
// not match).
var literalBearer = regexp.MustCompile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{8,})[\"'`]")

// namedBearer is a "Bearer " header built from one name: Python's
// f"Bearer {KEY}", Ruby's "Bearer #{KEY}", "Bearer " + KEY, and
// "Bearer %s" % KEY. Group 1 is the name.
var namedBearer = regexp.MustCompile(`(?i)\bbearer\s*(?:\{\s*([A-Za-z_]\w*)\s*\}|#\{\s*([A-Za-z_]\w*)\s*\}|["']\s*\+\s*([A-Za-z_]\w*)|%s["']\s*%\s*\(?\s*([A-Za-z_]\w*))`)

// literalBinding finds where name is bound to a string literal on a line
// of its own (NAME = "…", NAME := "…", const NAME = "…"); group 1 is the
// literal's text.
func literalBinding(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^[ \t]*(?:(?:const|var|final|static|let)\s+)*` + regexp.QuoteMeta(name) + `\s*(?::=|=)\s*["']([A-Za-z0-9._~+/=-]{8,})["']`)
}

// writtenKeys finds, in code that is not read, the Conversions API keys
// written as literal Bearer tokens, or bound to a name a Bearer header is
// built from (API_KEY = "…" then f"Bearer {API_KEY}"), when the file names the API's
// endpoint: the one thing its text says precisely in any language. Each
// is a request known only by its key (capi-key-in-code; masked in every
// output).
func writtenKeys(f *source.File) []*model.Request {
	if !namesEndpointInCode(f.Text) {
		return nil
	}
	var qs []*model.Request
	for _, m := range literalBearer.FindAllSubmatchIndex(f.Text, -1) {
		key := string(f.Text[m[2]:m[3]])
		if pii.IsPlaceholderSecret(key) || inComment(f.Text, m[0]) {
			continue // the place for a key, or an example in a comment or docstring
		}
		if line := lineAt(f.Text, m[0]); bytes.Contains(line, []byte("://")) && !bytes.Contains(line, []byte(pixel.CAPIHost)) {
			continue // a request to another service: its token is not this API's key
		}
		sp := f.Span(m[2], m[3])
		qs = append(qs, &model.Request{Span: sp, KeySpan: sp, Key: key})
	}
	seen := map[int]bool{} // a key bound once and used in several headers is one finding
	for _, m := range namedBearer.FindAllSubmatchIndex(f.Text, -1) {
		if inComment(f.Text, m[0]) {
			continue
		}
		if line := lineAt(f.Text, m[0]); bytes.Contains(line, []byte("://")) && !bytes.Contains(line, []byte(pixel.CAPIHost)) {
			continue
		}
		var name string
		for g := 2; g < len(m); g += 2 {
			if m[g] >= 0 {
				name = string(f.Text[m[g]:m[g+1]])
			}
		}
		b := literalBinding(name).FindSubmatchIndex(f.Text)
		if b == nil || seen[b[2]] || inComment(f.Text, b[2]) {
			continue
		}
		key := string(f.Text[b[2]:b[3]])
		if pii.IsPlaceholderSecret(key) {
			continue
		}
		seen[b[2]] = true
		sp := f.Span(b[2], b[3])
		qs = append(qs, &model.Request{Span: sp, KeySpan: sp, Key: key})
	}
	return qs
}

// namesEndpointInCode reports whether the API's endpoint is written
// outside comments and docstrings: a file that only documents it sends
// nothing there.
func namesEndpointInCode(text []byte) bool {
	endpoint := []byte(pixel.CAPIHost + pixel.CAPIPath)
	for at := 0; ; {
		i := bytes.Index(text[at:], endpoint)
		if i < 0 {
			return false
		}
		if !inComment(text, at+i) {
			return true
		}
		at += i + len(endpoint)
	}
}

// inComment reports whether offset at of code in a language not read
// stands in a line comment (#, //, --, a block comment's * line) or a
// Python docstring (an odd number of triple quotes before it).
func inComment(text []byte, at int) bool {
	line := bytes.TrimSpace(lineAt(text, at))
	for _, p := range []string{"#", "//", "--", "*", "/*"} {
		if bytes.HasPrefix(line, []byte(p)) {
			return true
		}
	}
	before := text[:at]
	return bytes.Count(before, []byte(`"""`))%2 == 1 || bytes.Count(before, []byte("'''"))%2 == 1
}

// lineAt is the line of text offset at stands on.
func lineAt(text []byte, at int) []byte {
	start := bytes.LastIndexByte(text[:at], '\n') + 1
	end := bytes.IndexByte(text[at:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : at+end]
}
