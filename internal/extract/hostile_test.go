package extract

import (
	"fmt"
	"strings"
	"testing"
)

// Hostile inputs to the issue-15 paths end, with at most an info: the
// tests assert completion and the shape of the answer, not time.
func TestHostileShapesEnd(t *testing.T) {
	var chain strings.Builder
	chain.WriteString("const a0 = { type: 'customer_action' };\n")
	for i := 1; i < 20000; i++ {
		fmt.Fprintf(&chain, "const a%d = a%d;\n", i, i-1)
	}
	chain.WriteString("oaiq('measure', 'lead_created', a19999);\n")

	var spreads strings.Builder
	spreads.WriteString("const s0 = { type: 'customer_action' };\n")
	for i := 1; i < 64; i++ {
		fmt.Fprintf(&spreads, "const s%d = { ...s%d, ...s%d, k%d: %d };\n", i, i-1, i-1, i, i)
	}
	spreads.WriteString("oaiq('measure', 'lead_created', s63);\n")

	plus := "export const P = () => <script dangerouslySetInnerHTML={{ __html: 'oaiq(\"init\");' + " +
		strings.Repeat("x + ", 100000) + "'' }} />;\n"
	big := "export const B = () => <script dangerouslySetInnerHTML={{ __html: 'oaiq(\"init\");' + '" +
		strings.Repeat("a", 10<<20) + "' }} />;\n"

	injected := "var s = document.createElement('script');\ns.text = 'oaiq(\"init\");' + " + strings.Repeat("x + ", 100000) + "'';\n"
	fences := strings.Repeat("```js\noaiq('init');\n```\n", 20000)
	for name, in := range map[string]struct{ file, code string }{
		"100000 terms injected": {"inject.js", injected},
		"20000 fenced blocks":   {"many.md", fences},
		"self-reference":        {"self.js", "const d = { type: 'customer_action', d };\nconst e = e;\noaiq('measure', 'lead_created', d);\noaiq('measure', 'lead_created', e);\n"},
		"const chain":           {"chain.js", chain.String()},
		"spread doubling":       {"spreads.js", spreads.String()},
		"100000 terms":          {"plus.jsx", plus},
		"10 MB piece":           {"big.jsx", big},
	} {
		t.Run(name, func(t *testing.T) {
			doc, _ := File(in.file, []byte(in.code), Options{})
			// At most an info: a part left unread around template tags.
			for _, f := range doc.ScriptFailures {
				if !f.Templated {
					t.Errorf("script failure at %v: %s", f.Span.Start, f.Reason)
				}
			}
			if len(doc.Calls) == 0 {
				t.Errorf("no call read")
			}
		})
	}
}
