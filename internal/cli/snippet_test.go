package cli

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

func TestSnippetPrintsTheGeneratedSnippet(t *testing.T) {
	out, errOut, code := runCLI(t, "", "snippet", "--pixel-id", "px_4f8a2c", "--consent-default=false", "--nonce", "{{ .CSPNonce }}", "--user")
	want, _ := snippet.Generate(snippet.Options{PixelID: "px_4f8a2c", ConsentDenied: true, Nonce: "{{ .CSPNonce }}", User: true})
	if code != ExitOK || errOut != "" || out != want {
		t.Errorf("code %d, stderr %q, got\n%s\nwant\n%s", code, errOut, out, want)
	}
	out, _, _ = runCLI(t, "", "snippet", "--pixel-id", "px_4f8a2c")
	if strings.Contains(out, "consent") || strings.Contains(out, "nonce") || strings.Contains(out, "debug") || strings.Contains(out, "user") {
		t.Errorf("options appear without their flags:\n%s", out)
	}
}

func TestSnippetUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"snippet"}, "--pixel-id is required"},
		{[]string{"snippet", "--pixel-id", "<YOUR-PIXEL-ID>"}, "placeholder"},
		{[]string{"snippet", "--pixel-id", "px_1", "--nonce", ""}, "--nonce is empty"},
		{[]string{"snippet", "--pixel-id", "px_1", "--nonce", `a"b`}, "double quote"},
	} {
		out, errOut, code := runCLI(t, "", tc.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q, want %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// The acceptance test: the printed snippet, wrapped in a page at
// the top of <head>, piped into check, reports nothing.
func TestSnippetPipedIntoCheckReportsNothing(t *testing.T) {
	for _, flags := range [][]string{
		nil,
		{"--consent-default=false"},
		{"--user", "--nonce", "r4nd0m"},
	} {
		s, _, code := runCLI(t, "", append([]string{"snippet", "--pixel-id", "px_4f8a2c"}, flags...)...)
		if code != ExitOK {
			t.Fatalf("snippet %v: code %d", flags, code)
		}
		page := "<!DOCTYPE html>\n<html>\n<head>\n" + s + "<title>Thanks</title>\n</head>\n<body><p>Thank you.</p></body>\n</html>\n"
		out, errOut, code := runCLI(t, page, "check", "-", "--fail-on", "info")
		if code != ExitOK || !strings.Contains(out, "no problems") {
			t.Errorf("snippet %v in a page: code %d\n%s%s", flags, code, out, errOut)
		}
	}
}
