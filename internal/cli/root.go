// Package cli builds the oaiq-lint command tree. Every command is an options
// struct, a constructor that builds the cobra command, and a run function;
// nothing here calls os.Exit, so commands run in-process in tests.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// version is stamped at release time with -ldflags "-X …/internal/cli.version=v1.2.3".
var version = ""

// Version returns the program's version: the stamped one, else the module
// version Go recorded, else "dev".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Exit codes (design.md): 0 clean, 1 findings at or above --fail-on,
// 2 usage or configuration error, 3 an input could not be read.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitInput    = 3
	// ExitInterrupted is the shell's code for a run ended by Ctrl-C.
	ExitInterrupted = 130
)

// ExitError carries an exit code up to main without printing anything more.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// usageError marks errors in how the program was called (exit 2). help is
// set for the errors --help answers (an unknown command or flag, a wrong
// number of arguments); the others say their fix themselves.
type usageError struct {
	err  error
	help bool
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...)}
}

// flagError words the flag parser's errors: a value of the wrong kind says
// what the flag wants; an unknown flag names the nearest known one.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		var known []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { known = append(known, f.Name) })
		cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) { known = append(known, f.Name) })
		if near := suggest.Nearest(name, known); near != "" {
			msg += ", did you mean --" + near + "?"
		}
		return usageError{err: errors.New(msg), help: true}
	}
	explained := explainFlagError(err)
	return usageError{err: explained, help: explained == err}
}

// flagsTakingFlags refuses a string flag whose value is another flag
// ("hash --csv --column email users.csv" gives --csv the value
// "--column"): the user forgot the value, and the error would otherwise
// blame the flag that lost its own.
func flagsTakingFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err != nil || (f.Value.Type() != "string" && f.Value.Type() != "stringArray") {
			return
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if other := flagNamed(cmd, v); other != "" {
				what, _ := pflag.UnquoteUsage(f)
				if what == "string" || what == "stringArray" {
					what = "value"
				}
				err = usageError{err: fmt.Errorf("--%s needs a %s (got the flag %s); give --%s its value first", f.Name, what, other, f.Name)}
				return
			}
		}
	})
	return err
}

// flagNamed returns v when it is one of cmd's flags (--name, --name=x or
// -n), else "".
func flagNamed(cmd *cobra.Command, v string) string {
	switch {
	case strings.HasPrefix(v, "--") && len(v) > 2:
		name, _, _ := strings.Cut(v[2:], "=")
		if cmd.Flags().Lookup(name) != nil {
			return "--" + name
		}
	case len(v) == 2 && v[0] == '-' && v[1] != '-':
		if cmd.Flags().ShorthandLookup(v[1:]) != nil {
			return v
		}
	}
	return ""
}

// commandPath is "check " for `oaiq-lint check …`, so the hint opens the
// help that answers the error.
func commandPath(root *cobra.Command, args []string) string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == root {
		return ""
	}
	return strings.TrimPrefix(cmd.CommandPath(), root.Name()+" ") + " "
}

// globalOptions are the flags every linting command shares.
type globalOptions struct {
	formats []string
	failOn  string
	color   string
	quiet   bool
	// reportTime stamps reports that show when they were made (html).
	reportTime bool
	// failOnSet is true when --fail-on was given, so it wins over the
	// configuration's fail_on.
	failOnSet bool
	// maxPerRule is --max-findings-per-rule, which wins over the
	// configuration's max_findings_per_rule when given (maxPerRuleSet).
	maxPerRule    int
	maxPerRuleSet bool
	project       projectFlags
}

// addLintFlags adds the flags of commands that lint (check, crawl, log):
// output formats, the failure threshold and the project's settings.
func (g *globalOptions) addLintFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	g.addFormatFlag(cmd, "output format, repeatable: NAME or NAME=FILE ("+strings.Join(report.Formats(), ", ")+")", report.Formats())
	f.StringVar(&g.failOn, "fail-on", "error", "exit 1 when a finding is at or above: error, warning, info or never")
	completeValues(cmd, "fail-on", "error", "warning", "info", "never")
	f.BoolVarP(&g.quiet, "quiet", "q", false, "print findings only: no code frames, hints or summary")
	f.IntVar(&g.maxPerRule, "max-findings-per-rule", 0, "keep the first N findings of each rule and count the rest in the summary (0: keep all; default: max_findings_per_rule of the configuration)")
	f.BoolVar(&g.reportTime, "report-time", false, "stamp the html report with the time it was made (left out by default, so reports can be diffed)")
	g.project.add(cmd)
}

// addFormatFlag adds --format alone, for commands that print one listing;
// shells complete it with names.
func (g *globalOptions) addFormatFlag(cmd *cobra.Command, usage string, names []string) {
	cmd.Flags().StringArrayVarP(&g.formats, "format", "f", []string{"text"}, usage)
	completeValues(cmd, "format", names...)
}

