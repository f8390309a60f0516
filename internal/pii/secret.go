package pii

import (
	"regexp"
	"strings"
)

// Secret is a credential: the password of a URL's userinfo, an API key, a
// bearer token, a cookie or a value after a field name such as "token".
// Secrets are no personal data for the rules, but no output shows them.
const Secret Kind = "secret"

var (
	// userinfo is the "user:password@" of a URL, which a fetched page or a
	// redirect may carry.
	userinfo = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.\-]{0,15}://([^/?#@\s"'<>\\]+)@`)
	// apiKey is an OpenAI-style secret key.
	apiKey = regexp.MustCompile(`\bsk-[A-Za-z0-9_\-]{16,}`)
	// bearer is an Authorization header's token.
	bearer = regexp.MustCompile(`(?i)\b(?:bearer|basic)\s+([A-Za-z0-9._~+/=\-]{8,})`)
)

// secretNames are the endings of field names (folded) whose values are
// secrets.
var secretNames = []string{"apikey", "secret", "password", "passwd", "token", "authorization", "cookie", "sessionid", "credentials"}

func isSecretName(name string) bool {
	k := foldKey(name)
	for _, s := range secretNames {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// placeholderSecret are the shapes of a credential not filled in: a
// template slot (<key>, {{token}}, ${KEY}, %s, [token]), filler (xxx,
// ***, ...), a variable's name written as text (OAIQ_CAPI_KEY) or words
// asking for one (YOUR_CONVERSIONS_API_KEY, your-api-key, changeme).
var (
	placeholderSlot  = regexp.MustCompile(`(?i)^(<[^>]*>|\{\{.*\}\}|\$\{.*\}|\{[A-Za-z_][A-Za-z0-9_]*\}|%s|\[[^\]]*\]|[x*.…]+)$|xxxx`)
	placeholderName  = regexp.MustCompile(`^[A-Z][A-Z_]*(KEY|TOKEN|SECRET)[A-Z_]*$`)
	placeholderWords = regexp.MustCompile(`(?i)^[a-z_\-\s]*(^your|placeholder|change_?me|replace|insert|here$)[a-z_\-\s]*$`)
)

// IsPlaceholderSecret reports a credential's value that is no credential
// but the place for one: code and docs that show where the key goes. No
// output needs to mask it, and it is no key written in code.
func IsPlaceholderSecret(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || placeholderSlot.MatchString(s) || placeholderName.MatchString(s) || placeholderWords.MatchString(s)
}

// findSecrets finds the secrets of s by their shape.
func findSecrets(s string) []Match {
	var out []Match
	if strings.Contains(s, "://") {
		for _, m := range userinfo.FindAllStringSubmatchIndex(s, -1) {
			out = append(out, Match{Secret, m[2], m[3]})
		}
	}
	if strings.Contains(s, "sk-") {
		for _, m := range apiKey.FindAllStringIndex(s, -1) {
			out = append(out, Match{Secret, m[0], m[1]})
		}
	}
	l := strings.ToLower(s)
	if strings.Contains(l, "bearer") || strings.Contains(l, "basic") {
		for _, m := range bearer.FindAllStringSubmatchIndex(s, -1) {
			if IsPlaceholderSecret(s[m[2]:m[3]]) {
				continue // shown as written: the reader must see it is a placeholder
			}
			out = append(out, Match{Secret, m[2], m[3]})
		}
	}
	return out
}

// mentionsSecretName is the cheap test before the keyed pattern runs.
func mentionsSecretName(l string) bool {
	for _, s := range secretNames {
		if strings.Contains(l, s) {
			return true
		}
	}
	return strings.Contains(l, "key") || strings.Contains(l, "auth")
}
