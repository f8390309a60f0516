package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/schema"
)

// schemaOptions are the arguments of `oaiq-lint schema`.
type schemaOptions struct {
	io   *IOStreams
	name string // "": list the names
}

func newSchemaCmd(streams *IOStreams) *cobra.Command {
	o := &schemaOptions{io: streams}
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
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.name = args[0]
			}
			return runSchema(cmd.Context(), o)
		},
	}
}

// runSchema prints one schema, or the names of all.
func runSchema(_ context.Context, o *schemaOptions) error {
	if o.name == "" {
		fmt.Fprintln(o.io.Out, strings.Join(schema.Names(), "\n"))
		return nil
	}
	src, ok := schema.Source(strings.TrimSuffix(o.name, ".schema.json"))
	if !ok {
		return usageErrorf("no schema named %q (want one of: %s)", o.name, strings.Join(schema.Names(), ", "))
	}
	_, err := o.io.Out.Write(src)
	return err
}
