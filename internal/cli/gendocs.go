package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/oaiq-lint/oaiq-lint/internal/report"
)

// newGenDocsCmd builds the hidden command the release build runs to write
// man pages and shell completions into the archives and packages
// (.goreleaser.yaml, before.hooks). Users get completions from the
// `completion` command instead.
func newGenDocsCmd() *cobra.Command {
	o := &genDocsOptions{}
	cmd := &cobra.Command{
		Use:    "gen-docs --man DIR --completions DIR [--deb DIR --version V]",
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
	cmd.Flags().StringVar(&o.debDir, "deb", "", "directory to write what a Debian package needs besides: gzipped man pages (man/), changelog.gz and lintian-overrides")
	cmd.Flags().StringVar(&o.version, "version", "", "with --deb: the version the changelog names")
	cmd.Flags().Int64Var(&o.date, "date", 0, "date of the pages and changelog, in seconds since 1970 (default: SOURCE_DATE_EPOCH, else now), so builds are reproducible")
	return cmd
}

// genDocsOptions are the flags of the hidden gen-docs command, and the
// command tree it documents.
type genDocsOptions struct {
	manDir, completionDir, debDir string
	version                       string
	date                          int64
	when                          *time.Time // nil: now
	root                          *cobra.Command
}

// runGenDocs writes the man pages and completions asked for.
func runGenDocs(_ context.Context, o *genDocsOptions) error {
	if o.date != 0 {
		t := time.Unix(o.date, 0).UTC()
		o.when = &t
	} else if epoch, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		t := time.Unix(epoch, 0).UTC()
		o.when = &t
	}
	if o.manDir == "" && o.completionDir == "" && o.debDir == "" {
		return usageErrorf("give --man DIR, --completions DIR, --deb DIR or several")
	}
	if o.debDir != "" {
		if o.version == "" {
			return usageErrorf("--deb needs --version, the version the package's changelog names")
		}
		if err := writeDebianDocs(o.root, o.debDir, o.version, o.when); err != nil {
			return err
		}
	}
	if o.manDir != "" {
		if err := writeManPages(o.root, o.manDir, o.when); err != nil {
			return err
		}
	}
	if o.completionDir != "" {
		return writeCompletions(o.root, o.completionDir)
	}
	return nil
}

// writeManPages writes one page per visible command, dated when (nil: now),
// so release builds are reproducible.
func writeManPages(root *cobra.Command, dir string, when *time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root.DisableAutoGenTag = true
	if root.Annotations["oaiq-lint/man-escaped"] == "" { // once per command tree
		escapeForMan(root, map[*pflag.Flag]bool{})
		if root.Annotations == nil {
			root.Annotations = map[string]string{}
		}
		root.Annotations["oaiq-lint/man-escaped"] = "yes"
	}
	header := &doc.GenManHeader{Section: "1", Source: "oaiq-lint " + Version(), Manual: "oaiq-lint manual", Date: when}
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

// writeDebianDocs writes what Debian policy wants of a package's
// documentation, which lintian checks: man pages compressed with gzip -9n
// (no name or time in the header, so builds are reproducible), a
// changelog.gz for this version, dated when (nil: now), and the package's
// lintian overrides.
func writeDebianDocs(root *cobra.Command, dir, version string, when *time.Time) error {
	manDir := filepath.Join(dir, "man")
	plain, err := os.MkdirTemp("", "oaiq-lint-man")
	if err != nil {
		return err
	}
	defer os.RemoveAll(plain)
	if err := writeManPages(root, plain, when); err != nil {
		return err
	}
	if err := os.MkdirAll(manDir, 0o755); err != nil {
		return err
	}
	pages, err := filepath.Glob(filepath.Join(plain, "*.1"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := writeGzip(filepath.Join(manDir, filepath.Base(p)+".gz"), data); err != nil {
			return err
		}
	}
	date := time.Now().UTC()
	if when != nil {
		date = *when
	}
	version = strings.TrimPrefix(version, "v")
	changelog := fmt.Sprintf("oaiq-lint (%s) unstable; urgency=medium\n\n  * Release %s: %s/releases/tag/v%s\n\n -- %s  %s\n",
		version, version, report.ProjectURL, version, debianMaintainer, date.Format(time.RFC1123Z))
	if err := writeGzip(filepath.Join(dir, "changelog.gz"), []byte(changelog)); err != nil {
		return err
	}
	// Go links statically by design (CGO_ENABLED=0): one file that runs on
	// every distribution. lintian takes that for an error unless told.
	overrides := "# Go programs are statically linked by design (CGO_ENABLED=0).\noaiq-lint: statically-linked-binary [usr/bin/oaiq-lint]\n"
	return os.WriteFile(filepath.Join(dir, "lintian-overrides"), []byte(overrides), 0o644)
}

// debianMaintainer is the Maintainer of the deb and rpm packages; it must
// match .goreleaser.yaml's nfpms maintainer, which the release test checks.
const debianMaintainer = "The oaiq-lint authors <oaiq-lint@users.noreply.github.com>"

// writeGzip writes data gzipped at the best compression, with no file name
// or time in the header.
func writeGzip(path string, data []byte) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
