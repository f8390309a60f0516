package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/suggest"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "command-unknown", Severity: model.Error,
		Title: "first argument not init, measure, consent or measureSingle",
		Spec:  "Use the pixel by adding the script to your site, initializing it with your Pixel ID, and call oaiq(\"measure\", ...) when a conversion happens.",
		Doc: `The pixel knows four commands (` + "`measureSingle`" + ` since revision P5). Other pixels' commands (` + "`track`" + `) are
queued and silently ignored, so every conversion is lost. A call written
for another pixel whose event is known gets the whole call the pixel
expects as its hint and unsafe fix: its value converted to minor units,
its currency (a computed one as written), items and event id kept.

Bad:
` + "```js" + `
oaiq("track", "Purchase", { value: 25.99 });
` + "```" + `
Good:
` + "```js" + `
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
` + "```",
		Check: checkCommands,
	})
}

// commandAliases maps other pixels' and libraries' commands to ours.
var commandAliases = map[string]string{
	"track": "measure", "trackcustom": "measure", "trackevent": "measure", "event": "measure",
	"send": "measure", "conversion": "measure", "log": "measure", "fire": "measure", "measureevent": "measure",
	"config": "init", "configure": "init", "setup": "init", "initialize": "init", "initialise": "init",
	"load": "init", "set": "init", "identify": "init", "setuser": "init", "user": "init",
	"grant": "consent", "revoke": "consent", "optout": "consent", "setconsent": "consent",
}

// commandList names the commands for messages.
var commandList = joinQuoted(pixel.Commands, "or")

func checkCommands(p *Pass) {
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server || len(c.Args) == 0 || c.Args[0].IsDynamic() {
			continue
		}
		cmd, ok := c.Args[0].StringValue()
		if !ok {
			p.Report(c.Args[0].Span, "the command must be a string, got "+describe(c.Args[0]), `the first argument is `+commandList)
			continue
		}
		if slices.Contains(pixel.Commands, cmd) {
			continue
		}
		msg, hint := commandMessage(cmd)
		var fix *model.Fix
		if t := translateCall(c); t != "" {
			// Another pixel's call: the whole call the pixel expects, in
			// one finding (the rest of the call is not judged).
			hint = "send " + t
			fix = translateFix(p.Doc, c, t)
		}
		p.ReportFix(c.Args[0].Span, msg, hint, fix)
	}
}

func commandMessage(cmd string) (string, string) {
	hint := `the pixel's commands are ` + joinQuoted(pixel.Commands, "and") + `; it ignores anything else`
	if t := strings.TrimSpace(cmd); t != cmd && slices.Contains(pixel.Commands, t) {
		return fmt.Sprintf("unknown command %s: it has white space around it; use %q", quote(cmd), t), ""
	}
	folded := normalizeName(cmd)
	for _, k := range pixel.Commands {
		if folded == normalizeName(k) {
			if k == pixel.CommandMeasureSingle {
				return fmt.Sprintf("unknown command %s; commands are case-sensitive: use %q", quote(cmd), k), ""
			}
			return fmt.Sprintf("unknown command %s; commands are lower case: use %q", quote(cmd), k), ""
		}
	}
	if k, ok := commandAliases[folded]; ok {
		return fmt.Sprintf("unknown command %s; did you mean %q?", quote(cmd), k), hint
	}
	if n := suggest.Nearest(cmd, pixel.Commands); n != "" {
		return fmt.Sprintf("unknown command %s; did you mean %q?", quote(cmd), n), hint
	}
	return fmt.Sprintf("unknown command %s", quote(cmd)), hint
}
