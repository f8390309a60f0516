package csp

import (
	"reflect"
	"testing"
)

func TestParseDirectives(t *testing.T) {
	tests := []struct {
		name   string
		policy string
		want   map[string][]string // directive -> raw sources
	}{
		{"basic", "default-src 'self'; script-src 'self' https://bzrcdn.openai.com",
			map[string][]string{"default-src": {"'self'"}, "script-src": {"'self'", "https://bzrcdn.openai.com"}}},
		{"names are case-insensitive", "Script-SRC https://a.example",
			map[string][]string{"script-src": {"https://a.example"}}},
		{"first occurrence wins", "script-src https://first.example; script-src https://second.example",
			map[string][]string{"script-src": {"https://first.example"}}},
		{"first wins across case", "SCRIPT-SRC 'none'; script-src *",
			map[string][]string{"script-src": {"'none'"}}},
		{"empty tokens and whitespace", " ;; img-src\t data:  https: ;\n",
			map[string][]string{"img-src": {"data:", "https:"}}},
		{"invalid sources dropped", "script-src https://ok.example h^st 'nonce-' 'sha256-!!' 'unknown' foo.*.com https://x.example//a",
			map[string][]string{"script-src": {"https://ok.example"}}},
		{"invalid directive name skipped", "scr!pt-src *; img-src *",
			map[string][]string{"img-src": {"*"}}},
		{"directive with no value", "upgrade-insecure-requests; script-src 'self'",
			map[string][]string{"upgrade-insecure-requests": nil, "script-src": {"'self'"}}},
		{"keywords in any case", "script-src 'NONCE-abc' 'Strict-Dynamic' 'SELF'",
			map[string][]string{"script-src": {"'NONCE-abc'", "'Strict-Dynamic'", "'SELF'"}}},
		{"templated source kept", "script-src 'nonce-{{ csp_nonce }}' 'self'",
			map[string][]string{"script-src": {"'nonce-{{ csp_nonce }}'", "'self'"}}},
		{"empty policy", "", map[string][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(tt.policy)
			got := map[string][]string{}
			for _, n := range p.Names() {
				var raw []string
				for _, s := range p.Directive(n).Sources {
					raw = append(raw, s.Raw)
				}
				got[n] = raw
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.policy, got, tt.want)
			}
		})
	}
}

func TestParseSourceParts(t *testing.T) {
	tests := []struct {
		expr string
		want Source
	}{
		{"https://*.OpenAI.com:443/sdk/", Source{Kind: Host, Raw: "https://*.OpenAI.com:443/sdk/", Scheme: "https", Host: "*.openai.com", Port: "443", Path: "/sdk/"}},
		{"bzr.openai.com", Source{Kind: Host, Raw: "bzr.openai.com", Host: "bzr.openai.com"}},
		{"*:*", Source{Kind: Host, Raw: "*:*", Host: "*", Port: "*"}},
		{"HTTPS:", Source{Kind: Scheme, Raw: "HTTPS:", Scheme: "https"}},
		{"'sha384-zthM'", Source{Kind: Hash, Raw: "'sha384-zthM'", Algorithm: "sha384", Value: "zthM"}},
		{"'nonce-r4nd0m=='", Source{Kind: Nonce, Raw: "'nonce-r4nd0m=='", Value: "r4nd0m=="}},
		{"'unsafe-inline'", Source{Kind: Keyword, Raw: "'unsafe-inline'", Keyword: "unsafe-inline"}},
	}
	for _, tt := range tests {
		got, ok := parseSource(tt.expr)
		if !ok || got != tt.want {
			t.Errorf("parseSource(%q) = %+v, %v; want %+v", tt.expr, got, ok, tt.want)
		}
	}
}

func TestParseHeaderSplitsPolicies(t *testing.T) {
	ps := ParseHeader("script-src 'self', img-src https:, ")
	if len(ps) != 2 {
		t.Fatalf("got %d policies, want 2", len(ps))
	}
	if ps[0].Directive("script-src") == nil || ps[1].Directive("img-src") == nil {
		t.Errorf("policies not split on commas: %q, %q", ps[0].Text, ps[1].Text)
	}
	if ps[0].Directive("img-src") != nil {
		t.Errorf("first policy holds the second's directive")
	}
}

func TestEffectiveFallback(t *testing.T) {
	tests := []struct {
		policy, directive, want string
	}{
		{"default-src 'self'", ScriptElem, "default-src"},
		{"default-src 'self'; script-src https:", ScriptElem, "script-src"},
		{"script-src https:; script-src-elem 'self'", ScriptElem, "script-src-elem"},
		{"default-src 'none'", Connect, "default-src"},
		{"default-src 'none'; connect-src *", Connect, "connect-src"},
		{"default-src 'none'; img-src *", Img, "img-src"},
		{"script-src 'self'", Img, ""},
		{"frame-ancestors 'none'", ScriptElem, ""},
	}
	for _, tt := range tests {
		got := ""
		if d := Parse(tt.policy).Effective(tt.directive); d != nil {
			got = d.Name
		}
		if got != tt.want {
			t.Errorf("Parse(%q).Effective(%s) = %q, want %q", tt.policy, tt.directive, got, tt.want)
		}
	}
}
