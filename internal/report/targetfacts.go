package report

import "github.com/oaiq-lint/oaiq-lint/model"

// EventInfo is one measure call as formats that count events see it (the
// HTML report's funnel). The CLI fills it from the document's calls, so
// reporters never walk the model.
type EventInfo struct {
	// Name is the event name; "" when it is not known statically.
	Name string
	// Custom is the custom_event_name of a custom event; "" when absent or
	// not known statically.
	Custom string
	// EventID tells whether the options carry an event_id.
	EventID Presence
	Side    model.Side
	// ID is the event_id (a server event's id) when known statically, and
	// Pixel the pixel the event goes to ("" when not known): they pair a
	// browser event with its server twin in the funnel.
	ID, Pixel string
}

// Presence says whether a call holds a field, as far as can be known.
type Presence uint8

const (
	// Absent: the call has no such field (and no spread that could add it).
	Absent Presence = iota
	// Present: the field is written in the call.
	Present
	// Unknown: the options are not known statically, or spread in members.
	Unknown
)

// PageInfo is what a whole HTML page tells about its pixel set-up.
type PageInfo struct {
	// HasLoader is true when the page loads the SDK (snippet or script tag).
	HasLoader bool
	// HasInit is true when an init call is found on the page.
	HasInit bool
	// TagManager names a tag manager the page loads ("" when none), which
	// may inject a pixel static analysis cannot see.
	TagManager string
}

// HasPixel reports whether the page visibly sets the pixel up: a loader or
// an init call was found.
func (p *PageInfo) HasPixel() bool { return p != nil && (p.HasLoader || p.HasInit) }

// TagExtent is one tag of a tag-manager container: its name and the span
// of its whole definition in the export.
type TagExtent struct {
	Name string
	Span model.Span
}

// tagOf is the name of the tag whose definition holds span, and whether
// one does.
func tagOf(tags []TagExtent, s model.Span) (string, bool) {
	for _, t := range tags {
		if t.Span.File == s.File && !s.Start.Before(t.Span.Start) && s.Start.Before(t.Span.End) {
			return t.Name, true
		}
	}
	return "", false
}
