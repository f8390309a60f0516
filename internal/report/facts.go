package report

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Describe tells formats that count calls, events and pages (html) what a
// document holds; the pipeline calls it for every document it lints.
func (r *Result) Describe(doc *model.Document) {
	r.Calls, r.Kind, r.Events, r.Page = len(doc.Calls), doc.Kind.String(), eventFacts(doc), pageFacts(doc)
	for _, q := range doc.Requests {
		if q.Body.IsDynamic() {
			r.Calls++ // a request whose body is not known: made, though no event of it could be read
		}
	}
	r.Sensitive = SensitiveIn(doc)
	r.Input = doc.Input
	r.Tags = tagExtents(doc)
}

// eventFacts describes a document's measure calls for formats that count
// events (the HTML report's funnel). Nothing is guessed: a name or option
// not known statically stays unknown.
func eventFacts(doc *model.Document) []EventInfo {
	n := 0
	for _, c := range doc.Calls {
		if pixel.EventArg(c.Command()) != 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]EventInfo, 0, n)
	pixelID := "" // the browser's: its first init's
	for _, c := range doc.Calls {
		if c.Side == model.Browser && c.Command() == "init" && pixelID == "" {
			pixelID, _ = c.Arg(1).Get("pixelId").StringValue()
		}
		at := pixel.EventArg(c.Command()) // measure or measureSingle
		if at == 0 {
			continue
		}
		name, _ := c.Arg(at).StringValue()
		opts := c.Arg(at + 2)
		ev := EventInfo{Name: name, Side: c.Side, EventID: presence(opts, "event_id"), Pixel: pixelID}
		ev.ID, _ = opts.Get("event_id").StringValue()
		if target, ok := c.Arg(1).StringValue(); ok && at == 2 {
			ev.Pixel = target // measureSingle names its one pixel
		}
		if c.Side == model.Server {
			ev.Pixel = c.PixelID
		}
		if name == "custom" {
			ev.Custom, _ = opts.Get("custom_event_name").StringValue()
		}
		out = append(out, ev)
	}
	return out
}

// presence tells whether an options object holds key: an unknown object, or
// one with spread members lacking it, could hold it.
func presence(opts *model.Value, key string) Presence {
	switch {
	case opts == nil:
		return Absent
	case opts.IsDynamic():
		return Unknown
	case opts.Field(key) != nil:
		return Present
	case opts.Is(model.Object) && opts.Open:
		return Unknown
	}
	return Absent
}

// pageFacts tells whether a whole page visibly sets the pixel up; nil for
// anything but a page.
func pageFacts(doc *model.Document) *PageInfo {
	if doc.Kind != model.Page || doc.Page == nil {
		return nil
	}
	p := &PageInfo{HasLoader: len(doc.Page.Loaders) > 0}
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

// tagExtents are a container's tags, for the html report's grouping of
// findings by tag; nil for other documents.
func tagExtents(doc *model.Document) []TagExtent {
	if doc.Container == nil {
		return nil
	}
	var out []TagExtent
	for _, t := range doc.Container.Tags {
		out = append(out, TagExtent{Name: t.Name, Span: t.Extent})
	}
	return out
}
