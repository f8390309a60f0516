package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "dynamic-value", Severity: model.Info,
		Title: "a value that cannot be known statically",
		Spec:  "Unknown is not wrong: a value from a template, a variable or an expression is dynamic. (design principles)",
		Doc: `A value computed at runtime (a variable, an expression, a template
placeholder) cannot be checked by reading the source; so is an image tag's
query value a template prints (` + "`pid={{ settings.pid }}`" + `). The finding says what
was not checked, so you can verify it at runtime (` + "`--render`" + ` or a logged
event). An amount scaled by 100 beside a computed currency is right only
if that currency has two decimals (JPY has none, KWD three): the info
says so, since which currencies the code sends cannot be read.

Bad:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: order.totalCents, currency: "USD" });
// info: amount is computed (order.totalCents): not checked that it is an integer in the minor unit`) + `
Good:
` + md("js", `oaiq("init", { pixelId: "px_123" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });`),
		Check: checkDynamicValues,
	})
}

// unchecked says what could not be checked about a dynamic value, by the
// field it sits in.
var unchecked = map[string]string{
	"amount":             "that it is an integer in the currency's minor unit",
	"quantity":           "that it is a whole number",
	"currency":           "that it is an active ISO 4217 code",
	"email_sha256":       "that it is the lowercase hex SHA-256 of a real, normalised address",
	"external_id_sha256": "that it is the lowercase hex SHA-256 of a real identifier",
	"country":            "that it is an ISO 3166-1 alpha-2 code",
	"city":               "its length",
	"zip_code":           "its format",
	"pixelId":            "that it is a real Pixel ID",
	"debug":              "that debug is off",
	"type":               "which data shape applies, so the event data's fields",
	"custom_event_name":  "its format and that it matches the server's",
	"event_id":           "that it is a non-empty string",
	"opt_out":            "that it is a boolean",
	"user":               "the user fields",
	"contents":           "the contents items",
}

func checkDynamicValues(p *Pass) {
	if r := p.Doc.Render; r != nil && r.NotMade > 0 {
		what := fmt.Sprintf("%d calls in the source were", r.NotMade)
		if r.NotMade == 1 {
			what = "1 call in the source was"
		}
		p.Report(r.FirstNotMade, what+" not made while rendering (a handler not triggered or a branch not taken); they are checked as written",
			"to record them with their runtime values, trigger them: --click SELECTOR or --script FILE")
	}
	for _, q := range p.Doc.Requests {
		// A request whose body, or whose batch, became unknown is still
		// made: say what was not checked rather than pass it in silence.
		switch evs := q.Body.Get("events"); {
		case q.Body.IsDynamic():
			p.Report(q.Body.Span, fmt.Sprintf("the Conversions API request body is computed (%s): not checked: its events", expr(q.Body)),
				"build the body as an object literal where the request is made, or check it at runtime (a logged request: oaiq-lint log)")
		case evs.Is(model.Array) && evs.Open:
			p.Report(evs.Span, "events are added to the batch at runtime: not checked: how many events it sends, nor the events added (the ones written are checked)", "")
		}
	}
	for _, c := range p.Doc.Calls {
		if c.Side == model.Server {
			continue // server records are JSON: an absent data object is simply not sent
		}
		// An image tag's other dynamic values (absent, malformed) are its
		// own rules' findings; a value a template prints is reported here.
		templated := imageTemplated(c)
		if c.Image != nil && len(templated) == 0 {
			continue
		}
		if len(c.Args) > 0 && c.Args[0].IsDynamic() {
			p.Report(c.Args[0].Span, fmt.Sprintf("the command is computed (%s): the call was not checked", expr(c.Args[0])), "")
			continue
		}
		if !slices.Contains(pixel.Commands, c.Command()) {
			continue // command-unknown's finding: the rest of the call means nothing to the pixel
		}
		for i, arg := range c.Args[min(1, len(c.Args)):] {
			arg.Walk(func(path []string, n *model.Value) {
				if !documentedPath(c.Command(), logicalArg(c, i+1), path) {
					return // an unknown field has its own finding; its value does not matter
				}
				switch {
				case c.Image != nil && !templated[n.Span]:
				case n.IsDynamic() && amountJudged(c, i+1, path, n):
					// amount-expression's: a finding of its own, or a right form.
				case n.IsDynamic():
					where := argName(c, i+1, path)
					what := "its value"
					if len(path) == 0 {
						what = map[int]string{argPixelID: "that it names an initialised pixel", argEvent: "the event name and which data shape applies", argData: "the event data's fields", argOptions: "the options"}[logicalArg(c, i+1)]
						switch {
						case c.Image != nil && logicalArg(c, i+1) == argPixelID:
							what = "that it is a real Pixel ID" // an image tag needs no init
						case c.Command() == "init":
							what = "the init config"
						case c.Command() == "consent":
							what = "that it is a boolean"
						}
					} else if w, ok := unchecked[path[len(path)-1]]; ok {
						what = w
						if amountTimes100ForComputedCurrency(c, i+1, path, n) {
							what = "that the currency, computed too, has 2 decimals, as its * 100 assumes (JPY has none, KWD three)"
						}
					}
					p.Report(n.Span, fmt.Sprintf("%s is computed (%s): not checked: %s", where, expr(n), what), "")
				case n.Open && n.Is(model.Object):
					p.Report(n.Span, fmt.Sprintf("%s has members not known statically (a spread or computed key): missing fields not checked", argName(c, i+1, path)), "")
				}
			})
		}
	}
}

