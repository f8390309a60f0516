package rules

// Helpers of call-before-loader and measure-before-init: which calls run
// before window.oaiq exists.

import (
	"github.com/oaiq-lint/oaiq-lint/model"
)

// callsBeforeOaiq lists the page's calls that run, where they stand,
// before any script has defined window.oaiq. It is empty when that cannot
// be known: not a whole page, no loader at all (snippet-missing's finding),
// or code out of sight (a tag manager, an unread script or include) that
// may define oaiq first.
func callsBeforeOaiq(doc *model.Document) (early []*model.Call, page *model.PageFacts, first model.Span, found bool) {
	page = wholePage(doc)
	if page == nil || !page.HasHead || len(page.Loaders) == 0 ||
		len(page.TagManagers) > 0 || len(page.Unresolved) > 0 || len(page.Includes) > 0 || len(page.Unread) > 0 {
		return nil, nil, model.Span{}, false
	}
	first, found = firstDefiner(page)
	for _, c := range doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Span.File != doc.Path || c.Image != nil {
			continue
		}
		if found && first.File == c.Span.File && first.Start.Before(c.Span.Start) {
			continue
		}
		early = append(early, c)
	}
	return early, page, first, found
}

// firstDefiner is the earliest place window.oaiq is defined as the page
// runs: a stub that is not deferred, or a script that assigns oaiq.
func firstDefiner(page *model.PageFacts) (model.Span, bool) {
	var first model.Span
	found := false
	consider := func(s model.Span) {
		if !found || s.Start.Before(first.Start) {
			first, found = s, true
		}
	}
	for _, l := range page.Loaders {
		if l.Kind == model.LoaderStub && !l.Deferred {
			consider(placed(l))
		}
	}
	for _, s := range page.Definers {
		consider(s)
	}
	return first, found
}
