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
