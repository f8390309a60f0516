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
	if page == nil || !page.HasHead || len(page.Loaders) == 0 && len(page.Inert) == 0 ||
		len(page.TagManagers) > 0 || len(page.Unresolved) > 0 || len(page.Includes) > 0 || len(page.Unread) > 0 {
		return nil, nil, model.Span{}, false
	}
	first, found = firstDefiner(page)
	// While the only snippet is held back (by a consent manager, or in a
	// <script> browsers do not run as written), a call guarded by a test
	// of oaiq is skipped, as the page wants: snippet-consent-gated's or
	// snippet-missing's note. An unguarded one throws.
	_, gated := heldBack(page)
	gated = gated && !found
	for _, c := range doc.Calls {
		if c.Side != model.Browser || c.Deferred || c.Image != nil || gated && c.Guarded {
			continue
		}
		at, ok := runsAt(doc, c)
		if !ok {
			continue
		}
		// A call in the script that defines oaiq is judged with it, as
		// calls of the inline snippet's own <script> are.
		if found && (first == at || first.File == at.File && first.Start.Before(at.Start)) {
			continue
		}
		early = append(early, c)
	}
	return early, page, first, found
}

// splitAfterSDK splits early calls into those that certainly find no oaiq
// and those after a plain blocking SDK <script>, which has run by then:
// whether the SDK defines oaiq by itself is not documented.
func splitAfterSDK(doc *model.Document, page *model.PageFacts, early []*model.Call) (before, after []*model.Call, sdk model.Span) {
	sdk, ok := blockingSDKTag(page)
	if !ok {
		return early, nil, sdk
	}
	for _, c := range early {
		if at, _ := runsAt(doc, c); at.File == sdk.File && sdk.Start.Before(at.Start) {
			after = append(after, c)
		} else {
			before = append(before, c)
		}
	}
	return before, after, sdk
}

// blockingSDKTag is the page's first SDK <script src> that blocks the
// parser (neither async, defer nor a module), if any.
func blockingSDKTag(page *model.PageFacts) (model.Span, bool) {
	if page == nil {
		return model.Span{}, false
	}
	for _, l := range page.Loaders {
		if l.Kind == model.LoaderScriptTag && !l.Async && !l.Deferred && !l.Late {
			return placed(l), true
		}
	}
	return model.Span{}, false
}

// runsAt is where in the page a call runs: where it is written, or, for
// a call in an external script, the page's <script src> that loads it;
// false when neither is in the page's file.
func runsAt(doc *model.Document, c *model.Call) (model.Span, bool) {
	switch {
	case c.Span.File == doc.Path:
		return c.Span, true
	case !c.Element.IsZero() && c.Element.File == doc.Path:
		return c.Element, true
	}
	return model.Span{}, false
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

// held is a pixel snippet that does not run as the page loads: a loader
// a consent manager holds back until the visitor agrees, or a <script> of
// a type browsers do not run holding it, which nothing the linter knows
// releases. Either way, calls before it is released find no oaiq.
type held struct {
	span   model.Span
	noun   string // "the pixel snippet waits for consent"
	reason string // what releases it, after its place: ": Cookiebot … runs it once the visitor agrees, …"
	hint   string // how to keep the page's calls from throwing
}

// why says why oaiq does not exist for a call at from.
func (h held) why(from model.Span) string {
	return h.noun + " (" + at(h.span, from) + ")" + h.reason
}

// heldBack is the page's first held-back snippet: the first loader a
// consent manager holds back, else, when the page has no loader, the
// first <script> browsers do not run that holds the snippet.
func heldBack(page *model.PageFacts) (held, bool) {
	for _, l := range page.Loaders {
		if l.Consent != "" {
			return held{
				span:   placed(l),
				noun:   loaderNoun(l) + " waits for consent",
				reason: ": " + l.Consent + " runs it once the visitor agrees, after the page's own scripts",
				hint:   `guard the call (window.oaiq && oaiq(…)) so that it is skipped before consent instead of throwing, or load the snippet for everyone with oaiq("consent", false) before init and oaiq("consent", true) once the visitor agrees, if your consent policy allows loading the SDK before consent`,
			}, true
		}
	}
	if len(page.Loaders) == 0 && len(page.Inert) > 0 {
		in := page.Inert[0]
		return held{
			span:   in.Span,
			noun:   "the pixel snippet is in " + inertNoun(in),
			reason: ", which browsers do not run as written: only a script turning it into JavaScript defines oaiq, and none has by the time this call runs",
			hint:   `remove the type attribute of the <script> holding the snippet so that it runs at the top of <head>, or, if a consent manager releases it later, guard the call (window.oaiq && oaiq(…)) so that it is skipped until then instead of throwing`,
		}, true
	}
	return held{}, false
}
