package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/oaiq-lint/oaiq-lint/pixel"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// WriteRules writes the rule registry as a table (text), JSON for tools or
// the Markdown rules reference.
func WriteRules(w io.Writer, format string, rs []*rules.Rule) error {
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
		_, err := io.WriteString(w, RulesMarkdown(rs))
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

// RulesMarkdown is the rules reference: an index table, then one section
// per rule.
func RulesMarkdown(rs []*rules.Rule) string {
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

// WriteRule writes one rule as explain prints it: text for the terminal,
// JSON for tools or a Markdown section.
func WriteRule(w io.Writer, format string, r *rules.Rule) error {
	switch format {
	case "json":
		return writeJSON(w, ruleJSONOf(r))
	case "markdown":
		_, err := io.WriteString(w, ruleMarkdown(r))
		return err
	}
	_, err := io.WriteString(w, ruleText(r))
	return err
}