// imageTemplated returns the spans of an image tag's values that template
// tags print; nil for other calls.
func imageTemplated(c *model.Call) map[model.Span]bool {
	if c.Image == nil {
		return nil
	}
	var out map[model.Span]bool
	for _, p := range c.Image.Params {
		if p.Templated && !p.NameTemplated {
			if out == nil {
				out = map[model.Span]bool{}
			}
			out[p.ValueSpan] = true
		}
	}
	return out
}

// documentedPath reports whether path (keys and indexes below argument
// arg) names a field the documentation defines for the command.
func documentedPath(command string, arg int, path []string) bool {
	if len(path) == 0 {
		return true
	}
	var allowed []string
	switch {
	case command == "init" && arg == 1:
		allowed = pixel.InitFields
		if path[0] == "user" && len(path) > 1 {
			return slices.Contains(pixel.UserFields, path[1]) && len(path) == 2
		}
	case pixel.IsEventCommand(command) && arg == argData:
		allowed = []string{"type", "amount", "currency", "contents", "plan_id"}
		if path[0] == "contents" && len(path) > 2 {
			return slices.Contains(pixel.ContentsItemFields, path[2]) && len(path) == 3
		}
	case pixel.IsEventCommand(command) && arg == argOptions:
		allowed = pixel.OptionFields
	default:
		return false
	}
	return slices.Contains(allowed, path[0])
}

// expr shows a dynamic value's source text, shortened and redacted.
func expr(v *model.Value) string {
	s := strings.Join(strings.Fields(v.Raw), " ")
	if r := []rune(s); len(r) > 60 {
		cut := 57
		// Never cut inside a quoted name (a data-layer key, a string): the
		// reader needs it whole to find the value.
		if strings.Count(string(r[:cut]), `"`)%2 == 1 {
			if end := strings.IndexRune(string(r[cut:]), '"'); end >= 0 && end < 80 {
				cut += len([]rune(string(r[cut:])[:end])) + 1
				if cut < len(r) && r[cut] == ')' {
					cut++
				}
			}
		}
		if len(r)-cut > 10 { // a short tail is shown rather than an ellipsis
			s = strings.TrimRight(string(r[:cut]), " ") + "…"
		}
	}
	if s == "" {
		return "an expression"
	}
	return pii.Redact(s)
}
