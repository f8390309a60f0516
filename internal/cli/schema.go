package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/schema"
)

func newSchemaCmd(io *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [NAME]",
		Short: "Print the JSON Schemas the checks use",
		Long: `Print one of the JSON Schemas (draft 2020-12) that oaiq-lint validates calls
against, so other tools can reuse them. Without a name, list the names.`,
		Example: `  oaiq-lint schema
  oaiq-lint schema contents > contents.schema.json`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return schema.Names(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				fmt.Fprintln(io.Out, strings.Join(schema.Names(), "\n"))
				return nil
			}
			src, ok := schema.Source(strings.TrimSuffix(args[0], ".schema.json"))
			if !ok {
				return usageErrorf("no schema named %q (want one of: %s)", args[0], strings.Join(schema.Names(), ", "))
			}
			_, err := io.Out.Write(src)
			return err
		},
	}
}
