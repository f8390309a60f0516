package rules

import "github.com/oaiq-lint/oaiq-lint/model"

func init() {
	register(&Rule{
		ID: "consent-after-init", Severity: model.Warning,
		Title: "the first consent(false) comes after init",
		Spec:  "Consent should be set before init when consent is required (consent(false) then init, then consent(true) once the user agrees). (pixel page, consent section, revision P4)",
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
	})
}

// The finding outside function bodies, also made by LogState.
const (
	consentAfterInitMsg  = "consent(false) comes after init: the pixel starts with consent granted"
	consentAfterInitHint = `call oaiq("consent", false) before oaiq("init", …) when consent is required`
)

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
					p.Report(c.Span, consentAfterInitMsg, consentAfterInitHint)
				}
				return
			}
		}
	}
}
