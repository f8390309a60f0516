package rules

// Helpers of the dedup-* rules: a conversion sent from both the pixel and
// the server matches on Pixel ID, event name (custom_event_name for custom
// events) and event_id; these read logs holding both sides.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// dedupEvent is one measure call with an event_id, with the pixel it goes to.
type dedupEvent struct {
	m     measureCall
	id    string
	idV   *model.Value
	pixel string
}

// dedupEvents returns the events with an event_id, split by side, or nil
// when the document does not hold both sides.
func dedupEvents(doc *model.Document) (browser, server []dedupEvent) {
	pixel := ""
	for _, c := range doc.Calls {
		if c.Side == model.Browser && c.Command() == "init" && pixel == "" {
			pixel, _ = initConfig(c).Get("pixelId").StringValue()
			continue
		}
		m, ok := asMeasure(c)
		if !ok {
			continue
		}
		v, id, ok := m.EventID()
		if !ok || strings.TrimSpace(id) == "" || stringified[strings.TrimSpace(id)] {
			continue // event-id-empty's finding: such an id pairs with nothing
		}
		if c.Side == model.Server {
			server = append(server, dedupEvent{m, id, v, c.PixelID})
		} else {
			to := pixel
			if single, ok := m.Target.StringValue(); ok {
				to = single // measureSingle names the one pixel it sends to
			}
			browser = append(browser, dedupEvent{m, id, v, to})
		}
	}
	if len(browser) == 0 || len(server) == 0 {
		return nil, nil
	}
	return browser, server
}

// samePixel is true when both pixels are known and equal, or either is not
// known (then only the event_id can pair them).
// The mismatch findings within one document, also made by LogState.
const (
	dedupCustomHint = "send the same custom_event_name from both sides"
	dedupNameHint   = "send the same event name from both sides, or give different events different event_ids"
)

func dedupCustomMsg(server, browser, id string, browserLine int) string {
	return fmt.Sprintf("server custom_event_name %s differs from the browser's %s for event_id %s (line %d): the conversion is counted twice",
		quote(server), quote(browser), quote(id), browserLine)
}

func dedupNameMsg(server, browser string, browserLine int, id string) string {
	return fmt.Sprintf("server event %s and browser event %s (line %d) share event_id %s: deduplication needs the same event name",
		quote(server), quote(browser), browserLine, quote(id))
}

// customNamesDiffer reports custom_event_names that do not pair: the
// Conversions API lower-cases the name itself (current docs), so a
// difference of case only is custom-name-case's warning, not a double count.
func customNamesDiffer(server, browser string) bool {
	return !strings.EqualFold(server, browser)
}

func samePixel(a, b string) bool { return a == "" || b == "" || a == b }

func checkDedup(p *Pass, custom bool) {
	browser, server := dedupEvents(p.Doc)
	for _, s := range server {
		for _, b := range browser {
			if b.id != s.id || !samePixel(b.pixel, s.pixel) {
				continue
			}
			bn, ok1 := b.m.EventName()
			sn, ok2 := s.m.EventName()
			if !ok1 || !ok2 {
				continue
			}
			if bn == pixel.CustomEvent && sn == pixel.CustomEvent {
				bc, okb := b.m.CustomName()
				sc, oks := s.m.CustomName()
				if custom && okb && oks && customNamesDiffer(sc, bc) {
					p.Report(s.m.Options.Get("custom_event_name").Span, dedupCustomMsg(sc, bc, s.id, b.m.Span.Start.Line), dedupCustomHint)
				}
			} else if !custom && bn != sn {
				p.Report(s.m.Name.Span, dedupNameMsg(sn, bn, b.m.Span.Start.Line, s.id), dedupNameHint)
			}
			break
		}
	}
}
