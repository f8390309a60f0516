package pii

import "testing"

func TestRedactMasksCredentials(t *testing.T) {
	for in, want := range map[string]string{
		`headers: { Authorization: "Bearer capi_live_0123456789" }`: `headers: { Authorization: "Bearer ********************" }`,
		`https://bzr.openai.com/v1/events?pid=px_1&api_key=k3y`:     `https://bzr.openai.com/v1/events?pid=px_1&api_key=***`,
		`the bearer of good news`:                                   `the bearer of good news`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
