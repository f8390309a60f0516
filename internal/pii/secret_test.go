package pii

import (
	"strings"
	"testing"
)

// Credentials in headers and URL queries never survive redaction, and
// ordinary words that look like them are left alone.
func TestRedactMasksCredentials(t *testing.T) {
	for in, secret := range map[string]string{
		`headers: { Authorization: "Bearer capi_live_0123456789" }`:        "capi_live_0123456789",
		`https://bzr.openai.com/v1/events?pid=px_1&api_key=k3y`:            "k3y",
		`https://bzr.openai.com/v1/events?pid=px_1&access_token=t0k3n_abc`: "t0k3n_abc",
	} {
		got := Redact(in)
		if strings.Contains(got, secret) {
			t.Errorf("Redact(%q) = %q still shows %q", in, got, secret)
		}
		if !strings.Contains(got, "px_1") && strings.Contains(in, "px_1") {
			t.Errorf("Redact(%q) = %q lost the Pixel ID, which is no secret", in, got)
		}
	}
	if in := `the bearer of good news`; Redact(in) != in {
		t.Errorf("Redact(%q) = %q", in, Redact(in))
	}
}

func TestPlaceholderSecrets(t *testing.T) {
	for _, s := range []string{"YOUR_CONVERSIONS_API_KEY", "your-api-key", "<key>", "<YOUR KEY>", "xxx", "XXXXXXXX", "oaiq_live_xxxxxxxxxxxx", "${OAIQ_KEY}", "{{ token }}", "{token}", "%s", "[token]", "...", "…", "OAIQ_CAPI_KEY", "changeme", "REPLACE_ME", "key_here", ""} {
		if !IsPlaceholderSecret(s) {
			t.Errorf("%q is a placeholder", s)
		}
	}
	for _, s := range []string{"oaiq_live_4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", "capi_example_key", "Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs", "test-key-123", "sk-proj-abcdef0123456789", "internal-service-token-1", "TOKEN123ABC"} {
		if IsPlaceholderSecret(s) {
			t.Errorf("%q is a credential", s)
		}
	}
	for in, want := range map[string]string{
		`Authorization: "Bearer YOUR_CONVERSIONS_API_KEY"`: `Authorization: "Bearer YOUR_CONVERSIONS_API_KEY"`,
		`curl -H "Authorization: Bearer <key>"`:            `curl -H "Authorization: Bearer <key>"`,
		`Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4"`:  `Authorization: "***"`,
		`password: "changeme"`:                             `password: "***"`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
