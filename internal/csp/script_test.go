package csp

import "testing"

const helloHash = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='" // alert('Hello, world.');

func TestAllowsScript(t *testing.T) {
	injected := ScriptLoad{URL: sdkURL}
	tag := ScriptLoad{URL: sdkURL, ParserInserted: true}
	tagWithNonce := ScriptLoad{URL: sdkURL, ParserInserted: true, Nonce: "r4nd0m"}
	tests := []struct {
		name, policy string
		load         ScriptLoad
		want         Result
		wantDir      string
	}{
		{"no script policy", "img-src *", injected, Allowed, ""},
		{"host listed", "script-src 'self' https://bzrcdn.openai.com", injected, Allowed, "script-src"},
		{"host missing", "script-src 'self' https://www.googletagmanager.com", injected, Blocked, "script-src"},
		{"default-src fallback", "default-src 'self'; img-src *", tag, Blocked, "default-src"},
		{"strict-dynamic trusts injected scripts", "script-src 'nonce-r4nd0m' 'strict-dynamic' https: 'unsafe-inline'", injected, Allowed, "script-src"},
		{"strict-dynamic ignores hosts for markup scripts", "script-src 'nonce-r4nd0m' 'strict-dynamic' https://bzrcdn.openai.com", tag, Blocked, "script-src"},
		{"strict-dynamic with nonce on tag", "script-src 'nonce-r4nd0m' 'strict-dynamic'", tagWithNonce, Allowed, "script-src"},
		{"wrong nonce on tag, host listed", "script-src 'nonce-other' https://bzrcdn.openai.com", tagWithNonce, Allowed, "script-src"},
		{"wrong nonce on tag, host not listed", "script-src 'nonce-other' 'self'", tagWithNonce, Blocked, "script-src"},
		{"nonce does not reach injected script", "script-src 'nonce-r4nd0m'", injected, Blocked, "script-src"},
		{"strict-dynamic in default-src", "default-src 'nonce-r4nd0m' 'strict-dynamic'", injected, Allowed, "default-src"},
		{"script-src-elem overrides script-src", "script-src https://bzrcdn.openai.com; script-src-elem 'self'", injected, Blocked, "script-src-elem"},
		{"script-src-elem allows", "script-src 'none'; script-src-elem https://bzrcdn.openai.com", tag, Allowed, "script-src-elem"},
		{"wildcard host", "script-src https://*.openai.com", tag, Allowed, "script-src"},
		{"https scheme", "script-src https:", injected, Allowed, "script-src"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Parse(tt.policy).AllowsScript(tt.load, ParseOrigin(shop))
			if v.Result != tt.want || v.Directive != tt.wantDir {
				t.Errorf("AllowsScript(%+v) under %q = %s by %q (%s), want %s by %q",
					tt.load, tt.policy, v.Result, v.Directive, v.Reason, tt.want, tt.wantDir)
			}
		})
	}
}

