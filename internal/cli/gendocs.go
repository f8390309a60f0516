package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"
)

// newGenDocsCmd builds the hidden command the release build runs to write
// man pages and shell completions into the archives and packages
// (.goreleaser.yaml, before.hooks). Users get completions from the
// `completion` command instead.
func newGenDocsCmd() *cobra.Command {
	o := &genDocsOptions{}
	cmd := &cobra.Command{
		Use:    "gen-docs --man DIR --completions DIR",
		Short:  "Write man pages and shell completions (used by the release build)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.root = cmd.Root()
			return runGenDocs(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.manDir, "man", "", "directory to write section 1 man pages to")
	cmd.Flags().StringVar(&o.completionDir, "completions", "", "directory to write bash, zsh, fish and PowerShell completions to")
	return cmd
}

// genDocsOptions are the flags of the hidden gen-docs command, and the
// command tree it documents.
type genDocsOptions struct {
	manDir, completionDir string
	root                  *cobra.Command
}

// runGenDocs writes the man pages and completions asked for.
func runGenDocs(_ context.Context, o *genDocsOptions) error {
	if o.manDir == "" && o.completionDir == "" {
		return usageErrorf("give --man DIR, --completions DIR or both")
	}
	if o.manDir != "" {
		if err := writeManPages(o.root, o.manDir); err != nil {
			return err
		}
	}
	if o.completionDir != "" {
		return writeCompletions(o.root, o.completionDir)
	}
	return nil
}

// writeManPages writes one page per visible command. Their date comes from
// SOURCE_DATE_EPOCH when set, so release builds are reproducible.
func writeManPages(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root.DisableAutoGenTag = true
	escapeForMan(root, map[*pflag.Flag]bool{})
	header := &doc.GenManHeader{Section: "1", Source: "oaiq-lint " + Version(), Manual: "oaiq-lint manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		return fmt.Errorf("writing man pages: %w", err)
	}
	return nil
}

// manMarkup are the characters the man page generator reads as Markdown:
// help text holds literal code (<head>, <script src>, "**" in globs,
// <name>_sha256) that would otherwise turn into emphasis or vanish as HTML.
var manMarkup = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "<", `\<`, ">", `\>`,
	"[", `\[`, "]", `\]`, "`", "\\`")

// manEscape escapes text for the man page generator, except indented lines,
// which Markdown keeps as code (the completion commands' shell examples).
func manEscape(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, "    ") {
			lines[i] = manMarkup.Replace(l)
		}
	}
	return strings.Join(lines, "\n")
}

// escapeForMan escapes the help text of every command and flag for the man
// page generator, which renders it as Markdown. Examples are printed as
// code blocks, which it keeps as written. A flag several commands share is
// escaped once (seen).
func escapeForMan(cmd *cobra.Command, seen map[*pflag.Flag]bool) {
	cmd.Short = manEscape(cmd.Short)
	cmd.Long = manEscape(cmd.Long)
	for _, fs := range []*pflag.FlagSet{cmd.LocalFlags(), cmd.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !seen[f] {
				seen[f] = true
				f.Usage = manEscape(f.Usage)
			}
		})
	}
	for _, c := range cmd.Commands() {
		escapeForMan(c, seen)
	}
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
