package cli

import (
	"context"
	"errors"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// errInterrupted ends a run stopped by Ctrl-C or SIGTERM.
var errInterrupted = errors.New("interrupted")

// interruption is an interrupted run that says how far it got ("after 12
// pages"); it is errInterrupted for errors.Is.
type interruption struct{ after string }

func (e *interruption) Error() string        { return "interrupted after " + e.after }
func (e *interruption) Is(target error) bool { return target == errInterrupted }

// interruptedLine is the one line an interrupted run prints.
func interruptedLine(err error) string {
	var in *interruption
	if errors.As(err, &in) {
		return "oaiq-lint: " + in.Error()
	}
	return "oaiq-lint: interrupted"
}

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

// keepCrawlFacts gives the rendered page what only the crawler saw
// (robots.txt's verdict, a failed fetch, oppref lost by an HTTP redirect,
// which the browser then no longer sees). The browser's own oppref loss is
// kept only when the crawler saw none: it is the same loss seen twice.
func keepCrawlFacts(crawled, rendered *model.Document) {
	rendered.FetchFailure = crawled.FetchFailure
	rendered.RobotsBlock = crawled.RobotsBlock
	if len(crawled.OpprefDrops) > 0 {
		rendered.OpprefDrops = crawled.OpprefDrops
	}
}
