package module

// goja parses scripts, not modules. esbuild's output keeps ES module
// syntax (its CommonJS conversion rejects top-level await and adds helper
// code), so module statements are rewritten in place, keeping every byte
// offset (only the top-level-await wrapper adds a prefix, which the offset
// map subtracts):
//
//	import x from "y";         → blanks (newlines kept)
//	export { a, b as c };      → blanks; so do export * and export … from
//	export const x = 1;        → "       const x = 1;"
//	export default <thing>     → "var _default = <thing>" (a ";" replaces
//	                             the line break after a function or class body)
//	import.meta                → "({})  .meta" (in template literals'
//	                             substitutions too: `${import.meta.env.X}`)
//
// A script that still holds "await" is wrapped in an async arrow function,
// which makes top-level await legal and changes nothing else the linter reads.

const (
	awaitPrefix = "(async () => {\n"
	awaitSuffix = "\n})();\n"
)

// scriptFromModule returns gen with module syntax masked, and the length of
// the prefix added in front of it (0 when not wrapped).
func scriptFromModule(gen []byte) ([]byte, int) {
	out := append([]byte(nil), gen...)
	maskModuleSyntax(out)
	if !hasWord(out, "await") {
		return out, 0
	}
	wrapped := make([]byte, 0, len(awaitPrefix)+len(out)+len(awaitSuffix))
	wrapped = append(wrapped, awaitPrefix...)
	wrapped = append(wrapped, out...)
	wrapped = append(wrapped, awaitSuffix...)
	return wrapped, len(awaitPrefix)
}

func maskModuleSyntax(b []byte) {
	depth := 0
	stmtStart := true
	prev := token{kind: tokPunct, start: -1}
	for i := 0; ; {
		i = skipTrivia(b, i)
		t := lex(b, i)
		if t.kind == tokEOF {
			return
		}
		if t.kind == tokPunct && b[t.start] == '/' && regexAllowed(b, prev) {
			t.end = regexEnd(b, t.start)
		}
		if t.kind == tokTemplate {
			maskTemplateImportMeta(b, t.start)
		}
		if t.kind == tokIdent && word(b, t) == "import" {
			next := lex(b, skipTrivia(b, t.end))
			switch {
			case next.kind == tokPunct && b[next.start] == '.':
				maskImportMeta(b, t)
			case depth == 0 && stmtStart && !(next.kind == tokPunct && b[next.start] == '('):
				end := statementEnd(b, t.start)
				blank(b[t.start:end])
				i, stmtStart = end, true
				continue
			}
		}
		if t.kind == tokIdent && depth == 0 && stmtStart && word(b, t) == "export" {
			i = maskExport(b, t)
			stmtStart = true
			continue
		}
		if t.kind == tokPunct {
			switch b[t.start] {
			case '{', '(', '[':
				depth++
			case '}', ')', ']':
				if depth > 0 {
					depth--
				}
			}
			c := b[t.start]
			stmtStart = depth == 0 && (c == ';' || c == '}' || c == '{')
		} else {
			stmtStart = false
		}
		prev = t
		i = t.end
	}
}

// maskImportMeta rewrites the import of import.meta (t) as an object
// goja reads: "({})  .meta", the same length.
func maskImportMeta(b []byte, t token) { copy(b[t.start:t.end], "({})  ") }

// maskTemplateImportMeta masks import.meta in the substitutions of the
// template literal whose backtick is at start, nested templates included:
// the lexer reads a template as one token, and `${import.meta.env.X}`
// (Vite's environment) is a module's expression like any other.
func maskTemplateImportMeta(b []byte, start int) {
	_, subs := templateEnd(b, start)
	for _, sub := range subs {
		prev := token{kind: tokPunct, start: -1}
		for i, end := sub[0]+2, sub[1]; ; {
			i = skipTrivia(b[:end], i)
			t := lex(b[:end], i)
			if t.kind == tokEOF {
				break
			}
			switch {
			case t.kind == tokPunct && b[t.start] == '/' && regexAllowed(b, prev):
				t.end = min(regexEnd(b[:end], t.start), end)
			case t.kind == tokTemplate:
				maskTemplateImportMeta(b, t.start)
			case t.kind == tokIdent && word(b, t) == "import":
				if next := lex(b[:end], skipTrivia(b[:end], t.end)); next.kind == tokPunct && b[next.start] == '.' {
					maskImportMeta(b, t)
				}
			}
			prev = t
			i = t.end
		}
	}
}

