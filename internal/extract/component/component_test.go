package component

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
)

func snippets(t *testing.T, src string, loader module.Loader) []Snippet {
	t.Helper()
	out, err := module.Transform([]byte(src), loader)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := Snippets(out.Code, out.Start, []byte(src))
	return got
}

func TestSnippetPlacement(t *testing.T) {
	tests := []struct {
		name, src          string
		element, strategy  string
		next, head, dynamc bool
	}{
		{"strategy after the props", `import S from "next/script"; const a = <S dangerouslySetInnerHTML={{ __html: ` + "`oaiq('init', {})`" + ` }} strategy="lazyOnload" />;`,
			"S", "lazyOnload", true, false, false},
		{"beforeInteractive is in the head", `import Script from "next/script"; const a = <Script strategy="beforeInteractive">{` + "`oaiq('init', {})`" + `}</Script>;`,
			"Script", "beforeInteractive", true, true, false},
		{"computed strategy", `import Script from "next/script"; const a = <Script strategy={s}>{"oaiq('init', {})"}</Script>;`,
			"Script", "", true, false, true},
		{"Helmet script", `const a = <Helmet><script>{` + "`oaiq('init', {})`" + `}</script></Helmet>;`,
			"script", "", false, true, false},
		{"useHead entry", "useHead({ script: [{ children: `oaiq('init', {})` }] });",
			"", "", false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := snippets(t, tt.src, module.TSX)
			if len(got) != 1 {
				t.Fatalf("snippets: %+v", got)
			}
			s := got[0]
			if s.Element != tt.element || s.Strategy != tt.strategy || s.NextScript != tt.next || s.InHead != tt.head || s.StrategyDynamic != tt.dynamc {
				t.Errorf("got %+v", s)
			}
			if code := tt.src[s.Start+1 : s.End-1]; code != "oaiq('init', {})" {
				t.Errorf("literal code %q", code)
			}
		})
	}
}

func TestStringsElsewhereAreNotSnippets(t *testing.T) {
	src := "const doc = `call oaiq('init') first`; log({ note: 'oaiq' }); const el = <p title=\"oaiq\">{`oaiq`}</p>;"
	if got := snippets(t, src, module.TSX); len(got) != 0 {
		t.Errorf("want none, got %+v", got)
	}
}

func TestBlocksAndFrontmatter(t *testing.T) {
	src := "<svelte:head><script>oaiq()</script></svelte:head>\n<script lang=\"ts\">let a: number = 1;</script>\n<div><script type=\"module\">x()</script></div>"
	bs := Blocks([]byte(src))
	if len(bs) != 3 {
		t.Fatalf("blocks: %+v", bs)
	}
	if !bs[0].Markup || !bs[0].InHead || src[bs[0].TextStart:bs[0].TextEnd] != "oaiq()" {
		t.Errorf("head script: %+v", bs[0])
	}
	if bs[1].Markup || bs[1].Lang != "ts" || src[bs[1].TextStart:bs[1].TextEnd] != "let a: number = 1;" {
		t.Errorf("component script: %+v", bs[1])
	}
	if !bs[2].Markup || bs[2].InHead || bs[2].Type != "module" {
		t.Errorf("markup script: %+v", bs[2])
	}
	astro := "---\nconst a = 1;\n---\n<p>{a}</p>"
	if s, e, ok := Frontmatter([]byte(astro)); !ok || astro[s:e] != "\nconst a = 1;\n" {
		t.Errorf("frontmatter %d %d %v", s, e, ok)
	}
}
