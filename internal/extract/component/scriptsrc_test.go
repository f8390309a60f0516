package component

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/module"
)

func scriptSrcs(t *testing.T, src string, loader module.Loader) []ScriptSrc {
	t.Helper()
	out, err := module.Transform([]byte(src), loader)
	if err != nil {
		t.Fatal(err)
	}
	_, got := Snippets(out.Code, out.Start, []byte(src))
	return got
}

func TestScriptSrcs(t *testing.T) {
	const sdk = "https://bzrcdn.openai.com/sdk/oaiq.min.js"
	tests := []struct {
		name, src                string
		element, strategy, typ   string
		next, async, head, entry bool
		dynamic                  bool
	}{
		{"Next Script without strategy", `import Script from "next/script"; const a = <Script src="` + sdk + `" />;`,
			"Script", "", "", true, true, false, false, false},
		{"renamed next/script, strategy first", `import S from 'next/script'; const a = <S strategy="beforeInteractive" src='` + sdk + `' />;`,
			"S", "beforeInteractive", "", true, true, true, false, false},
		{"plain async script", `const a = <div>Größe <script async src="` + sdk + `"></script></div>;`,
			"script", "", "", false, true, false, false, false},
		{"plain script is not async", `const a = <script src={"` + sdk + `"} async={false} />;`,
			"script", "", "", false, false, false, false, false},
		{"defer and type", `const a = <script defer type="module" src="` + sdk + `" />;`,
			"script", "", "module", false, true, false, false, false},
		{"in next/head", `import Head from "next/head"; const a = <Head><script async src="` + sdk + `" /></Head>;`,
			"script", "", "", false, true, true, false, false},
		{"const bound once", `const SDK = "` + sdk + `";` + "\nconst a = <script src={SDK} />;",
			"script", "", "", false, false, false, false, false},
		{"template with a computed part", "const a = <script src={`${cdn}/sdk/oaiq.min.js`} />;",
			"script", "", "", false, false, false, false, true},
		{"useHead entry", `useHead({ script: [{ src: "` + sdk + `", async: true }] });`,
			"", "", "", false, true, true, true, false},
		{"useHead with a function", `useHead(() => ({ script: [{ src: "` + sdk + `" }] }));`,
			"", "", "", false, false, true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scriptSrcs(t, tt.src, module.TSX)
			if len(got) != 1 {
				t.Fatalf("srcs: %+v", got)
			}
			s := got[0]
			if s.Element != tt.element || s.Strategy != tt.strategy || s.Type != tt.typ || s.NextScript != tt.next ||
				s.Async != tt.async || s.InHead != tt.head || s.HeadEntry != tt.entry || s.SrcDynamic != tt.dynamic {
				t.Errorf("got %+v", s)
			}
			if written := tt.src[s.SrcStart:s.SrcEnd]; written != s.Src {
				t.Errorf("span holds %q, Src is %q", written, s.Src)
			}
			if s.ElementStart >= 0 && tt.src[s.ElementStart:s.ElementStart+1+len(s.Element)] != "<"+s.Element {
				t.Errorf("element at %d: %q", s.ElementStart, tt.src[s.ElementStart:])
			}
			if tt.strategy != "" && tt.src[s.StrategyStart:s.StrategyEnd] != `"`+tt.strategy+`"` {
				t.Errorf("strategy span %q", tt.src[s.StrategyStart:s.StrategyEnd])
			}
		})
	}
}

func TestScriptSrcsNotKnown(t *testing.T) {
	tests := []struct{ name, src string }{
		{"environment variable", `const a = <script src={process.env.SDK} />;`},
		{"concatenation", `const a = <script src={"https://bzrcdn.openai.com" + path} />;`},
		{"const with more after the literal", "const SDK = \"https://bzrcdn.openai.com\" + path;\nconst a = <script src={SDK} />;"},
		{"let", "let SDK = \"https://bzrcdn.openai.com/sdk/oaiq.min.js\";\nconst a = <script src={SDK} />;"},
		{"spread after src", `const a = <script src="https://bzrcdn.openai.com/sdk/oaiq.min.js" {...props} />;`},
		{"not a script", `const a = <img src="https://bzrcdn.openai.com/sdk/oaiq.min.js" />;`},
		{"shorthand head entry", `useHead({ script: [{ src, async: true }] });`},
		{"link in useHead", `useHead({ link: [{ src: "https://bzrcdn.openai.com/sdk/oaiq.min.js" }] });`},
		{"an object that is not a head entry", `track({ script: [{ src: "https://bzrcdn.openai.com/sdk/oaiq.min.js" }] });`},
	}
	for _, tt := range tests {
		if got := scriptSrcs(t, tt.src, module.TSX); len(got) != 0 {
			t.Errorf("%s: want none, got %+v", tt.name, got)
		}
	}
}

// esbuild renames a shadowing const, so each name read is the binding in
// scope: the inner SDK here, not the outer one.
func TestScriptSrcShadowedConst(t *testing.T) {
	src := "const SDK = \"https://bzrcdn.openai.com/sdk/oaiq.min.js\";\nfunction F() {\n  const SDK = \"/x.js\";\n  return <script src={SDK} />;\n}"
	got := scriptSrcs(t, src, module.TSX)
	if len(got) != 1 || got[0].Src != "/x.js" || src[got[0].SrcStart:got[0].SrcEnd] != "/x.js" {
		t.Errorf("got %+v", got)
	}
}
