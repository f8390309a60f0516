package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/fixer"
	"github.com/oaiq-lint/oaiq-lint/internal/ghreview"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/lint"
)

// githubReviewOptions are the flags of `oaiq-lint github-review`.
type githubReviewOptions struct {
	io                      *IOStreams
	report, files, comments string
	commit, root            string
	unsafe                  bool
}

func newGitHubReviewCmd(streams *IOStreams) *cobra.Command {
	o := &githubReviewOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "github-review --report FILE --pr-files FILE [--comments FILE]",
		Short: "Print a pull-request review proposing the fixes of a JSON report as suggestions",
		Long: `Read a report of check --format json and print, as the JSON body of
GitHub's "create a review" request, one suggestion comment per fix on lines
the pull request changes. The GitHub Action runs it (input suggestions);
run it from the repository root, where check ran.

  --pr-files    the pull request's files (GET /repos/O/R/pulls/N/files),
                every page, one JSON array after another
  --comments    its review comments (GET /repos/O/R/pulls/N/comments), every
                page: a comment already there (same file, line and text) is
                not proposed again

Only safe fixes are proposed, unless --unsafe-fixes: their comments say
"unsafe: changes a value". A fix is proposed when all its lines stand in one
hunk of the diff and read there as in the file checked; fixes whose lines
hold personal data or a secret are not (a suggestion shows whole lines).
Nothing is printed when there is nothing to propose; standard error says
what became of every fix.`,
		Example: `  oaiq-lint check --format json=report.json .
  oaiq-lint github-review --report report.json --pr-files files.json --comments comments.json --commit "$HEAD_SHA"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runGitHubReview(cmd.Context(), o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.report, "report", "", "the report of check --format json (required)")
	f.StringVar(&o.files, "pr-files", "", "the pull request's files as the GitHub API lists them (required)")
	f.StringVar(&o.comments, "comments", "", "the pull request's review comments as the GitHub API lists them")
	f.StringVar(&o.commit, "commit", "", "the pull request's head commit the comments are on (default: its latest)")
	f.StringVar(&o.root, "repo-root", "", "the repository root: absolute paths in the report are made relative to it, as the pull request names files (default: the working directory)")
	f.BoolVar(&o.unsafe, "unsafe-fixes", false, "propose unsafe fixes too (they change values: the comment says so)")
	return cmd
}

func runGitHubReview(ctx context.Context, o *githubReviewOptions) error {
	if o.report == "" || o.files == "" {
		return usageErrorf("github-review needs --report (check --format json) and --pr-files (the pull request's files)")
	}
	findings, err := readWith(o.report, ghreview.ReadReport)
	if err != nil {
		return err
	}
	files, err := readWith(o.files, ghreview.ReadPages[ghreview.File])
	if err != nil {
		return err
	}
	var comments []ghreview.Comment
	if o.comments != "" {
		if comments, err = readWith(o.comments, ghreview.ReadPages[ghreview.Comment]); err != nil {
			return err
		}
	}
	wd, err := filepath.Abs(o.root) // "": the working directory
	if err != nil {
		return err
	}
	review, st := ghreview.Build(findings, files, comments, ghreview.Options{
		Unsafe: o.unsafe, CommitID: o.commit, BaseDir: wd,
		Read: func(path string) ([]byte, error) {
			f, err := fixer.Read(path)
			if err != nil {
				return nil, err
			}
			return f.Text, nil
		},
		Sensitive: func(path string, text []byte) []pii.Known { return sensitiveIn(ctx, path, text) },
	})
	fmt.Fprintf(o.io.ErrOut, "oaiq-lint: %s\n", st)
	if len(review.Comments) == 0 {
		return nil
	}
	enc := json.NewEncoder(o.io.Out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(review)
}

// readWith opens name and parses it with read; errors name the file.
func readWith[T any](name string, read func(r io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, err // unreadable: exit 3
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, usageErrorf("%s: %v", name, err)
	}
	return v, nil
}

// sensitiveIn lists the values a file's calls hold in personal-data fields
// (e-mail, phone, external id), which a suggestion must not show.
func sensitiveIn(ctx context.Context, path string, text []byte) []pii.Known {
	var known []pii.Known
	in := func(yield func(lint.Input) bool) { yield(lint.Bytes(path, text, lint.SourceOptions{})) }
	_, _ = lint.New(lint.Options{Config: &config.Config{}, Workers: 1}).Run(ctx, in, func(r *lint.Result) error {
		known = append(known, r.Report.Sensitive...)
		return nil
	})
	return known
}
