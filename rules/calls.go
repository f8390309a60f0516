package rules

import (
	"strconv"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Argument positions of a measure call.
const (
	argCommand = 0
	argEvent   = 1
	argData    = 2
	argOptions = 3
)

// measureCall is a measure call's arguments, nil when absent.
type measureCall struct {
	*model.Call
	Name    *model.Value
	Data    *model.Value
	Options *model.Value
}

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
		if c.Command() != "measure" {
			continue
		}
		out = append(out, measureCall{Call: c, Name: c.Arg(argEvent), Data: c.Arg(argData), Options: c.Arg(argOptions)})
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

func countInits(calls []*model.Call) int {
	n := 0
	for _, c := range calls {
		if c.Command() == "init" {
			n++
		}
	}
	return n
}
