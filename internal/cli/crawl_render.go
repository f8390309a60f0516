package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// renderPages runs every crawled HTML page in the browser (crawl --render)
// and checks what it really does: its document becomes the rendered one,
// keeping the crawl's own findings (robots.txt, fetch failures, oppref lost
// by an HTTP redirect, which the browser then no longer sees). A page the
// browser cannot load is checked as fetched, with a note on stderr.
func (r *renderOptions) renderPages(ctx context.Context, pages []*crawl.Page, errOut io.Writer) error {
	if !r.enabled {
		return nil
	}
	steps, err := r.steps()
	if err != nil {
		return err
	}
	b, err := r.start(ctx, steps)
	if err != nil {
		return interrupted(ctx, err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, p := range pages {
		if !p.HTML || p.Failed {
			continue
		}
		wg.Go(func() {
			c, err := b.Capture(ctx, p.URL)
			if err != nil && ctx.Err() != nil {
				return // interrupted: said once below
			}
			if err != nil {
				mu.Lock()
				fmt.Fprintf(errOut, "oaiq-lint: %s: rendering failed (%v); checked as fetched\n", p.URL, err)
				mu.Unlock()
				return
			}
			doc, files := c.Document()
			doc.Findings = mergeCrawlFindings(p.Doc.Findings, doc.Findings)
			p.Doc, p.Files = doc, files
			p.Rendered, p.RecordedCalls = true, c.RecordedCalls()
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return errInterrupted
	}
	return nil
}

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
