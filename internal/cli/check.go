package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// sourceOptions are the flags of commands that read pages and scripts.
type sourceOptions struct {
	root        string
	maxFileSize int64
	// gtmExports are the --gtm files (see gtm.go).
	gtmExports []string
	stdinName  string
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.root, "root", "", "site root for root-relative script paths such as /js/pixel.js (default: root: in the configuration, else the folder being checked)")
	cmd.Flags().StringVar(&o.stdinName, "stdin-filename", "", "the path standard input (-) stands for: its name in the output, the configuration's per-path settings, its kind by extension")
	cmd.Flags().Var(newSizeFlag(&o.maxFileSize, fetch.DefaultMaxBytes), "max-file-size", "skip files larger than this (reported as info): 10MB, 512KB, or bytes")
	o.addGTMFlags(cmd)
}

// lintOptions are the options for reading sources; the configuration's
// root: applies when --root is not given.
func (o *sourceOptions) lintOptions(pr *project) lint.SourceOptions {
	root := o.root
	if root == "" && pr != nil {
		root = pr.cfg.Root
	}
	return lint.SourceOptions{Root: root, MaxFileSize: o.maxFileSize, UserAgent: userAgent(), StdinName: o.stdinName, GTMExports: o.gtmExports}
}

func userAgent() string {
	return "oaiq-lint/" + Version() + " (+https://github.com/oaiq-lint/oaiq-lint)"
}

// checkOptions are the flags and arguments of `oaiq-lint check`.
type checkOptions struct {
	io     *IOStreams
	g      *globalOptions
	source sourceOptions
	render renderOptions
	fix    fixOptions
	args   []string
}

func newCheckCmd(streams *IOStreams, g *globalOptions) *cobra.Command {
	o := &checkOptions{io: streams, g: g}
	cmd := &cobra.Command{
		Use:   "check [PATH... | URL... | -]",
		Short: "Check HTML pages, templates and scripts",
		Long: `Find every pixel call in HTML pages, HTML-like templates and scripts and
check it, together with the page itself: is the SDK loaded, once, from the
right URL, early in <head>; does a Content-Security-Policy block it.

Arguments (default: the working directory) are files, folders (searched recursively for pages, templates and
scripts, skipping .git, node_modules, vendor and what .gitignore ignores),
glob patterns ("site/**/*.html"), http(s) URLs (one page each, no crawling;
same-origin scripts are read too), or - for standard input.

A file named on the command line is read whatever its extension. Scripts a
page includes with <script src> are read as part of the page when they
resolve in the tree (relative to the page, or to --root for "/js/x.js").
Template tags ({{ }}, {% %}, <% %>, <? ?>) are values only known when the
page is rendered: they are reported as such, never guessed.

Google Tag Manager container exports (.json, Admin → Export Container) and
custom template files (.tpl) are linted tag by tag; a page that loads a
container whose export is in the run (or given with --gtm) is judged with
what the container's tags really do.

With --render, URL arguments are loaded in headless Chromium instead: every
pixel call the page really makes (values computed at run time, calls from
bundles and tag managers, calls after --click or --script steps) is
recorded and checked, with ?oppref=oaiq-lint-probe added to see whether
the page keeps it. The SDK is answered by a recorder and the pixel's event
host is blocked, so nothing is sent. --record FILE writes the calls found
as an event log that 'oaiq-lint log' reads.`,
		Example: `  oaiq-lint check ./public
  oaiq-lint check 'templates/**/*.liquid' --root ./public
  oaiq-lint check https://shop.example.com/thank-you
  curl -s https://shop.example.com/ | oaiq-lint check -
  oaiq-lint check ./public --format github --format sarif=oaiq.sarif
  oaiq-lint check --render --click '#buy' https://shop.example.com/product`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."} // as ESLint, ruff and golangci-lint do
			}
			o.args = args
			return runCheck(cmd.Context(), o)
		},
	}
	o.source.addFlags(cmd)
	o.render.addFlags(cmd, true)
	o.fix.addFlags(cmd)
	g.addLintFlags(cmd)
	return cmd
}

// runCheck lints the arguments; with --render, URL arguments are loaded in
// the browser instead of fetched.
func runCheck(ctx context.Context, o *checkOptions) error {
	l := &lintRun{io: o.io, g: o.g, record: o.render.record, paths: o.args}
	if o.source.stdinName != "" {
		l.paths = append([]string{o.source.stdinName}, o.args...)
	}
	opts, err := l.options()
	if err != nil {
		return err
	}
	if o.fix.active() || o.fix.unsafe {
		if done, err := o.fix.run(ctx, o, opts); done || err != nil {
			return err
		}
	}
	var in io.Reader = o.io.In
	opts.CrossInputDedup = !isSingleFile(o.args)
	inputs := lint.Targets(o.args, in, o.source.lintOptions(l.project))
	if o.render.enabled {
		b, err := o.render.startFor(ctx, o.args)
		if err != nil {
			return err
		}
		if b != nil {
			defer b.Close()
			inputs = renderURLs(inputs, b)
		}
	}
	return l.run(ctx, opts, inputs, runHooks{fixes: o.fixesApply})
}

// fixesApply tells the results whose fixes check --fix applies: those of
// files, not of URLs (standard input stands for a file, which an editor
// piping it in can fix).
func (o *checkOptions) fixesApply(r *lint.Result) bool { return !isHTTPURL(r.Name) }
