package rules

// Commands and arguments: oaiq(command, ...) with init, measure or consent,
// the measure argument list, and the order of calls in a document.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(
		&Rule{
			ID: "command-unknown", Severity: model.Error,
			Title: "first argument not init, measure or consent",
			Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
			Doc: `The pixel knows three commands. Other pixels' commands (` + "`track`" + `) are
queued and silently ignored, so every conversion is lost.

Bad:
` + "```js" + `
oaiq("track", "Purchase", { value: 25.99 });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
			Check: checkCommands,
		},
		&Rule{
			ID: "measure-args", Severity: model.Error,
			Title: "measure with fewer than 3 or more than 4 arguments, or event data / options not an object",
			Spec:  "A measure call accepts up to four arguments, in this order: Command, Event name, Event data (an object), Options.",
			Doc: `Bad:
` + "```js" + `
oaiq("measure", "lead_created");
oaiq("measure", "order_created", 2599, "USD");
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "lead_created", { type: "customer_action" });
` + "```",
			Check: checkMeasureArgs,
		},
		&Rule{
			ID: "measure-before-init", Severity: model.Warning,
			Title: "a measure call before any init",
			Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
			Doc: `Calls run in order; a measure call before init has no pixel to report
to.

Bad:
` + "```js" + `
oaiq("measure", "page_viewed", { type: "contents" });
oaiq("init", { pixelId: "px_123" });
` + "```" + `
Good:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("measure", "page_viewed", { type: "contents" });
` + "```",
			Check: checkMeasureBeforeInit,
		},
		&Rule{
			ID: "consent-value", Severity: model.Error,
			Title: "consent argument not a boolean",
			Spec:  "oaiq(\"consent\", false) / oaiq(\"consent\", true). The argument is a boolean. (facts beyond the spec)",
			Doc: `The string "false" is not false: a consent call with anything but a
boolean does not deny consent.

Bad:
` + "```js" + `
oaiq("consent", "false");
` + "```" + `
Good:
` + "```js" + `
oaiq("consent", false);
` + "```",
			Check: checkConsentValue,
		},
		&Rule{
			ID: "consent-after-init", Severity: model.Warning,
			Title: "the first consent(false) comes after init",
			Spec:  "Consent should be set before init when consent is required (consent(false) then init, then consent(true) once the user agrees). (facts beyond the spec)",
			Doc: `The pixel starts with consent granted; events between init and a later
consent(false) are sent without consent.

Bad:
` + "```js" + `
oaiq("init", { pixelId: "px_123" });
oaiq("consent", false);
` + "```" + `
Good:
` + "```js" + `
oaiq("consent", false);
oaiq("init", { pixelId: "px_123" });
` + "```",
			Check: checkConsentAfterInit,
		},
	)
}

// commandAliases maps other pixels' and libraries' commands to ours.
var commandAliases = map[string]string{
	"track": "measure", "trackcustom": "measure", "trackevent": "measure", "event": "measure",
	"send": "measure", "conversion": "measure", "log": "measure", "fire": "measure", "measureevent": "measure",
	"config": "init", "configure": "init", "setup": "init", "initialize": "init", "initialise": "init",
	"load": "init", "set": "init", "identify": "init", "setuser": "init", "user": "init",
	"grant": "consent", "revoke": "consent", "optout": "consent", "setconsent": "consent",
}

func checkCommands(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server || len(c.Args) == 0 || c.Args[0].IsDynamic() {
			continue
		}
		cmd, ok := c.Args[0].StringValue()
		if !ok {
			p.Report(c.Args[0].Span, "the command must be a string, got "+describe(c.Args[0]), `the first argument is "init", "measure" or "consent"`)
			continue
		}
		if contains(commands, cmd) {
			continue
		}
		msg, hint := commandMessage(cmd)
		if t := translateCall(c); t != "" {
			// Another pixel's call: the whole call the pixel expects, in
			// one finding (the rest of the call is not judged).
			hint = "send " + t
		}
		p.Report(c.Args[0].Span, msg, hint)
	}
}

func commandMessage(cmd string) (string, string) {
	hint := `the pixel's commands are "init", "measure" and "consent"; it ignores anything else`
	folded := normalizeName(cmd)
	for _, k := range commands {
		if folded == k {
			return fmt.Sprintf("unknown command %s; commands are lower case: use %q", quote(cmd), k), ""
		}
	}
	if k, ok := commandAliases[folded]; ok {
		return fmt.Sprintf("unknown command %s; did you mean %q?", quote(cmd), k), hint
	}
	if n := nearest(cmd, commands); n != "" {
		return fmt.Sprintf("unknown command %s; did you mean %q?", quote(cmd), n), hint
	}
	return fmt.Sprintf("unknown command %s", quote(cmd)), hint
}

