package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newGenDocsCmd builds the hidden command the release build runs to write
// man pages and shell completions into the archives and packages
// (.goreleaser.yaml, before.hooks). Users get completions from the
// `completion` command instead.
func newGenDocsCmd() *cobra.Command {
	var manDir, completionDir string
	cmd := &cobra.Command{
		Use:    "gen-docs --man DIR --completions DIR",
		Short:  "Write man pages and shell completions (used by the release build)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if manDir == "" && completionDir == "" {
				return usageErrorf("give --man DIR, --completions DIR or both")
			}
			root := cmd.Root()
			if manDir != "" {
				if err := writeManPages(root, manDir); err != nil {
					return err
				}
			}
			if completionDir != "" {
				return writeCompletions(root, completionDir)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&manDir, "man", "", "directory to write section 1 man pages to")
	cmd.Flags().StringVar(&completionDir, "completions", "", "directory to write bash, zsh, fish and PowerShell completions to")
	return cmd
}

// writeManPages writes one page per visible command. Their date comes from
// SOURCE_DATE_EPOCH when set, so release builds are reproducible.
func writeManPages(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Section: "1", Source: "oaiq-lint " + Version(), Manual: "oaiq-lint manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		return fmt.Errorf("writing man pages: %w", err)
	}
	return nil
}

// writeCompletions writes the completion scripts under the names each
// shell's packaging convention expects.
func writeCompletions(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	name := root.Name()
	for file, gen := range map[string]func(string) error{
		name + ".bash": func(p string) error { return root.GenBashCompletionFileV2(p, true) },
		"_" + name:     root.GenZshCompletionFile,
		name + ".fish": func(p string) error { return root.GenFishCompletionFile(p, true) },
		name + ".ps1":  root.GenPowerShellCompletionFileWithDesc,
	} {
		if err := gen(filepath.Join(dir, file)); err != nil {
			return fmt.Errorf("writing %s completion: %w", file, err)
		}
	}
	return nil
}
