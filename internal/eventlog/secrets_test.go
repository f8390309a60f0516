package eventlog

import (
	"bytes"
	"math/rand/v2"
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

// secretWordsIn finds what lower-casing the text and searching it finds,
// whatever the case, the neighbours and the bytes around.
func TestSecretWordsInAgreesWithLowerCaseSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	parts := append([]string{"\"", ":", " ", "é", "\xff", "_", "-", "1", "x", "K", "\u212a", "ſ"}, prefilterWords...)
	for round := 0; round < 2000; round++ {
		var b []byte
		for i := 0; i < r.IntN(12); i++ {
			p := []byte(parts[r.IntN(len(parts))])
			for j := range p {
				if r.IntN(2) == 0 && p[j] >= 'a' && p[j] <= 'z' {
					p[j] -= 'a' - 'A'
				}
			}
			b = append(b, p...)
		}
		got := secretWordsIn(b)
		lower := bytes.ToLower(b)
		for _, w := range prefilterWords {
			if bytes.Contains(lower, []byte(w)) && !got[w] {
				t.Fatalf("%q: %q not found", b, w)
			}
			if got[w] && !bytes.Contains(lower, []byte(w)) && !bytes.ContainsAny(b, "\u212aſ") {
				t.Fatalf("%q: %q found, but it is not there", b, w)
			}
		}
	}
}

// The patterns match case-insensitively, where the Kelvin sign is a k:
// the prefilter must let such a key through to them.
func TestSecretsAreMaskedUnderAKelvinSign(t *testing.T) {
	masked := string(maskSecrets([]byte(`{"url": "https://bzr.openai.com/v1/events?pid=px_1&api_` + "\u212a" + `ey=k3y_v4lue"}`)))
	if strings.Contains(masked, "k3y_v4lue") {
		t.Errorf("not masked: %s", masked)
	}
}
