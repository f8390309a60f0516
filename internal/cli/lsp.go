package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/lsp"
)

// lspOptions are the flags of `oaiq-lint lsp`.
type lspOptions struct {
	io       *IOStreams
	config   string
	baseline string
	debounce time.Duration
}

func newLSPCmd(streams *IOStreams) *cobra.Command {
	o := &lspOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (LSP over standard input and output)",
		Long: `Speak the Language Server Protocol over standard input and output, for
editors: findings as diagnostics while you type (every file kind check
reads, and event logs), fixes as code actions (safe ones also as "fix
all"), and each rule's explanation on hover. Unsaved buffers are linted as
they are. The configuration (.oaiq-lint.yaml from each file's folder up,
or --config) and --baseline are read again for every lint, so editing them
takes effect at once. See docs/editors.md for Neovim, Helix, Zed and VS Code.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			err := lsp.New(lsp.Options{ConfigPath: o.config, BaselinePath: o.baseline, Debounce: o.debounce, Version: Version()}).
				Serve(cmd.Context(), o.io.In, o.io.Out)
			if cmd.Context().Err() != nil {
				return errInterrupted
			}
			return err
		},
	}
	cmd.Flags().StringVar(&o.config, "config", "", "configuration file (default: .oaiq-lint.yaml in each file's folder or a parent)")
	cmd.Flags().StringVar(&o.baseline, "baseline", "", "report only findings that are not in this baseline file")
	cmd.Flags().DurationVar(&o.debounce, "debounce", 250*time.Millisecond, "how long to wait after a change before linting")
	return cmd
}