func checkMeasureArgs(p *Pass) {
	for _, m := range p.measures() {
		switch {
		case len(m.Args) < 3:
			p.Report(m.Span, fmt.Sprintf("measure needs an event name and an event data object, got %d argument(s)", len(m.Args)),
				`oaiq("measure", "lead_created", { type: "customer_action" })`)
			continue
		case len(m.Args) > 4:
			p.Report(m.Args[4].Span, fmt.Sprintf("measure takes at most four arguments, got %d", len(m.Args)),
				"the arguments are command, event name, event data and options; merge the extra ones into the objects they belong to")
		}
		if !m.Data.Is(model.Object) && !m.Data.IsDynamic() {
			p.Report(m.Data.Span, "event data must be an object, got "+describe(m.Data),
				`send an object whose type selects the shape, such as { type: "contents", amount: 2599, currency: "USD" }`)
		}
		if m.Options != nil && !m.Options.Is(model.Object) && !m.Options.IsDynamic() && !m.Options.Is(model.Undefined) {
			p.Report(m.Options.Span, "options must be an object, got "+describe(m.Options),
				`send { event_id: "…" }, { custom_event_name: "…" } or { opt_out: true }`)
		}
	}
}

func checkMeasureBeforeInit(p *Pass) {
	// In one callback (useEffect(() => { … })) the calls run in written
	// order: a measure before the init that only this body makes is early.
	for _, body := range bodies(p.Doc.Calls) {
		if n := countInits(body); n == 0 || n != len(p.inits()) {
			continue // an init elsewhere may have run first
		}
	scan:
		for _, c := range body {
			switch c.Command() {
			case "init":
				break scan
			case "measure":
				p.Report(c.Span, "measure call before the init of the same function: the pixel has no Pixel ID yet",
					`call oaiq("init", { pixelId: "…" }) first`)
			}
		}
	}
	if !hasImmediateInit(p) {
		return // no init at all is init-missing's finding; one in a handler runs at an unknown time
	}
	early, _, _, _ := callsBeforeOaiq(p.Doc)
	for _, c := range p.Doc.Calls {
		if c.Side != model.Browser || c.Deferred {
			continue // a call in a handler or callback runs later, in an order the source does not tell
		}
		if slices.Contains(early, c) {
			continue // call-before-loader's finding: the call reaches no pixel at all
		}
		switch c.Command() {
		case "init":
			return
		case "measure":
			p.Report(c.Span, "measure call before any init: the pixel has no Pixel ID yet",
				`call oaiq("init", { pixelId: "…" }) first`)
		}
	}
}

func checkConsentValue(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Command() != "consent" {
			continue
		}
		v := c.Arg(1)
		switch {
		case v == nil:
			p.Report(c.Span, "consent needs a boolean argument", `oaiq("consent", false) to deny, oaiq("consent", true) to grant`)
		case v.IsDynamic() || v.Is(model.Bool):
		default:
			hint := `oaiq("consent", false) to deny, oaiq("consent", true) to grant`
			if s, ok := v.StringValue(); ok && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
				hint = fmt.Sprintf("use %s without quotes", strings.ToLower(s))
			}
			p.Report(v.Span, "consent must be a boolean, got "+describe(v), hint)
		}
	}
}

// bodies groups the deferred browser calls by the function body they are
// written in (model.Call.Body), each group in source order; calls with no
// known body are left out.
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

// hasImmediateInit reports an init that runs when its script runs (not in
// a handler or callback).
func hasImmediateInit(p *Pass) bool {
	for _, c := range p.inits() {
		if !c.Deferred {
			return true
		}
	}
	return false
}

func checkConsentAfterInit(p *Pass) {
	// In one callback the calls run in written order: init then
	// consent(false) in the same body is not the visitor revoking later.
	for _, body := range bodies(p.Doc.Calls) {
		seen := false
		for _, c := range body {
			switch c.Command() {
			case "init":
				seen = seen || c.Side == model.Browser
			case "consent":
				if v := c.Arg(1); v.Is(model.Bool) && !v.Bool && seen {
					p.Report(c.Span, "consent(false) comes after init in the same function: the pixel starts with consent granted",
						`call oaiq("consent", false) before oaiq("init", …) when consent is required`)
				}
			}
		}
	}
	initSeen := false
	for _, c := range p.Doc.Calls {
		if c.Deferred {
			// consent(false) from a click handler after init is the visitor
			// revoking consent: the documented flow, not a mistake.
			continue
		}
		switch c.Command() {
		case "init":
			if c.Side == model.Browser {
				initSeen = true
			}
		case "consent":
			if v := c.Arg(1); v.Is(model.Bool) && !v.Bool {
				if initSeen {
					p.Report(c.Span, "consent(false) comes after init: the pixel starts with consent granted",
						`call oaiq("consent", false) before oaiq("init", …) when consent is required`)
				}
				return
			}
		}
	}
}