// completeValues makes shell completion offer values for a flag.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// NewRootCmd builds the command tree over the given streams.
func NewRootCmd(io *IOStreams) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "oaiq-lint",
		Short: "Lint integrations of the OpenAI Ads Measurement Pixel",
		Long: `oaiq-lint finds mistakes in integrations of the OpenAI Ads Measurement Pixel
before they ship and while they run: the pixel silently drops what it does
not understand, so a broken integration loses every conversion unnoticed.

It reads HTML pages, templates and scripts (check), and JSON event logs
(log), extracts every oaiq("init" | "consent" | "measure" | "measureSingle", …) call with its
exact position, and checks each against the pixel's documentation.`,
		Example: `  oaiq-lint check ./public
  oaiq-lint log events.jsonl --format json
  oaiq-lint rules`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version(),
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetVersionTemplate("oaiq-lint {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)

	root.PersistentFlags().StringVar(&g.color, "color", "auto", "colour text output: auto, always or never (NO_COLOR is honoured)")
	completeValues(root, "color", "auto", "always", "never")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if f := cmd.Flag("fail-on"); f != nil {
			g.failOnSet = f.Changed
		}
		if f := cmd.Flag("max-findings-per-rule"); f != nil {
			g.maxPerRuleSet = f.Changed
		}
		return flagsTakingFlags(cmd)
	}

	root.AddCommand(
		newCheckCmd(io, g),
		newCrawlCmd(io, g),
		newExtractCmd(io),
		newLogCmd(io, g),
		newSchemaCmd(io),
		newVersionCmd(io),
		newHashCmd(io),
		newSnippetCmd(io),
		newRulesCmd(io, g),
		newExplainCmd(io, g),
		newGenDocsCmd(),
		newInitCmd(io),
		newLSPCmd(io),
		newGitHubReviewCmd(io),
	)
	return root
}

// Main runs the program with args and returns its exit code. Ctrl-C and
// SIGTERM are handled here, once for every command: they cancel the run's
// context, and the run ends with one "interrupted" line and exit 130.
func Main(args []string, io *IOStreams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return MainContext(ctx, args, io)
}

// MainContext runs the program until ctx ends; an end of ctx is an
// interruption whatever the command was doing at that moment.
func MainContext(ctx context.Context, args []string, io *IOStreams) int {
	root := NewRootCmd(io)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var exit *ExitError
	var usage usageError
	switch {
	case ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted):
		// Whatever the command returned, even success over partial input.
		fmt.Fprintln(io.ErrOut, interruptedLine(err))
		return ExitInterrupted
	case err == nil:
		return ExitOK
	case errors.As(err, &exit):
		return exit.Code
	case errors.As(err, &usage) && !usage.help:
		fmt.Fprintf(io.ErrOut, "oaiq-lint: %s\n", report.Printable(err.Error()))
		return ExitUsage
	case errors.As(err, &usage) || isCobraUsage(err):
		fmt.Fprintf(io.ErrOut, "oaiq-lint: %s\nRun 'oaiq-lint %s--help' for usage.\n", report.Printable(err.Error()), commandPath(root, args))
		return ExitUsage
	default:
		fmt.Fprintf(io.ErrOut, "oaiq-lint: %s\n", report.Printable(err.Error()))
		return ExitInput
	}
}

// isCobraUsage recognises cobra's own errors for unknown commands and bad
// argument counts, which are usage errors too.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "accepts ", "requires at least", "requires at most", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// versionOptions are what `oaiq-lint version` needs: where to print.
type versionOptions struct{ io *IOStreams }

func newVersionCmd(streams *IOStreams) *cobra.Command {
	o := &versionOptions{io: streams}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runVersion(cmd.Context(), o) },
	}
}

func runVersion(_ context.Context, o *versionOptions) error {
	bi, _ := debug.ReadBuildInfo()
	_, err := fmt.Fprintf(o.io.Out, "oaiq-lint %s\nrules follow the pixel documentation's revision %s\n", versionLine(Version(), bi), pixel.Revision)
	return err
}

// versionLine adds to the version what Go recorded of the source a binary
// was built from (go build in a checkout): the commit, its time, and
// whether the tree had changes, so a bug report names the exact code.
func versionLine(v string, bi *debug.BuildInfo) string {
	if bi == nil {
		return v
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	parts := []string{"revision " + rev[:min(len(rev), 12)]}
	if at != "" {
		parts = append(parts, at)
	}
	if modified {
		parts = append(parts, "with uncommitted changes")
	}
	return v + " (" + strings.Join(parts, ", ") + ")"
}
