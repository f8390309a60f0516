package rules

// Browser/server deduplication: a conversion sent from both the pixel and
// the server matches on Pixel ID, event name (custom_event_name for custom
// events) and event_id. These rules read logs holding both sides.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(
		&Rule{
			ID: "dedup-custom-name-mismatch", Severity: model.Error,
			Title: "browser and server custom events with one event_id but different custom_event_name",
			Spec:  "For custom events, keep the same custom_event_name on both sides as well.",
			Doc: `Deduplication compares custom_event_name for custom events: a different
name on each side counts the conversion twice.

Bad: browser ` + "`{ custom_event_name: \"quote_requested\", event_id: \"q_1\" }`" + `, server
` + "`{ \"custom_event_name\": \"QuoteRequested\", \"event_id\": \"q_1\" }`" + `.

Good: the same name on both sides.`,
			Check: func(p *Pass) { checkDedup(p, true) },
		},
		&Rule{
			ID: "dedup-event-name-mismatch", Severity: model.Error,
			Title: "browser and server events with one event_id but different event names",
			Spec:  "Deduplication matches on your Pixel ID, the event name, and event_id.",
			Doc: `Bad: browser ` + "`order_created`" + ` and server ` + "`checkout_started`" + ` both with
event_id "order_12345": neither is deduplicated.

Good: the same event name and event_id on both sides.`,
			Check: func(p *Pass) { checkDedup(p, false) },
		},
		&Rule{
			ID: "dedup-unmatched", Severity: model.Info,
			Title: "an event_id seen on one side only",
			Spec:  "If you send the same conversion from both the Measurement Pixel and a server-side integration, reuse the same event_id in both places.",
			Doc: `In a log that holds both browser calls and server events, an event_id on
one side only means that conversion is not deduplicated (or was sent once,
which may be intended).

Bad: browser event_id "order_12345", server event_id "12345".

Good: the same event_id on both sides.`,
			Check: checkDedupUnmatched,
		},
	)
}

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
		if c.Command() != "measure" {
			continue
		}
		m := measureCall{Call: c, Name: c.Arg(argEvent), Data: c.Arg(argData), Options: c.Arg(argOptions)}
		v, id, ok := m.EventID()
		if !ok || strings.TrimSpace(id) == "" || stringified[strings.TrimSpace(id)] {
			continue // event-id-empty's finding: such an id pairs with nothing
		}
		if c.Side == model.Server {
			server = append(server, dedupEvent{m, id, v, c.PixelID})
		} else {
			browser = append(browser, dedupEvent{m, id, v, pixel})
		}
	}
	if len(browser) == 0 || len(server) == 0 {
		return nil, nil
	}
	return browser, server
}

// samePixel is true when both pixels are known and equal, or either is not
// known (then only the event_id can pair them).
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
				if custom && okb && oks && bc != sc {
					p.Report(s.m.Options.Get("custom_event_name").Span,
						fmt.Sprintf("server custom_event_name %s differs from the browser's %s for event_id %s (line %d): the conversion is counted twice",
							quote(sc), quote(bc), quote(s.id), b.m.Span.Start.Line),
						"send the same custom_event_name from both sides")
				}
			} else if !custom && bn != sn {
				p.Report(s.m.Name.Span,
					fmt.Sprintf("server event %s and browser event %s (line %d) share event_id %s: deduplication needs the same event name",
						quote(sn), quote(bn), b.m.Span.Start.Line, quote(s.id)),
					"send the same event name from both sides, or give different events different event_ids")
			}
			break
		}
	}
}

func checkDedupUnmatched(p *Pass) {
	browser, server := dedupEvents(p.Doc)
	report := func(e dedupEvent, side, other string, others []dedupEvent) {
		for _, o := range others {
			if o.id == e.id && samePixel(o.pixel, e.pixel) {
				return
			}
		}
		for _, o := range others {
			if o.id == e.id {
				p.Report(e.idV.Span, fmt.Sprintf("event_id %s goes to pixel %s here but to pixel %s on the %s (line %d): deduplication needs the same pixel",
					quote(e.id), quote(e.pixel), quote(o.pixel), other, o.m.Span.Start.Line),
					"send the server event for the pixel the page initialises")
				return
			}
		}
		p.Report(e.idV.Span, fmt.Sprintf("event_id %s is sent from the %s only: no %s event shares it, so it is not deduplicated", quote(e.id), side, other),
			"reuse the same event_id (and pixel) on both sides when the conversion is sent twice")
	}
	for _, b := range browser {
		report(b, "browser", "server", server)
	}
	for _, s := range server {
		report(s, "server", "browser", browser)
	}
}
