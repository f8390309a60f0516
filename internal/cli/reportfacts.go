package cli

import (
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// addFacts tells formats that count events and pages (html) what a
// document holds; every path that lints a document into a Result calls it.
func addFacts(res *report.Result, doc *model.Document) {
	res.Kind, res.Events, res.Page = doc.Kind.String(), eventFacts(doc), pageFacts(doc)
	res.Sensitive = report.SensitiveIn(doc)
}

// eventFacts describes a document's measure calls for formats that count
// events (the HTML report's funnel). Nothing is guessed: a name or option
// not known statically stays unknown.
func eventFacts(doc *model.Document) []report.EventInfo {
	var out []report.EventInfo
	for _, c := range doc.Calls {
		at := pixel.EventArg(c.Command()) // measure or measureSingle
		if at == 0 {
			continue
		}
		name, _ := c.Arg(at).StringValue()
		opts := c.Arg(at + 2)
		ev := report.EventInfo{Name: name, Side: c.Side, EventID: presence(opts, "event_id")}
		if name == "custom" {
			ev.Custom, _ = opts.Get("custom_event_name").StringValue()
		}
		out = append(out, ev)
	}
	return out
}

// presence tells whether an options object holds key: an unknown object, or
// one with spread members lacking it, could hold it.
func presence(opts *model.Value, key string) report.Presence {
	switch {
	case opts == nil:
		return report.Absent
	case opts.IsDynamic():
		return report.Unknown
	case opts.Field(key) != nil:
		return report.Present
	case opts.Is(model.Object) && opts.Open:
		return report.Unknown
	}
	return report.Absent
}

// pageFacts tells whether a whole page visibly sets the pixel up; nil for
// anything but a page.
func pageFacts(doc *model.Document) *report.PageInfo {
	if doc.Kind != model.Page || doc.Page == nil {
		return nil
	}
	p := &report.PageInfo{HasLoader: len(doc.Page.Loaders) > 0}
	if len(doc.Page.TagManagers) > 0 {
		p.TagManager = doc.Page.TagManagers[0].Name
	}
	for _, c := range doc.Calls {
		if c.Command() == "init" {
			p.HasInit = true
			break
		}
	}
	return p
}
