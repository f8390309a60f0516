package component

// Scripts assembled from pieces (issue 15): `if(ok){` + `oaiq(…)` + `}`,
// "oaiq('init',{pixelId:'" + id + "'})". The literal pieces are the code;
// what joins them (quotes, "+", white space) is blanked, and an operand
// that is not a literal is masked as a value computed at runtime, all at
// the same length so every offset stays that of the file.

// maxPieces bounds the operands followed in one concatenation.
const maxPieces = 10000

// assemble extends the literal s over the concatenation that follows it.
func assemble(orig []byte, s Snippet) Snippet {
	out := s
	end := s.End
	dynamicFrom := -1 // where a run of non-literal operands begins
	for n := 0; n < maxPieces; n++ {
		j := skipSpace(orig, end)
		if j >= len(orig) || orig[j] != '+' || j+1 < len(orig) && (orig[j+1] == '+' || orig[j+1] == '=') {
			break
		}
		k := skipSpace(orig, j+1)
		if k >= len(orig) {
			break
		}
		if next, ok := snippetAt(orig, k); ok {
			glue := [2]int{out.End - 1, next.Start + 1}
			if dynamicFrom >= 0 {
				out.Subs = append(out.Subs, glue)
			} else {
				out.Blanks = append(out.Blanks, glue)
			}
			out.Subs = append(out.Subs, next.Subs...)
			out.End, end, dynamicFrom = next.End, next.End, -1
			continue
		}
		e, term := operandEnd(orig, k)
		if e <= k || term == '?' {
			// A conditional or an operand that cannot be delimited: only
			// what was assembled so far is known.
			break
		}
		if dynamicFrom < 0 {
			dynamicFrom = k
		}
		end = e
	}
	return out
}

// skipSpace skips white space and comments from i.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r':
			i++
		case i+1 < len(b) && b[i] == '/' && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case i+1 < len(b) && b[i] == '/' && b[i+1] == '*':
			j := i + 2
			for j+1 < len(b) && !(b[j] == '*' && b[j+1] == '/') {
				j++
			}
			i = j + 2
		default:
			return i
		}
	}
	return i
}

// operandEnd returns where the operand starting at i ends (just before a
// "+" or the end of the expression at its own depth) and the byte that
// ends it.
func operandEnd(b []byte, i int) (int, byte) {
	depth := 0
	limit := min(len(b), i+4096)
	for j := i; j < limit; j++ {
		switch c := b[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return trimEnd(b, i, j), c
			}
			depth--
		case '"', '\'':
			e, ok := literalEnd(b, j)
			if !ok {
				return 0, 0
			}
			j = e - 1
		case '`':
			e, _, ok := templateAt(b, j)
			if !ok {
				return 0, 0
			}
			j = e - 1
		case '+', ',', ';', '?', ':':
			if depth == 0 {
				return trimEnd(b, i, j), c
			}
		}
	}
	return 0, 0
}

func trimEnd(b []byte, i, j int) int {
	for j > i && (b[j-1] == ' ' || b[j-1] == '\t' || b[j-1] == '\n' || b[j-1] == '\r') {
		j--
	}
	return j
}
