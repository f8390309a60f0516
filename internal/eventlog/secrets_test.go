package eventlog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Secrets in request records are masked before parsing, character for
// character, so nothing can print them and positions do not move.
func TestSecretsAreMaskedInPlace(t *testing.T) {
	log := `{"method": "POST", "url": "https://bzr.openai.com/v1/events?pid=px_1&api_key=k3y_v4lue", "headers": {"Authorization": "Bearer capi_live_abc123", "Cookie": "sid=s3ss10n"}, "body": {"events": []}}
{"request": {"url": "https://bzr.openai.com/v1/events?pid=px_1", "method": "POST", "headers": [{"name": "authorization", "value": "Bearer capi_live_def456"}], "cookies": [{"name": "sid", "value": "c00kieé"}], "postData": {"text": "{\"events\": [], \"secret\": \"hidden\"}"}}}
`
	masked := maskSecrets([]byte(log))
	for _, secret := range []string{"k3y_v4lue", "capi_live_abc123", "s3ss10n", "capi_live_def456", "c00kie", "hidden"} {
		if strings.Contains(string(masked), secret) {
			t.Errorf("%s not masked:\n%s", secret, masked)
		}
	}
	if len(masked) != len(log) || utf8.RuneCount(masked) != utf8.RuneCount([]byte(log)) {
		t.Errorf("masking moved text: %d bytes %d runes, was %d, %d", len(masked), utf8.RuneCount(masked), len(log), utf8.RuneCount([]byte(log)))
	}
	for _, kept := range []string{`pid=px_1`, `"name": "sid"`, `"events": []`} {
		if !strings.Contains(string(masked), strings.Trim(kept, `"`)) {
			t.Errorf("%s was masked too", kept)
		}
	}
	doc, f := Parse("secrets.jsonl", []byte(log))
	if strings.Contains(string(f.Text), "capi_live") || len(doc.Requests) != 2 {
		t.Errorf("requests %d, text %s", len(doc.Requests), f.Text)
	}
}
