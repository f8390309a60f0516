package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
)

// initOptions are the flags and argument of `oaiq-lint init`.
type initOptions struct {
	io      *IOStreams
	dir     string
	pixelID string
	force   bool
}

func newInitCmd(streams *IOStreams) *cobra.Command {
	o := &initOptions{io: streams, dir: "."}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented " + config.FileName + " to start from",
		Long: `Write a commented ` + config.FileName + ` in DIR (default: the working directory)
with every setting explained: the Pixel ID the project uses (asked for on a
terminal unless --pixel-id gives it), the site root, the failure threshold,
and examples of rule severities, ignored paths and per-path overrides.
An existing file is kept unless --force is given.`,
		Example: `  oaiq-lint init
  oaiq-lint init --pixel-id px_live_123 site/`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runInit(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.pixelID, "pixel-id", "", "the Pixel ID every init must use (from the conversions tab of Ads Manager)")
	cmd.Flags().BoolVar(&o.force, "force", false, "replace an existing "+config.FileName)
	return cmd
}

func runInit(_ context.Context, o *initOptions) error {
	path := filepath.Join(o.dir, config.FileName)
	if _, err := os.Stat(path); err == nil && !o.force {
		return usageErrorf("%s exists; edit it, or give --force to replace it", path)
	}
	id := strings.TrimSpace(o.pixelID)
	if id == "" && o.io.StdinTTY {
		fmt.Fprint(o.io.ErrOut, "Pixel ID (from the conversions tab of Ads Manager; empty to fill in later): ")
		line, err := bufio.NewReader(o.io.In).ReadString('\n')
		if err != nil && line == "" {
			fmt.Fprintln(o.io.ErrOut) // Ctrl-D: no id
		}
		id = strings.TrimSpace(line)
	}
	if strings.ContainsAny(id, " \t\"'#:") {
		return usageErrorf("--pixel-id %q: a Pixel ID has no spaces, quotes, '#' or ':'", id)
	}
	if err := os.WriteFile(path, []byte(initConfig(id)), 0o644); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return usageErrorf("%s: no such folder", o.dir)
		}
		return err
	}
	fmt.Fprintf(o.io.ErrOut, "oaiq-lint: wrote %s; run 'oaiq-lint check --print-config' to see what it resolves to\n", path)
	return nil
}

// initConfig is the file init writes: every key, explained; the optional
// ones commented out with an example.
func initConfig(pixelID string) string {
	idLine := "# pixel_id: px_...   # fill in, and every init with another id is reported"
	if pixelID != "" {
		idLine = "pixel_id: " + pixelID
	}
	return `# oaiq-lint configuration. Paths in it are relative to this file; the
# linter finds it from the path it lints upward. Reference:
# https://github.com/oaiq-lint/oaiq-lint/blob/main/docs/configuration.md

# The Pixel ID every init must use (from the conversions tab of Ads Manager).
` + idLine + `

# The site root, for root-relative script paths such as /js/pixel.js when a
# page is linted alone (--root on the command line wins).
# root: public

# Exit 1 when a finding is at or above: error, warning, info or never.
fail_on: error

# Severities per rule: error, warning, info or off ('oaiq-lint rules' lists
# the ids).
# rules:
#   dynamic-value: off

# Paths not linted (globs; ** spans folders; a name without / matches anywhere).
# ignore:
#   - "dist/**"

# Hosts a crawl may visit besides the start hosts.
# crawl:
#   allow_hosts:
#     - checkout.example.com

# Rules for some paths only, applied in order after the ones above.
# overrides:
#   - files: ["legacy/**"]
#     rules:
#       amount-not-integer: warning
`
}
