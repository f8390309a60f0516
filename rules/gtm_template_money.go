package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "gtm-template-money", Severity: model.Warning,
		Title: "a tag template that rounds the amount or multiplies it by a fixed 100",
		Spec:  "Community templates seen in public code: rounding 23.49 to 23 (major units sent as minor), a fixed ×100 that is wrong for zero-decimal currencies. (current docs, Google Tag Manager)",
		Doc: `Amounts are integers in the currency's minor unit (2349 for 23.49 EUR).
Some community templates round the value they are given (` + "`makeInteger`" + `,
` + "`Math.round`" + `): a value in major units, 23.49, goes out as 23, which the
pixel reads as 0.23. Others multiply by a fixed 100, which is right for
cents but wrong for currencies without minor units (JPY, KRW: 1500 yen
becomes 150000) and for those with three decimals (KWD). The finding points
at the template's code, and at each tag whose currency the ×100 gets wrong.
Pass minor units through unchanged, or scale by the currency's own digits.

Bad:
` + md("tpl also=dynamic-value", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const makeInteger = require('makeInteger');
const callInWindow = require('callInWindow');
callInWindow('oaiq', 'measure', 'order_created', { type: 'contents', amount: makeInteger(data.value), currency: 'EUR' });`) + `
Good:
` + md("tpl", `___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const callInWindow = require('callInWindow');
callInWindow('oaiq', 'measure', 'order_created', { type: 'contents', amount: 2349, currency: 'EUR' });`),
		Check: checkGTMTemplateMoney,
	})
}

func checkGTMTemplateMoney(p *Pass) {
	c := p.Doc.Container
	if c == nil {
		return
	}
	for _, t := range c.Templates {
		if t.Rounds {
			p.Report(t.RoundSpan, "this template rounds the amount to a whole number: a value in major units (23.49) is sent as 23, which the pixel reads as 0.23",
				"pass the amount in the currency's minor unit (2349) and do not round it")
		}
		if t.Times100 {
			p.Report(t.Times100Span, "this template multiplies the amount by a fixed 100: wrong for currencies without minor units (JPY, KRW) and with three (KWD)",
				"scale by the currency's ISO 4217 minor-unit digits, or pass minor units through unchanged")
		}
	}
	for _, t := range c.Tags {
		if t.Template == nil || !t.Template.Times100 {
			continue
		}
		for _, call := range t.Calls {
			data := call.Arg(argData)
			cur, ok := data.Get("currency").StringValue()
			if !ok {
				continue
			}
			if d, known := isodata.MinorDigits(cur); known && d != 2 {
				p.Report(data.Get("amount").Span, fmt.Sprintf("%s multiplies the amount by 100, but %s has %d decimal digit(s): the amount sent is %s",
					tagLabel(t), cur, d, factor(d)), "send the amount in "+cur+"'s minor unit")
			}
		}
	}
}

func factor(digits int) string {
	if digits < 2 {
		return fmt.Sprintf("%d times too large", pow10(2-digits))
	}
	return fmt.Sprintf("%d times too small", pow10(digits-2))
}

func pow10(n int) int {
	out := 1
	for range n {
		out *= 10
	}
	return out
}
