package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/pixel"
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

func newRulesCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
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
		RunE: func(*cobra.Command, []string) error {
			format, err := ruleFormat(g)
			if err != nil {
				return err
			}
			return writeRules(streams.Out, format, rules.All())
		},
	}
	g.addFormatFlag(cmd, "output: text, json or markdown")
	return cmd
}

func newExplainCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
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
		RunE: func(_ *cobra.Command, args []string) error {
			format, err := ruleFormat(g)
			if err != nil {
				return err
			}
			r, err := findRule(args[0])
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(streams.Out, ruleJSONOf(r))
			case "markdown":
				_, err := io.WriteString(streams.Out, ruleMarkdown(r))
				return err
			}
			_, err = io.WriteString(streams.Out, ruleText(r))
			return err
		},
	}
	g.addFormatFlag(cmd, "output: text, json or markdown")
	return cmd
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
	if s := closestIDs(id, ids); len(s) > 0 {
		return nil, usageErrorf("no rule %q; did you mean %s? ('oaiq-lint rules' lists them all)", arg, strings.Join(s, " or "))
	}
	return nil, usageErrorf("no rule %q; 'oaiq-lint rules' lists them all", arg)
}

// closestIDs returns the ids nearest to id by edit distance (within a third
// of its length), or those containing it, at most three.
func closestIDs(id string, ids []string) []string {
	best, bestDist := []string(nil), len(id)/3+2
	for _, c := range ids {
		d := suggest.Distance(id, c)
		switch {
		case d < bestDist:
			best, bestDist = []string{c}, d
		case d == bestDist:
			best = append(best, c)
		}
	}
	if len(best) == 0 && len(id) >= 3 {
		for _, c := range ids {
			if strings.Contains(c, id) {
				best = append(best, c)
			}
		}
	}
	if len(best) > 3 {
		best = best[:3]
	}
	for i, b := range best {
		best[i] = fmt.Sprintf("%q", b)
	}
	return best
}

func writeRules(w io.Writer, format string, rs []*rules.Rule) error {
	switch format {
	case "json":
		out := struct {
			Version int        `json:"version"`
			Rules   []ruleJSON `json:"rules"`
		}{Version: 1, Rules: make([]ruleJSON, len(rs))}
		for i, r := range rs {
			out.Rules[i] = ruleJSONOf(r)
		}
		return writeJSON(w, out)
	case "markdown":
		_, err := io.WriteString(w, rulesMarkdown(rs))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFINDS")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Title)
	}
	return tw.Flush()
}

// ruleJSON is a rule as tools read it; the field names are a contract.
type ruleJSON struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Title    string `json:"title"`
	Doc      string `json:"doc"`
	Spec     string `json:"spec"`
}

func ruleJSONOf(r *rules.Rule) ruleJSON {
	return ruleJSON{ID: r.ID, Severity: r.Severity.String(), Title: r.Title, Doc: r.Doc, Spec: r.Spec}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// ruleText is explain's terminal form: Markdown code fences become
// indented blocks, which read better in a terminal.
func ruleText(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n\n", r.ID, r.Severity, r.Title)
	inCode := false
	for _, line := range strings.Split(strings.TrimSpace(r.Doc), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if inCode {
			line = "    " + line
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	if r.Spec != "" {
		b.WriteString("\nSpecification:\n")
		for _, line := range strings.Split(strings.TrimSpace(r.Spec), "\n") {
			b.WriteString("  > " + line + "\n")
		}
	}
	return b.String()
}

// rulesMarkdown is the rules reference: an index table, then one section
// per rule.
func rulesMarkdown(rs []*rules.Rule) string {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from the rule registry by `oaiq-lint rules --format markdown`. Do not edit: run `go generate ./internal/cli`. -->\n\n")
	b.WriteString("Every check oaiq-lint makes, with its default severity. `oaiq-lint explain RULE` prints one of them in the terminal. ")
	b.WriteString("The rules follow the pixel documentation's revision " + pixel.Revision + ".\n\n")
	b.WriteString("| Rule | Severity | Finds |\n| --- | --- | --- |\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, strings.ReplaceAll(markdownText(r.Title), "|", `\|`))
	}
	for _, r := range rs {
		b.WriteString("\n")
		b.WriteString(ruleMarkdown(r))
	}
	return b.String()
}

func ruleMarkdown(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n**%s**: %s\n\n", r.ID, r.Severity, markdownText(r.Title))
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		b.WriteString(doc + "\n\n")
	}
	if r.Spec != "" {
		b.WriteString("Specification:\n\n")
		for _, line := range strings.Split(strings.TrimSpace(r.Spec), "\n") {
			b.WriteString(strings.TrimRight("> "+line, " ") + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// markdownText escapes plain text (a rule's title) so a tag it names, such
// as <script>, is shown rather than read as HTML.
func markdownText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
