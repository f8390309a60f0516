package extract

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

func TestSnippetInConst(t *testing.T) {
	stub := snippet.MustGenerate(snippet.Options{PixelID: "px_1"})
	body := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(stub), "<script>"), "</script>")
	head := "import Script from \"next/script\";\n\nconst snippet = `" + body + "`;\n"
	tests := []struct {
		name, jsx      string
		calls, loaders int
		late           bool
	}{
		{"innerHTML", `<script dangerouslySetInnerHTML={{ __html: snippet }} />`, 1, 1, false},
		{"Script child", `<Script id="oaiq">{snippet}</Script>`, 1, 1, true},
		{"Script beforeInteractive", `<Script id="oaiq" strategy="beforeInteractive" dangerouslySetInnerHTML={{ __html: snippet }} />`, 1, 1, false},
		{"div innerHTML is text", `<div dangerouslySetInnerHTML={{ __html: snippet }} />`, 0, 0, false},
		{"unknown name", `<script dangerouslySetInnerHTML={{ __html: other }} />`, 0, 0, false},
	}
	for _, tt := range tests {
		src := head + "export function Pixel() {\n  return " + tt.jsx + ";\n}\n"
		doc, _ := Source("p.tsx", []byte(src), Options{})
		if len(doc.Calls) != tt.calls || len(doc.Page.Loaders) != tt.loaders {
			t.Errorf("%s: %d calls, %d loaders; want %d, %d", tt.name, len(doc.Calls), len(doc.Page.Loaders), tt.calls, tt.loaders)
			continue
		}
		if tt.loaders == 1 && doc.Page.Loaders[0].Late != tt.late {
			t.Errorf("%s: Late = %v, want %v", tt.name, doc.Page.Loaders[0].Late, tt.late)
		}
	}
	// A let may be reassigned: its value is not known.
	src := strings.Replace(head, "const snippet", "let snippet", 1) + "snippet = other;\nexport const P = () => <script dangerouslySetInnerHTML={{ __html: snippet }} />;\n"
	if doc, _ := Source("p.tsx", []byte(src), Options{}); len(doc.Page.Loaders) != 0 {
		t.Errorf("let binding: %d loaders, want 0", len(doc.Page.Loaders))
	}
}