// maskExport rewrites one export statement and returns where to go on.
func maskExport(b []byte, t token) int {
	next := lex(b, skipTrivia(b, t.end))
	switch {
	case next.kind == tokIdent && word(b, next) == "default":
		const repl = "var _default = "
		if next.end+1 > len(b) || next.end+1-t.start != len(repl) || b[next.end] != ' ' {
			blank(b[t.start:next.end])
			return next.end
		}
		copy(b[t.start:], repl)
		body := skipTrivia(b, next.end)
		if end := declarationEnd(b, body); end > 0 && end < len(b) && b[end] == '\n' {
			b[end] = ';'
		}
		return next.end + 1
	case next.kind == tokPunct && (b[next.start] == '{' || b[next.start] == '*'):
		end := statementEnd(b, t.start)
		blank(b[t.start:end])
		return end
	}
	blank(b[t.start:t.end])
	return t.end
}

// declarationEnd returns the offset just past the body of the function or
// class declared at i, or -1 when i starts an expression.
func declarationEnd(b []byte, i int) int {
	t := lex(b, i)
	w := word(b, t)
	if w == "async" {
		t = lex(b, skipTrivia(b, t.end))
		w = word(b, t)
	}
	switch w {
	case "function":
		open := findPunct(b, t.end, '(')
		if open < 0 {
			return -1
		}
		return findPunctAfterMatch(b, matchEnd(b, open), '{')
	case "class":
		return findPunctAfterMatch(b, t.end, '{')
	}
	return -1
}

func findPunctAfterMatch(b []byte, from int, c byte) int {
	open := findPunct(b, from, c)
	if open < 0 {
		return -1
	}
	return matchEnd(b, open)
}

// findPunct returns the offset of the next punctuator c at or after i.
func findPunct(b []byte, i int, c byte) int {
	for {
		i = skipTrivia(b, i)
		t := lex(b, i)
		if t.kind == tokEOF {
			return -1
		}
		if t.kind == tokPunct && b[t.start] == c {
			return t.start
		}
		i = t.end
	}
}

// matchEnd returns the offset just past the bracket matching the one at
// open.
func matchEnd(b []byte, open int) int {
	depth := 0
	prev := token{kind: tokPunct, start: -1}
	for i := open; ; {
		i = skipTrivia(b, i)
		t := lex(b, i)
		if t.kind == tokEOF {
			return len(b)
		}
		if t.kind == tokPunct {
			switch b[t.start] {
			case '{', '(', '[':
				depth++
			case '}', ')', ']':
				depth--
				if depth == 0 {
					return t.end
				}
			case '/':
				if regexAllowed(b, prev) {
					t.end = regexEnd(b, t.start)
				}
			}
		}
		prev = t
		i = t.end
	}
}

// statementEnd returns the offset just past the ";" ending the statement
// at i (esbuild ends every import and export statement with one).
func statementEnd(b []byte, i int) int {
	depth := 0
	for {
		i = skipTrivia(b, i)
		t := lex(b, i)
		if t.kind == tokEOF {
			return len(b)
		}
		if t.kind == tokPunct {
			switch b[t.start] {
			case '{', '(', '[':
				depth++
			case '}', ')', ']':
				depth--
			case ';':
				if depth <= 0 {
					return t.end
				}
			}
		}
		i = t.end
	}
}

// regexAllowed tells a regular expression from a division by the token
// before the slash.
func regexAllowed(b []byte, prev token) bool {
	if prev.start < 0 {
		return true
	}
	switch prev.kind {
	case tokPunct:
		c := b[prev.start]
		return c != ')' && c != ']' && c != '}'
	case tokIdent:
		switch word(b, prev) {
		case "return", "typeof", "case", "do", "else", "in", "instanceof", "new", "delete", "void", "throw", "yield", "await":
			return true
		}
	}
	return false
}

func regexEnd(b []byte, i int) int {
	class := false
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(b) && isIdentPart(b[j]) {
					j++
				}
				return j
			}
		case '\n', '\r':
			return i + 1
		}
	}
	return i + 1
}

func word(b []byte, t token) string {
	if t.kind != tokIdent {
		return ""
	}
	return string(b[t.start:t.end])
}

// blank overwrites code with spaces, keeping line breaks.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

// hasWord reports w as a whole word in b.
func hasWord(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		if string(b[i:i+len(w)]) != w {
			continue
		}
		if (i == 0 || !isIdentPart(b[i-1])) && (i+len(w) == len(b) || !isIdentPart(b[i+len(w)])) {
			return true
		}
	}
	return false
}
