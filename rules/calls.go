package rules

import (
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Argument positions of a measure call. A measureSingle call has its
// pixel id first, so each of its arguments sits one further along; rules
// speak of these logical positions and asMeasure maps them.
const (
	argCommand = 0
	argEvent   = 1
	argData    = 2
	argOptions = 3
)

// measureCall is the event a measure or measureSingle call sends: its
// arguments, nil when absent.
type measureCall struct {
	*model.Call
	// Target is measureSingle's target pixel; nil for measure.
	Target  *model.Value
	Name    *model.Value
	Data    *model.Value
	Options *model.Value
	// shift is how far the call's arguments sit past measure's positions.
	shift int
}

// asMeasure reads a call that sends an event (measure or measureSingle).
func asMeasure(c *model.Call) (measureCall, bool) {
	at := pixel.EventArg(c.Command())
	if at == 0 {
		return measureCall{}, false
	}
	m := measureCall{Call: c, shift: at - argEvent}
	if c.Command() == pixel.CommandMeasureSingle {
		m.Target = c.Arg(1)
	}
	m.Name, m.Data, m.Options = c.Arg(at), c.Arg(at+1), c.Arg(at+2)
	return m, true
}

// physical returns where a logical argument (argEvent, argData,
// argOptions) sits in the call.
func (m measureCall) physical(arg int) int { return arg + m.shift }

// logicalArg maps a call's argument position to the one rules speak of:
// measureSingle's event name, data and options are measure's, and its
// pixel id is argPixelID.
func logicalArg(c *model.Call, i int) int {
	if c.Command() != pixel.CommandMeasureSingle || i == 0 {
		return i
	}
	if i == 1 {
		return argPixelID
	}
	return i - 1
}

// argPixelID is the logical position of measureSingle's pixel id.
const argPixelID = -1

// EventName returns the event name when it is a known string.
func (m measureCall) EventName() (string, bool) { return m.Name.StringValue() }

// CustomName returns the custom_event_name option when it is a known string.
func (m measureCall) CustomName() (string, bool) {
	return m.Options.Get("custom_event_name").StringValue()
}

// EventID returns the event_id option when it is a known string.
func (m measureCall) EventID() (*model.Value, string, bool) {
	v := m.Options.Get("event_id")
	s, ok := v.StringValue()
	return v, s, ok
}

// measures returns the document's measure calls in order.
// callIndex holds what most rules derive from a document's calls, built
// once per Check instead of once per rule (on a 200,000-record log the
// per-rule lists were a quarter of all allocation).
type callIndex struct {
	measures []measureCall
	inits    []*model.Call
}

func indexCalls(doc *model.Document) *callIndex {
	return &callIndex{measures: measures(doc), inits: inits(doc)}
}

// measures returns the document's measure calls (shared: do not modify).
func (p *Pass) measures() []measureCall {
	if p.calls == nil {
		p.calls = indexCalls(p.Doc)
	}
	return p.calls.measures
}

// inits returns the browser's init calls in order (shared: do not modify).
func (p *Pass) inits() []*model.Call {
	if p.calls == nil {
		p.calls = indexCalls(p.Doc)
	}
	return p.calls.inits
}

func measures(doc *model.Document) []measureCall {
	var out []measureCall
	for _, c := range doc.Calls {
		if m, ok := asMeasure(c); ok {
			out = append(out, m)
		}
	}
	return out
}

// inits returns the browser's init calls in order.
func inits(doc *model.Document) []*model.Call {
	var out []*model.Call
	for _, c := range doc.Calls {
		if c.Side == model.Browser && c.Command() == "init" {
			out = append(out, c)
		}
	}
	return out
}

// initConfig returns an init call's config when it is an object.
func initConfig(c *model.Call) *model.Value {
	if v := c.Arg(1); v.Is(model.Object) {
		return v
	}
	return nil
}

// bodies groups the deferred browser calls by the function body they are
// written in (model.Call.Body), each group in source order; calls with no
// known body are left out. Calls in one body run in written order.
func bodies(calls []*model.Call) [][]*model.Call {
	index := map[string]int{}
	var out [][]*model.Call
	for _, c := range calls {
		if !c.Deferred || c.Body == 0 || c.Side != model.Browser {
			continue
		}
		k := c.Span.File + "\x00" + strconv.Itoa(c.Body)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c)
	}
	return out
}
