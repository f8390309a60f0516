package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// docs/rules.md is this command's markdown output; a test fails when the
// two drift.
//go:generate go test -run ^TestRulesDocMatchesRegistry$ -update-rules-doc .

// ruleFormats are the --format values of the rules and explain commands.
var ruleFormats = []string{"text", "json", "markdown"}

// ruleFormat reads the shared --format flag for commands that print one
// document to standard output.
func ruleFormat(g *globalOptions) (string, error) {
	if len(g.formats) != 1 || strings.Contains(g.formats[0], "=") {
		return "", usageErrorf("--format: this command prints one format to standard output: text, json or markdown")
	}
	f := g.formats[0]
	for _, ok := range ruleFormats {
		if f == ok {
			return f, nil
		}
	}
	if f == "md" {
		return "markdown", nil
	}
	return "", usageErrorf("--format %q: this command prints text, json or markdown", f)
}

// rulesOptions are the flags of `oaiq-lint rules` and the argument of
// `oaiq-lint explain`.
type rulesOptions struct {
	io *IOStreams
	g  *globalOptions
	id string // explain: the rule asked for
}

func newRulesCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	o := &rulesOptions{io: streams, g: g}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, severity and what it finds",
		Long: `List every check oaiq-lint makes, with its id and default severity.

--format json gives each rule's id, severity, title, documentation and the
specification sentence it enforces, for tools; --format markdown writes the
rules reference (docs/rules.md is generated this way).`,
		Example: `  oaiq-lint rules
  oaiq-lint rules --format json
  oaiq-lint rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRules(cmd.Context(), o) },
	}
	g.addFormatFlag(cmd, "output: text, json or markdown", ruleFormats)
	return cmd
}

// runRules lists the registry.
func runRules(_ context.Context, o *rulesOptions) error {
	format, err := ruleFormat(o.g)
	if err != nil {
		return err
	}
	return report.WriteRules(o.io.Out, format, rules.All())
}

func newExplainCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	o := &rulesOptions{io: streams, g: g}
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: why it matters, a bad and a good example, its source",
		Example: `  oaiq-lint explain hash-sentinel
  oaiq-lint explain hash-sentinel --format markdown`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID+"\t"+r.Title)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.id = args[0]
			return runExplain(cmd.Context(), o)
		},
	}
	g.addFormatFlag(cmd, "output: text, json or markdown", ruleFormats)
	return cmd
}

// runExplain prints one rule.
func runExplain(_ context.Context, o *rulesOptions) error {
	format, err := ruleFormat(o.g)
	if err != nil {
		return err
	}
	r, err := findRule(o.id)
	if err != nil {
		return err
	}
	return report.WriteRule(o.io.Out, format, r)
}

// findRule looks a rule up by id, forgiving case, underscores and the
// brackets findings print around ids; an unknown id is a usage error with
// the closest ids as suggestions.
func findRule(arg string) (*rules.Rule, error) {
	id := strings.ToLower(strings.Trim(strings.TrimSpace(arg), "[]"))
	id = strings.ReplaceAll(id, "_", "-")
	if r := rules.Lookup(id); r != nil {
		return r, nil
	}
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if s := suggest.Closest(id, ids); len(s) > 0 {
		return nil, usageErrorf("no rule %q; did you mean %s? ('oaiq-lint rules' lists them all)", arg, strings.Join(s, " or "))
	}
	return nil, usageErrorf("no rule %q; 'oaiq-lint rules' lists them all", arg)
}
