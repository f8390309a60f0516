// Package snippet writes the pixel's installation snippet exactly as the
// documentation gives it, with the options a site needs: a CSP nonce,
// consent denied until the visitor agrees, a user-object template, debug.
package snippet

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Options choose what the snippet holds.
type Options struct {
	// PixelID is the pixel's id from Ads Manager.
	PixelID string
	// Nonce, when set, is written as the script tag's nonce attribute. It
	// is usually a template expression that prints the page's per-request
	// nonce ("{{ .CSPNonce }}", "<%= nonce %>").
	Nonce string
	// ConsentDenied adds oaiq("consent", false) before init, for sites that
	// must wait for the visitor's consent.
	ConsentDenied bool
	// User adds a commented template of the user object.
	User bool
	// Debug turns on the SDK's console logging while testing.
	Debug bool
}

// Loader is the documentation's loader stub (the IIFE that queues calls and
// injects the SDK), verbatim, indented as it stands inside <script>.
const Loader = `  (function (w, d, s, u) {
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
  })(window, document, "script", "` + pixel.SDKURL + `");
`

// userTemplate is left commented so the snippet is valid as printed: an
// uncommented placeholder would be sent as if it were a hash.
const userTemplate = `    // Optional user data improves conversion matching. Uncomment and fill in
    // only the fields you have, e.g. from your server when the page renders.
    // Hash with: oaiq-lint hash --type email | --type external-id
    // user: {
    //   email_sha256: "<SHA-256 of the trimmed, lower-cased e-mail address>",
    //   external_id_sha256: "<SHA-256 of your stable customer id>",
    //   country: "<two-letter ISO 3166-1 code, such as US>",
    //   city: "<city name>",
    //   zip_code: "<postal or ZIP code>",
    // },
`

// Generate returns the snippet, or an error saying what is wrong with an
// option and how to fix it.
func Generate(o Options) (string, error) {
	if err := ValidatePixelID(o.PixelID); err != nil {
		return "", err
	}
	if err := validateNonce(o.Nonce); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<script")
	if o.Nonce != "" {
		fmt.Fprintf(&b, ` nonce="%s"`, o.Nonce)
	}
	b.WriteString(">\n")
	b.WriteString(Loader)
	b.WriteString("\n")
	if o.ConsentDenied {
		b.WriteString("  // No measurement until the visitor agrees; then call oaiq(\"consent\", true).\n")
		b.WriteString("  oaiq(\"consent\", false);\n\n")
	}
	b.WriteString("  oaiq(\"init\", {\n")
	fmt.Fprintf(&b, "    pixelId: %q,\n", o.PixelID)
	if o.Debug {
		b.WriteString("    debug: true, // logs SDK activity to the console; remove before going live\n")
	}
	if o.User {
		b.WriteString(userTemplate)
	}
	b.WriteString("  });\n</script>\n")
	return b.String(), nil
}

// MustGenerate is Generate for options known to be valid (tests,
// examples); it panics on an error.
func MustGenerate(o Options) string {
	s, err := Generate(o)
	if err != nil {
		panic(err)
	}
	return s
}

var (
	pixelIDChars = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	// placeholderWords are what people put where an id belongs before they
	// have one.
	placeholderWords = regexp.MustCompile(`(?i)your|pixel[-_]?id|placeholder|changeme|example|^x+$|^0+$|todo`)
)

// ValidatePixelID refuses an empty id, a placeholder, and characters that
// would not survive inside a JavaScript string.
func ValidatePixelID(id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return fmt.Errorf("--pixel-id is required: create a Pixel ID in the conversions tab of Ads Manager")
	case strings.ContainsAny(id, "<>{}$%"):
		return fmt.Errorf("--pixel-id %q is a placeholder or template expression; give the Pixel ID itself, from the conversions tab of Ads Manager", id)
	case placeholderWords.MatchString(id):
		return fmt.Errorf("--pixel-id %q looks like a placeholder; give your real Pixel ID, from the conversions tab of Ads Manager", id)
	case !pixelIDChars.MatchString(id):
		return fmt.Errorf("--pixel-id %q: a Pixel ID holds only letters, digits, '-' and '_'", id)
	}
	return nil
}

// validateNonce allows template expressions but nothing that would end the
// attribute or the tag.
func validateNonce(n string) error {
	if strings.ContainsAny(n, "\"\r\n") {
		return fmt.Errorf("--nonce must not contain a double quote or a line break: it is written inside nonce=\"…\"")
	}
	if n != strings.TrimSpace(n) {
		return fmt.Errorf("--nonce has white space around it; the nonce must match the policy's exactly")
	}
	return nil
}
