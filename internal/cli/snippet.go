package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/snippet"
)

// snippetOptions are the flags of `oaiq-lint snippet`.
type snippetOptions struct {
	io       *IOStreams
	snippet  snippet.Options
	consent  bool
	nonceSet bool // --nonce was given, even empty
}

func newSnippetCmd(streams *IOStreams) *cobra.Command {
	o := &snippetOptions{io: streams, consent: true}
	cmd := &cobra.Command{
		Use:   "snippet --pixel-id ID",
		Short: "Print the installation snippet for your pixel",
		Long: `Print the pixel's installation snippet, exactly as its documentation gives
it, ready to paste at the top of <head> on every page that measures
conversions (the top, so early conversions are not lost while the page
loads). As printed, it lints clean.

  --nonce N                  adds nonce="N" to the script tag, for a site whose
                             Content Security Policy uses nonces; N is usually
                             the template expression that prints the page's
                             per-request nonce, such as '{{ .CSPNonce }}'
  --consent-default=false    adds oaiq("consent", false) before init: nothing
                             is measured until you call oaiq("consent", true)
                             once the visitor agrees
  --user                     adds a commented template of the user object
  --debug                    adds debug: true (SDK activity in the console);
                             remove it before going live`,
		Example: `  oaiq-lint snippet --pixel-id px_4f8a2c
  oaiq-lint snippet --pixel-id px_4f8a2c --nonce '{{ .CSPNonce }}' --consent-default=false`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.nonceSet = cmd.Flags().Changed("nonce")
			return runSnippet(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.snippet.PixelID, "pixel-id", "", "your Pixel ID, from the conversions tab of Ads Manager (required)")
	f.StringVar(&o.snippet.Nonce, "nonce", "", "add this nonce attribute to the script tag (CSP)")
	f.BoolVar(&o.consent, "consent-default", true, "consent before the visitor chooses; false adds oaiq(\"consent\", false) before init")
	f.BoolVar(&o.snippet.User, "user", false, "add a commented template of the user object")
	f.BoolVar(&o.snippet.Debug, "debug", false, "add debug: true, to see SDK activity in the browser console")
	return cmd
}

// runSnippet prints the installation snippet.
func runSnippet(_ context.Context, o *snippetOptions) error {
	if o.nonceSet && o.snippet.Nonce == "" {
		return usageErrorf("--nonce is empty; give the page's nonce, or leave the flag out")
	}
	opts := o.snippet
	opts.ConsentDenied = !o.consent
	text, err := snippet.Generate(opts)
	if err != nil {
		return usageError{err: err}
	}
	_, err = io.WriteString(o.io.Out, text)
	return err
}
