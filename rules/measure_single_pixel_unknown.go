package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "measure-single-pixel-unknown", Severity: model.Error,
		Title: "measureSingle names a pixel the page never initialised",
		Spec:  "measureSingle sends the event to one pixel only; that pixel must have been initialised, events for an unknown Pixel ID are not rerouted. (developers.openai.com/ads/multiple-pixels, revision P5)",
		Doc: `oaiq("measureSingle", pixelId, eventName, eventData, eventOptions?) sends
one event to one pixel. The SDK does not reroute an event whose pixel was
never initialised with oaiq("init", { pixelId }): the conversion is lost.
When part of the page cannot be read (a tag manager, an unresolved script)
or the file is a script or fragment, the other init may be there: the
finding is then info.

Bad:
` + md("jsonl", `["init", {"pixelId": "px_8f2b1c"}]
["measureSingle", "px_77aa01", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]`) + `
Good:
` + md("jsonl", `["init", {"pixelId": "px_8f2b1c"}]
["init", {"pixelId": "px_77aa01"}]
["measureSingle", "px_77aa01", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}]`),
		Check: checkMeasureSinglePixelUnknown,
	})
}

func checkMeasureSinglePixelUnknown(p *Pass) {
	initialised := map[string]bool{}
	order := map[*model.Call]int{} // a call's place in the document, to list what came before it
	for i, c := range p.Doc.Calls {
		order[c] = i
	}
	type initAt struct {
		id    string
		order int
	}
	var inits []initAt
	for _, c := range p.inits() {
		cfg := c.Arg(argInitConfig)
		v := cfg.Get("pixelId")
		if cfg.IsDynamic() || v.IsDynamic() || (cfg.Is(model.Object) && cfg.Open && v == nil) {
			return // a computed pixelId, or a spread config, may name any pixel: unknown is not wrong
		}
		if s, ok := v.StringValue(); ok {
			initialised[strings.TrimSpace(s)] = true
			inits = append(inits, initAt{strings.TrimSpace(s), order[c]})
		}
	}
	partial := p.Doc.Kind == model.Script || p.Doc.Kind == model.Fragment
	if partial && len(initialised) == 0 {
		return // a script or fragment that initialises nothing leaves init to the page
	}
	unseen := unseenParts(p.Doc)
	for _, m := range p.measures() {
		if m.Image != nil {
			continue // an image tag needs no init: it names its pixel itself
		}
		s, ok := m.Target.StringValue()
		if !ok || strings.TrimSpace(s) == "" || isPlaceholder(strings.TrimSpace(s)) || initialised[strings.TrimSpace(s)] {
			continue // empty and placeholder ids are init-pixel-id-placeholder's
		}
		if slices.Contains(pixel.StandardEvents, s) || s == pixel.CustomEvent {
			continue // an event name where the pixel id goes: measure-args says the id is missing
		}
		// The message lists the pixels initialised before this call: one
		// initialised later is no answer to it.
		before := map[string]bool{}
		for _, in := range inits {
			if in.order < order[m.Call] {
				before[in.id] = true
			}
		}
		msg, hint := singleUnknownMsg(s, before), singleUnknownHint(s)
		switch {
		case partial:
			p.ReportAs(model.Info, m.Target.Span, singleUnknownBase(s, before)+"; the page around this file may initialise it", hint)
		case unseen != "":
			p.ReportAs(model.Info, m.Target.Span, singleUnknownBase(s, before)+"; "+unseen+" may initialise it, which static analysis cannot see", hint)
		default:
			p.Report(m.Target.Span, msg, hint)
		}
	}
}

// The finding where nothing unseen may initialise the pixel, also made by
// LogState.
func singleUnknownMsg(to string, initialised map[string]bool) string {
	return singleUnknownBase(to, initialised) + "; the SDK does not reroute it, so the event is lost"
}

func singleUnknownBase(to string, initialised map[string]bool) string {
	return fmt.Sprintf("measureSingle sends to pixel %s, which is never initialised here: %s", quote(to), initialisedList(initialised))
}

func singleUnknownHint(to string) string {
	return fmt.Sprintf("add oaiq(\"init\", { pixelId: %s }) before it, or name one of the initialised pixels", quote(to))
}

// initialisedList names the pixels initialised, for messages.
func initialisedList(ids map[string]bool) string {
	if len(ids) == 0 {
		return "no init before it names a pixelId"
	}
	var names []string
	for id := range ids {
		names = append(names, quote(id))
	}
	slices.Sort(names)
	return "initialised before it: " + strings.Join(names, ", ")
}
