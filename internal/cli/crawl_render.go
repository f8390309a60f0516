package cli

import (
	"context"
	"errors"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// errInterrupted ends a run stopped by Ctrl-C or SIGTERM.
var errInterrupted = errors.New("interrupted")

// interrupted maps an error that arrived after ctx ended to errInterrupted:
// a cancel can land at any moment (while the browser starts, while a page
// loads, while a file is read), and whatever the step then fails with, the
// cause is the interruption.
func interrupted(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return errInterrupted
	}
	return err
}

// mergeCrawlFindings keeps the crawler's findings and adds the rendered
// page's, except an oppref-dropped the crawler already reported.
func mergeCrawlFindings(crawled, rendered []model.Finding) []model.Finding {
	var out []model.Finding
	dropped := false
	for _, f := range crawled {
		switch f.Rule {
		case crawl.RuleFetchFailed, "robots-blocks-adsbot", "oppref-dropped":
			out = append(out, f)
			dropped = dropped || f.Rule == "oppref-dropped"
		}
	}
	for _, f := range rendered {
		if f.Rule == "oppref-dropped" && dropped {
			continue
		}
		out = append(out, f)
	}
	return out
}
