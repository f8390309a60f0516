package model

import (
	"path/filepath"
	"sort"
	"strings"
)

// FileKind is what a file's extension says it holds. The table below is
// the one list of extensions oaiq-lint reads: folder walks pick files by
// it and the extractors choose a reader by it.
type FileKind uint8

const (
	// UnknownFile is an extension not in the table: the content decides.
	UnknownFile FileKind = iota
	// HTMLFile is a page or an HTML-like template.
	HTMLFile
	// ScriptFile is JavaScript read as a script.
	ScriptFile
	// ModuleFile is application source read through a transpiler
	// (TypeScript, JSX).
	ModuleFile
	// ComponentFile is a single-file component (script blocks and markup).
	ComponentFile
	// MarkdownFile is a document whose fenced code blocks are linted (docs
	// sites and MDX pages show and run the snippet); prose is never read.
	MarkdownFile
)

var fileKinds = map[string]FileKind{
	".html": HTMLFile, ".htm": HTMLFile, ".xhtml": HTMLFile, ".shtml": HTMLFile,
	".erb": HTMLFile, ".ejs": HTMLFile, ".liquid": HTMLFile, ".njk": HTMLFile,
	".hbs": HTMLFile, ".handlebars": HTMLFile, ".mustache": HTMLFile, ".twig": HTMLFile,
	".jinja": HTMLFile, ".jinja2": HTMLFile, ".j2": HTMLFile, ".tmpl": HTMLFile, ".gohtml": HTMLFile,
	".php": HTMLFile, ".jsp": HTMLFile, ".jspx": HTMLFile, ".aspx": HTMLFile,
	".cshtml": HTMLFile, ".razor": HTMLFile, ".vbhtml": HTMLFile,

	// .js and .mjs stay scripts: module syntax in them is handled when
	// they do not parse as scripts.
	".js": ScriptFile, ".mjs": ScriptFile, ".cjs": ScriptFile,

	".ts": ModuleFile, ".mts": ModuleFile, ".cts": ModuleFile, ".tsx": ModuleFile, ".jsx": ModuleFile,

	".vue": ComponentFile, ".svelte": ComponentFile, ".astro": ComponentFile,

	".md": MarkdownFile, ".markdown": MarkdownFile, ".mdx": MarkdownFile,
}

// FileKindOf returns the kind a file name's extension says, or
// UnknownFile.
func FileKindOf(name string) FileKind {
	return fileKinds[strings.ToLower(filepath.Ext(name))]
}

// FileExtensions lists every extension of the table, sorted.
func FileExtensions() []string {
	out := make([]string, 0, len(fileKinds))
	for e := range fileKinds {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// otherLanguages are source languages oaiq-lint does not read, by
// extension: server code that may post to the Conversions API. A file of
// one named on the command line is said not to be read instead of being
// parsed as JavaScript; folder walks never pick them (they are not in
// fileKinds).
var otherLanguages = map[string]string{
	".py": "Python", ".go": "Go", ".rb": "Ruby", ".java": "Java", ".kt": "Kotlin", ".kts": "Kotlin",
	".cs": "C#", ".rs": "Rust", ".swift": "Swift", ".scala": "Scala", ".ex": "Elixir", ".exs": "Elixir",
	".pl": "Perl", ".pm": "Perl", ".lua": "Lua", ".dart": "Dart", ".c": "C", ".cc": "C++", ".cpp": "C++",
}

// OtherLanguageOf names the language a file name's extension says when it
// is one oaiq-lint does not read, else "".
func OtherLanguageOf(name string) string {
	return otherLanguages[strings.ToLower(filepath.Ext(name))]
}
