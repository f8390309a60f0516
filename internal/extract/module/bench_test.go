package module

import (
	"strconv"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
)

// benchSource is a TSX component of about 40 KB with one pixel call.
func benchSource() []byte {
	var b strings.Builder
	b.WriteString("import { useEffect } from \"react\";\n")
	for i := 0; i < 300; i++ {
		b.WriteString("export function Row" + strconv.Itoa(i) + "(p: { label: string; n: number }): JSX.Element {\n  const é = p.n * 2; // café\n  return <li className=\"row\" data-n={é}>{p.label}</li>;\n}\n")
	}
	b.WriteString("export function Done() {\n  useEffect(() => { window.oaiq?.(\"measure\", \"order_created\", { type: \"contents\", amount: 2599, currency: \"USD\" }); }, []);\n  return null;\n}\n")
	return []byte(b.String())
}

// BenchmarkModule measures the module path: esbuild transform, source map,
// goja parse and call extraction.
func BenchmarkModule(b *testing.B) {
	src := benchSource()
	f := source.New("bench.tsx", src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		res := jscall.Extract(jscall.Script{File: f, Code: f.Text, Transform: Transformer(TSX)})
		if res.Err != nil || len(res.Calls) != 1 {
			b.Fatalf("err %v, calls %d", res.Err, len(res.Calls))
		}
	}
}
