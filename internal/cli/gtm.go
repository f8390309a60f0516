package cli

// The flags of Google Tag Manager inputs (issue 17). Reading exports,
// templates and the containers' verdicts is lint's (lint/gtm.go).

import (
	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/lint"
)

func (o *sourceOptions) addGTMFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&o.gtmExports, "gtm", nil, "a Google Tag Manager container export (Admin → Export Container) to judge the pages that load its container with; also linted (repeatable)")
}

func addCrawlGTMFlag(cmd *cobra.Command, o *crawlOptions) {
	cmd.Flags().StringArrayVar(&o.gtmExports, "gtm", nil, "a Google Tag Manager container export (Admin → Export Container) to judge the crawled pages that load its container with (repeatable)")
}

// readGTMFlag reads the --gtm exports of a crawl; a file that cannot be
// read or is not an export is a usage error.
func readGTMFlag(files []string, maxSize int64) (lint.Containers, error) {
	c, err := lint.ReadContainers(files, maxSize)
	if err != nil {
		return nil, usageErrorf("--gtm %v", err)
	}
	return c, nil
}
