package rules

// Deduplication across the inputs of one run: browser events found in
// pages, scripts or logs, and server events from Conversions API logs,
// pair up on pixel and event_id exactly as within one log
// (dedup-event-name-mismatch, dedup-custom-name-mismatch); the finding
// sits at the server event and names the browser event's file and line.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// DedupEvent is what deduplication needs of one event with an event_id,
// small enough to keep for a whole run.
type DedupEvent struct {
	Side             model.Side
	Pixel, ID        string
	Name, Custom     string
	At               model.Span // the event (or call)
	NameAt, CustomAt model.Span
	hasCustom        bool
}

// DedupEvents returns a document's events that carry an event_id.
func DedupEvents(doc *model.Document) []DedupEvent {
	var out []DedupEvent
	pixel := ""
	for _, c := range doc.Calls {
		if c.Side == model.Browser && c.Command() == "init" && pixel == "" {
			pixel, _ = initConfig(c).Get("pixelId").StringValue()
			continue
		}
		if c.Command() != "measure" {
			continue
		}
		m := measureCall{Call: c, Name: c.Arg(argEvent), Data: c.Arg(argData), Options: c.Arg(argOptions)}
		_, id, ok := m.EventID()
		name, okName := m.EventName()
		if !ok || !okName || strings.TrimSpace(id) == "" || stringified[strings.TrimSpace(id)] {
			continue
		}
		e := DedupEvent{Side: c.Side, Pixel: pixel, ID: id, Name: name, At: c.Span, NameAt: m.Name.Span}
		if c.Side == model.Server {
			e.Pixel = c.PixelID
		}
		if v := m.Options.Get("custom_event_name"); v != nil {
			e.Custom, e.hasCustom = v.StringValue()
			e.CustomAt = v.Span
		}
		out = append(out, e)
	}
	return out
}

// CrossDedup reports mismatches between browser and server events of
// different files (those of one file are the dedup rules' own), at the
// server event. The first browser event received for a key wins.
func CrossDedup(browser, server []DedupEvent) []model.Finding {
	first := map[string][]DedupEvent{}
	for _, b := range browser {
		first[b.ID] = append(first[b.ID], b)
	}
	var out []model.Finding
	for _, s := range server {
		for _, b := range first[s.ID] {
			if b.At.File == s.At.File || !samePixel(b.Pixel, s.Pixel) {
				continue
			}
			where := fmt.Sprintf("%s:%d", b.At.File, b.At.Start.Line)
			switch {
			case b.Name == pixel.CustomEvent && s.Name == pixel.CustomEvent:
				if b.hasCustom && s.hasCustom && customNamesDiffer(s.Custom, b.Custom) {
					out = append(out, model.Finding{Rule: "dedup-custom-name-mismatch", Span: s.CustomAt,
						Message: fmt.Sprintf("server custom_event_name %s differs from the browser's %s for event_id %s (%s): the conversion is counted twice",
							quote(s.Custom), quote(b.Custom), quote(s.ID), where),
						Hint: "send the same custom_event_name from both sides"})
				}
			case b.Name != s.Name:
				out = append(out, model.Finding{Rule: "dedup-event-name-mismatch", Span: s.NameAt,
					Message: fmt.Sprintf("server event %s and browser event %s (%s) share event_id %s: deduplication needs the same event name",
						quote(s.Name), quote(b.Name), where, quote(s.ID)),
					Hint: "send the same event name from both sides, or give different events different event_ids"})
			}
			break
		}
	}
	for i := range out {
		out[i].Severity = Lookup(out[i].Rule).Severity
	}
	return out
}
