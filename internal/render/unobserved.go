package render

import (
	"github.com/oaiq-lint/oaiq-lint/model"
)

// unobserved returns the calls written in the page that the browser never
// saw made (a handler not triggered, a branch not taken), in source order.
// They stay in the rendered document so their static findings are kept:
// rendering adds coverage, it never takes it away.
func unobserved(static *model.Document, observed map[*model.Call]bool) []*model.Call {
	if static == nil {
		return nil
	}
	var out []*model.Call
	for _, c := range static.Calls {
		if !observed[c] {
			out = append(out, c)
		}
	}
	return out
}

// notMade counts the written calls that did not run while rendering,
// besides those that threw because oaiq was missing (lost), and returns
// the first of them.
func notMade(static *model.Document, observed, lost map[*model.Call]bool) (int, model.Span) {
	var first model.Span
	n := 0
	for _, c := range unobserved(static, observed) {
		if lost[c] || c.Image != nil {
			continue // an image tag is a request, not an oaiq call to record
		}
		if n == 0 {
			first = c.Span
		}
		n++
	}
	return n, first
}

// sameWrittenCall returns the first written call not observed yet with the
// same command and, when both are known, the same event name as rec.
func sameWrittenCall(static *model.Document, rec *model.Call, observed map[*model.Call]bool) *model.Call {
	if static == nil {
		return nil
	}
	for _, w := range static.Calls {
		if observed[w] || !sameString(w.Arg(0), rec.Arg(0), true) || !sameString(w.Arg(1), rec.Arg(1), false) {
			continue
		}
		return w
	}
	return nil
}

// sameString compares two string arguments; an argument that is not a
// known string matches anything unless required.
func sameString(a, b *model.Value, required bool) bool {
	known := func(v *model.Value) bool { return v != nil && v.Kind == model.String }
	if !known(a) || !known(b) {
		return !required
	}
	return a.Str == b.Str
}