func TestAllowsInlineScript(t *testing.T) {
	const text = "alert('Hello, world.');"
	tests := []struct {
		name, policy, nonce, text string
		want                      Result
		reason                    string
	}{
		{"no script policy", "connect-src 'self'", "", text, Allowed, ""},
		{"unsafe-inline", "script-src 'self' 'unsafe-inline'", "", text, Allowed, ""},
		{"self only blocks inline", "default-src 'self'", "", text, Blocked,
			"default-src has no 'unsafe-inline', nonce or hash, so it blocks every inline script"},
		{"nonce matches", "script-src 'nonce-r4nd0m' 'strict-dynamic'", "r4nd0m", text, Allowed, ""},
		{"nonce missing", "script-src 'nonce-r4nd0m' 'strict-dynamic'", "", text, Blocked,
			"script-src allows inline scripts only by nonce or hash, and none matches this script"},
		{"nonce differs", "script-src 'nonce-r4nd0m'", "R4ND0M", text, Blocked,
			"script-src allows inline scripts only by nonce or hash, and none matches this script"},
		{"unsafe-inline ignored with nonce", "script-src 'nonce-r4nd0m' 'unsafe-inline'", "", text, Blocked,
			"script-src ignores 'unsafe-inline' because it lists nonces, hashes or 'strict-dynamic', and no nonce or hash matches this script"},
		{"unsafe-inline ignored with strict-dynamic", "script-src 'strict-dynamic' 'unsafe-inline' https:", "", text, Blocked,
			"script-src ignores 'unsafe-inline' because it lists nonces, hashes or 'strict-dynamic', and no nonce or hash matches this script"},
		{"hash matches", "script-src " + helloHash, "", text, Allowed, ""},
		{"hash matches base64url without padding", "script-src 'sha256-qznLcsROx4GACP2dm0UCKCzCG-HiZ1guq6ZZDob_Tng'", "", text, Allowed, ""},
		{"hash of other text", "script-src " + helloHash, "", text + " ", Blocked,
			"script-src allows inline scripts only by nonce or hash, and none matches this script"},
		{"hash after CRLF normalisation", "script-src 'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='", "", "a\r\nb", Allowed, ""},
		{"sha384", "script-src 'sha384-zthM+QGjmuQdQtrSq3sPI5kK6s5EroEgUtlgUwg/aTmJ/AWormD0BuSd6vIKNHxG'", "", "a\rb", Allowed, ""},
		{"script-src-elem decides", "script-src 'unsafe-inline'; script-src-elem 'nonce-r4nd0m'", "", text, Blocked,
			"script-src-elem allows inline scripts only by nonce or hash, and none matches this script"},
		{"templated nonce on element", "script-src 'nonce-r4nd0m'", "{{ csp_nonce }}", text, Unknown,
			"the element's nonce comes from a template"},
		{"templated nonce in policy", "script-src 'nonce-<%= nonce %>'", "abc", text, Unknown,
			"the policy's 'nonce-<%= nonce %>' comes from a template"},
		{"templated text with hashes", "script-src " + helloHash, "", "oaiq('init', {pixelId: '{{ id }}'})", Unknown,
			"the script's text holds template syntax, so its hash is not known"},
		{"templated text without hash or nonce is still blocked", "script-src 'self'", "", "oaiq('init', {pixelId: '{{ id }}'})", Blocked,
			"script-src has no 'unsafe-inline', nonce or hash, so it blocks every inline script"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Parse(tt.policy).AllowsInlineScript(tt.nonce, tt.text)
			if v.Result != tt.want || v.Reason != tt.reason {
				t.Errorf("AllowsInlineScript under %q = %s (%q), want %s (%q)", tt.policy, v.Result, v.Reason, tt.want, tt.reason)
			}
		})
	}
}

func TestHashSource(t *testing.T) {
	if got := HashSource("sha256", "alert('Hello, world.');"); got != helloHash {
		t.Errorf("HashSource = %s, want %s", got, helloHash)
	}
	if got := HashSource("sha256", "a\r\nb"); got != "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='" {
		t.Errorf("HashSource does not normalise CR LF as the HTML parser does: %s", got)
	}
	if got := HashSource("md5", "a\nb"); got != "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='" {
		t.Errorf("unknown algorithm should fall back to sha256: %s", got)
	}
}

func TestMultiplePoliciesEachMustAllow(t *testing.T) {
	// A header may carry several policies; the request passes only if all do.
	ps := ParseHeader("script-src https:, script-src 'self'")
	var blockedBy []string
	for _, p := range ps {
		if v := p.AllowsScript(ScriptLoad{URL: sdkURL}, ParseOrigin(shop)); v.Result == Blocked {
			blockedBy = append(blockedBy, p.Text)
		}
	}
	if len(blockedBy) != 1 || blockedBy[0] != "script-src 'self'" {
		t.Errorf("blocked by %q, want only the second policy", blockedBy)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'",
		"img-src * data: blob:, connect-src https://*.openai.com:*/v1/",
		"script-src 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=' {{ x",
		";;;\x00\xff 'nonce-' https://:/",
	} {
		f.Add(s, "https://bzr.openai.com/v1", "n", "text")
	}
	f.Fuzz(func(t *testing.T, policy, u, nonce, text string) {
		for _, p := range ParseHeader(policy) {
			for _, dir := range []string{ScriptElem, Connect, Img} {
				if v := p.AllowsURL(dir, u, ParseOrigin("https://shop.example.com")); v.Result == 0 {
					t.Fatal("zero result")
				}
			}
			p.AllowsScript(ScriptLoad{URL: u, Nonce: nonce, ParserInserted: true}, Origin{})
			p.AllowsInlineScript(nonce, text)
		}
	})
}
