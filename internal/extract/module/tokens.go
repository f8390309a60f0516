package module

// TokenKind is the kind of a Token.
type TokenKind uint8

// Token kinds.
const (
	EOF TokenKind = iota
	Ident
	Number
	String
	Template
	Punct
)

// Token is one JavaScript token: bytes [Start, End).
type Token struct {
	Kind       TokenKind
	Start, End int
}

// Next returns the token at or after offset i, skipping white space and
// comments. prev is the token before (zero at the start): it tells a
// regular expression from a division, and a regular expression is
// returned as one Punct token.
func Next(b []byte, i int, prev Token) Token {
	t := lex(b, skipTrivia(b, i))
	out := Token{Kind: [...]TokenKind{EOF, Ident, Number, String, Template, Punct}[t.kind], Start: t.start, End: t.end}
	if t.kind == tokPunct && b[t.start] == '/' {
		p := token{kind: tokPunct, start: -1}
		if prev.End > 0 {
			p = token{kind: [...]tokKind{tokEOF, tokIdent, tokNumber, tokString, tokTemplate, tokPunct}[prev.Kind], start: prev.Start, end: prev.End}
		}
		if regexAllowed(b, p) {
			out.End = regexEnd(b, t.start)
		}
	}
	return out
}
