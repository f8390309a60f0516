package snippet

import (
	"strings"
	"testing"
)

// documented is the installation snippet exactly as the pixel's
// documentation prints it, with a Pixel ID filled in.
const documented = `<script>
  (function (w, d, s, u) {
    if (w.oaiq) return;
    var q = function () {
      q.q.push(arguments);
    };
    q.q = [];
    w.oaiq = q;
    var js = d.createElement(s);
    js.async = true;
    js.src = u;
    var f = d.getElementsByTagName(s)[0];
    f.parentNode.insertBefore(js, f);
  })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");

  oaiq("init", {
    pixelId: "px_4f8a2c",
  });
</script>
`

func TestDefaultIsTheDocumentedSnippet(t *testing.T) {
	got, err := Generate(Options{PixelID: "px_4f8a2c"})
	if err != nil {
		t.Fatal(err)
	}
	if got != documented {
		t.Errorf("got\n%s\nwant\n%s", got, documented)
	}
}

func TestOptions(t *testing.T) {
	got, err := Generate(Options{PixelID: "px_1", Nonce: "{{ .CSPNonce }}", ConsentDenied: true, User: true, Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, `<script nonce="{{ .CSPNonce }}">`+"\n") {
		t.Errorf("nonce attribute missing:\n%s", got)
	}
	consent, init := strings.Index(got, `oaiq("consent", false);`), strings.Index(got, `oaiq("init"`)
	loaderEnd := strings.Index(got, `"https://bzrcdn.openai.com/sdk/oaiq.min.js");`)
	if consent < 0 || !(loaderEnd < consent && consent < init) {
		t.Errorf("consent(false) must come after the loader and before init:\n%s", got)
	}
	if !strings.Contains(got, "    debug: true,") {
		t.Errorf("debug missing:\n%s", got)
	}
	for _, field := range []string{"email_sha256", "external_id_sha256", "country", "city", "zip_code"} {
		if !strings.Contains(got, "//   "+field+": ") {
			t.Errorf("user template lacks a commented %s:\n%s", field, got)
		}
	}
	// Everything in the user template is a comment.
	inUser := false
	for _, line := range strings.Split(got, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "// user: {") {
			inUser = true
		}
		if inUser && !strings.HasPrefix(trimmed, "//") {
			if trimmed != "});" {
				t.Errorf("uncommented line in the user template: %q", line)
			}
			break
		}
	}
}

func TestPixelIDValidation(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"", "--pixel-id is required"},
		{"  ", "--pixel-id is required"},
		{"<YOUR-PIXEL-ID>", "placeholder or template expression"},
		{"{{ pixel_id }}", "placeholder or template expression"},
		{"YOUR_PIXEL_ID", "looks like a placeholder"},
		{"xxxx", "looks like a placeholder"},
		{`px"1`, "only letters, digits"},
		{"px 1", "only letters, digits"},
	} {
		_, err := Generate(Options{PixelID: tc.id})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("pixel id %q: err %v, want %q", tc.id, err, tc.want)
		}
	}
	for _, n := range []string{`a"b`, "a\nb", " abc"} {
		if _, err := Generate(Options{PixelID: "px_1", Nonce: n}); err == nil {
			t.Errorf("nonce %q accepted", n)
		}
	}
}
