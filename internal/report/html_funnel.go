package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// conversionEvents are the standard events that record an outcome the
// site's server usually knows too (an order, a subscription, a trial, a
// lead, a sign-up, a booking), so they are the ones sent from both sides
// and deduplicated by event_id. page_viewed, contents_viewed, items_added
// and checkout_started are browsing steps before a conversion: the funnel
// counts them but shows no event_id share for them. Every custom event
// gets one, since the documentation offers event_id for custom events too.
var conversionEvents = map[string]bool{
	"order_created": true, "subscription_created": true, "trial_started": true,
	"lead_created": true, "registration_completed": true, "appointment_scheduled": true,
}

// Funnel groups, in display order.
const (
	groupStandard = iota
	groupCustom
	groupOther
)

type funnelKey struct {
	group int
	name  string
}

// funnel counts, per event, the targets and calls that send it and how
// many of those calls carry an event_id.
type funnel struct {
	standard []string
	rows     map[funnelKey]*funnelRow
}

// funnelRow is one event of the funnel table.
type funnelRow struct {
	Event      string
	Note       string
	Conversion bool
	Targets    int
	Browser    int
	Server     int
	// withID and known count the calls whose event_id is and is known to
	// be present or absent; unknownID those that cannot be told statically.
	withID, known, unknownID int
	// browserIDs and serverIDs map each event_id sent to the pixels it was
	// sent for ("" when not known), to pair browser events with server twins.
	browserIDs, serverIDs map[string][]string
}

func newFunnel(standard []string) *funnel {
	f := &funnel{standard: standard, rows: map[funnelKey]*funnelRow{}}
	for _, e := range standard {
		f.rows[funnelKey{groupStandard, e}] = &funnelRow{Event: e, Conversion: conversionEvents[e]}
	}
	return f
}

func (f *funnel) add(r Result) {
	seen := map[*funnelRow]bool{}
	for _, ev := range r.Events {
		row := f.row(ev)
		if ev.Side == model.Server {
			row.Server++
		} else {
			row.Browser++
		}
		if ev.ID != "" {
			ids := &row.browserIDs
			if ev.Side == model.Server {
				ids = &row.serverIDs
			}
			if *ids == nil {
				*ids = map[string][]string{}
			}
			(*ids)[ev.ID] = append((*ids)[ev.ID], ev.Pixel)
		}
		switch ev.EventID {
		case Present:
			row.withID++
			row.known++
		case Absent:
			row.known++
		default:
			row.unknownID++
		}
		if !seen[row] {
			seen[row] = true
			row.Targets++
		}
	}
}

func (f *funnel) group(ev EventInfo) int {
	switch {
	case ev.Name == "custom":
		return groupCustom
	case f.rows[funnelKey{groupStandard, ev.Name}] != nil:
		return groupStandard
	}
	return groupOther
}

// row finds or makes the row an event counts in. Names are masked like
// any other text from the input.
func (f *funnel) row(ev EventInfo) *funnelRow {
	g := f.group(ev)
	name := ev.Name
	if g == groupCustom {
		name = ev.Custom
		if ev.Side == model.Server {
			// The Conversions API lower-cases the name itself: the server's
			// Quote_Requested is the browser's quote_requested.
			name = strings.ToLower(name)
		}
	}
	name = Printable(name)
	k := funnelKey{g, name}
	if row := f.rows[k]; row != nil {
		return row
	}
	row := &funnelRow{Event: name, Conversion: g == groupCustom}
	switch {
	case g == groupCustom && name == "":
		row.Event, row.Note = "custom", "custom_event_name missing or not known statically"
	case name == "":
		row.Note = "event name not known statically"
	}
	f.rows[k] = row
	return row
}

// Seen reports whether any call sends the event.
func (r funnelRow) Seen() bool { return r.Browser+r.Server > 0 }

// Share says how many calls carry an event_id, like "3 of 4 (75%)".
func (r funnelRow) Share() string {
	var s string
	if r.known > 0 {
		s = fmt.Sprintf("%d of %d (%d%%)", r.withID, r.known, (200*r.withID+r.known)/(2*r.known)) // rounded
	}
	if r.unknownID > 0 {
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%d not known statically", r.unknownID)
	}
	return s
}

// Twins says how many browser events with an event_id have a server event
// of the same name, event_id and pixel (a pixel not known pairs with any),
// like "2 of 3"; "" when no browser event has an event_id.
func (r funnelRow) Twins() string {
	n, twins := 0, 0
	for id, pixels := range r.browserIDs {
		for _, p := range pixels {
			n++
			for _, q := range r.serverIDs[id] {
				if p == "" || q == "" || p == q {
					twins++
					break
				}
			}
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d of %d", twins, n)
}

// ShareClass colours the share: all, some or none of the calls.
func (r funnelRow) ShareClass() string {
	switch {
	case r.known == 0:
		return ""
	case r.withID == r.known:
		return "good"
	case r.withID == 0:
		return "bad"
	}
	return "partial"
}

type funnelView struct {
	Conversions []string
	Groups      []funnelGroup
}

type funnelGroup struct {
	Title string
	Rows  []funnelRow
}

func (f *funnel) view() funnelView {
	v := funnelView{}
	var groups [3][]funnelRow
	for _, e := range f.standard {
		if conversionEvents[e] {
			v.Conversions = append(v.Conversions, e)
		}
		groups[groupStandard] = append(groups[groupStandard], *f.rows[funnelKey{groupStandard, e}])
	}
	for k, row := range f.rows {
		if k.group != groupStandard {
			groups[k.group] = append(groups[k.group], *row)
		}
	}
	for _, g := range groups[groupCustom:] {
		// Named events first, alphabetically; the nameless row last.
		sort.Slice(g, func(i, j int) bool {
			if (g[i].Note == "") != (g[j].Note == "") {
				return g[i].Note == ""
			}
			return g[i].Event < g[j].Event
		})
	}
	if len(f.standard) == 0 {
		for e := range conversionEvents {
			v.Conversions = append(v.Conversions, e)
		}
		sort.Strings(v.Conversions)
	}
	titles := [3]string{"Standard events", "Custom events", "Other event names (not standard events of the JavaScript pixel)"}
	if len(f.standard) == 0 {
		titles[groupOther] = "Events"
	}
	for i, rows := range groups {
		if len(rows) > 0 {
			v.Groups = append(v.Groups, funnelGroup{Title: titles[i], Rows: rows})
		}
	}
	return v
}
