package rules

// amount-expression: money written the way people write it (issue 15).
// An amount computed in code is not known, but how it is computed often
// is: x * 100 for a currency without cents, an unrounded or truncated
// x * 100, toFixed's text, parseFloat(price), or a literal written with cents
// (25.00). A rounded Math.round(x * 100) with a two-decimal currency is
// right and is not reported at all, not even as a dynamic value.

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/isodata"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "amount-expression", Severity: model.Warning,
		Title: "an amount computed or written in a way that gives the wrong number",
		Spec:  "Money: integers in the currency's ISO 4217 minor unit; whenever `amount` is present a `currency` belongs with it.",
		Doc: `An amount must be an integer in the currency's minor unit. Computed
amounts are not known statically, but some ways of computing them are
wrong whatever the price:

- ` + "`price * 100`" + ` for a currency without a minor unit (JPY, KRW) sends
  100 times the amount, and for one with three decimals (KWD) a tenth of it;
  so does a literal product (` + "`1500 * 100`" + ` yen);
- an unrounded ` + "`total * 100`" + ` carries floating-point noise
  (19.99 * 100 is 1998.9999999999998), whatever the currency, even one
  computed in code;
- truncating that product (` + "`~~(total * 100)`" + `, ` + "`total * 100 | 0`" + `,
  ` + "`Math.trunc`" + `, ` + "`Math.floor`" + `, ` + "`parseInt`" + `) loses the cent its noise hides:
  19.99 becomes 1998; ` + "`Math.ceil`" + ` adds one (0.07 becomes 8);
- ` + "`(total * 100).toFixed(0)`" + ` is text, not a number: round with
  ` + "`Math.round`" + ` instead (made a number again, with ` + "`+`" + `, ` + "`Number`" + ` or
  ` + "`* 1`" + `, it is rounded and right);
- ` + "`parseFloat(price)`" + ` or ` + "`Number(price)`" + ` is the price in major units;
- a literal written with cents (` + "`25.00`" + `) is 25 minor units, not 25.00.

ISO 4217 says how many decimals each currency has. ` + "`Math.round(x * 100)`" + `
with a two-decimal currency is the right form and is not reported. A
product of literals is judged by what JavaScript computes: ` + "`25.99 * 100`" + `
is exactly 2599 and is not reported; one with float noise is an
amount-not-integer error. The fixes are unsafe (they change the value
sent): x * 100 rounded (its truncation rounded instead), toFixed's text
made a number, a literal rescaled to the currency's digits; a computed
amount scaled for the wrong currency is left to a person.

Bad:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: "USD" });`) + `
Good:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100), currency: "USD" });`) + `
Bad, truncated: 19.99 is sent as 1998:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: ~~(cart.total * 100), currency: "USD" });`) + `
Bad, text instead of a number:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: (cart.total * 100).toFixed(0), currency: "USD" });`) + `
Good, a product of literals, exactly 2599 in JavaScript:
` + md("js", `oaiq("measure", "order_created", { type: "contents", amount: 25.99 * 100, currency: "USD" });`),
		Check: checkAmountExpression,
	})
}

func checkAmountExpression(p *Pass) {
	moneyObjects(p, func(m measureCall, path []string, obj *model.Value) {
		f := obj.Field("amount")
		if f == nil {
			return
		}
		cur := currencyFor(m, path, obj)
		if msg, hint, bad := amountForm(f.Value, cur); bad {
			p.ReportFix(f.Value.Span, fmt.Sprintf("%s %s", fieldPath(append(path, "amount")), msg), hint, amountExpressionFix(f.Value, m.Call, cur))
		}
	})
}

// currencyFor is the currency an amount is in: its object's, or for an
// item without one, the event's. "" when not known.
func currencyFor(m measureCall, path []string, obj *model.Value) string {
	if s, ok := obj.Get("currency").StringValue(); ok {
		return strings.TrimSpace(s)
	}
	if len(path) > 0 && m.Data.Is(model.Object) {
		if s, ok := m.Data.Get("currency").StringValue(); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// amountForm judges how an amount is written. bad reports a problem
// (message after the field path, and a hint); judged is true for a
// computed amount whose form is known right, which needs no info either.
func amountForm(v *model.Value, currency string) (msg, hint string, bad bool) {
	msg, hint, bad, _ = judgeAmount(v, currency)
	return msg, hint, bad
}

func judgeAmount(v *model.Value, currency string) (msg, hint string, bad, judged bool) {
	switch {
	case v == nil:
		return "", "", false, false
	case v.Is(model.Number):
		return judgeNumber(v, currency)
	case !v.IsDynamic():
		return "", "", false, false
	}
	digits, known := isodata.MinorDigits(currency)
	written := writtenCode(v.Raw)
	// A server template computes in its own language, which prints floats
	// its own way: only its arithmetic's factor is judged. Arithmetic
	// outside the template's tags is the page's JavaScript.
	times100 := timesHundred(compact(v.Raw))
	js := compact(templatesMasked(written, v.Span.File))
	jsTimes100 := timesHundred(js)
	made, operand := howMade(written)
	integer := made == madeRounded || made == madeTruncated || made == madeCeiled
	if receiver, _, ok := toFixedText(written); ok && made != madeRounded && made != madeDecimal {
		to := toFixedReplacement(receiver, written, currency, v.Span.File)
		hint := "send a number: round without toFixed, such as Math.round(x * 100)"
		switch {
		case to != "":
			hint = "send a number: " + to
		case times100 && known && digits != 2:
			hint = factorHint(currency, digits) + ", without toFixed"
		}
		return fmt.Sprintf("is %s, a string: toFixed returns text, and an amount is a number, an integer in the currency's minor unit", v.Raw), hint, true, true
	}
	switch {
	case times100 && known && digits != 2:
		return factorMessage(v.Raw, currency, digits), factorHint(currency, digits), true, true
	case (made == madeTruncated || made == madeCeiled) && cutsAPrice(operand):
		hint := fmt.Sprintf("round it instead: Math.round(%s)", operand)
		if !known {
			hint += "; and scale by the currency's own decimals: 100 is wrong for JPY (none) and KWD (three)"
		}
		if made == madeCeiled {
			return fmt.Sprintf("is %s, which rounds up: a price times 100 carries floating-point noise (0.07 * 100 is 7.000000000000001), so 0.07 becomes 8, a cent too many", v.Raw), hint, true, true
		}
		return fmt.Sprintf("is %s, which truncates: a price times 100 carries floating-point noise (19.99 * 100 is 1998.9999999999998), so 19.99 becomes 1998, a cent short", v.Raw), hint, true, true
	case jsTimes100 && !integer:
		hint := fmt.Sprintf("round it: Math.round(%s)", written)
		if !known {
			// The currency is not known here: the factor may be wrong too.
			hint += "; and scale by the currency's own decimals: 100 is wrong for JPY (none) and KWD (three)"
		}
		return fmt.Sprintf("is %s, not rounded: a price times 100 carries floating-point noise (19.99 * 100 is 1998.9999999999998), which is not an integer", v.Raw),
			hint, true, true
	case !known:
		// With the currency unknown, so is the right form.
		return "", "", false, false
	case times100 && integer:
		return "", "", false, digits == 2
	case !integer && digits > 0 && majorUnits(js, made):
		return fmt.Sprintf("is %s, the price in major units as a decimal number (25.99), not an integer in the currency's minor unit", v.Raw),
			fmt.Sprintf("convert it to %s's minor unit: Math.round(%s * %d)", currency, written, int(math.Pow10(digits))), true, true
	}
	return "", "", false, false
}

// majorUnits reports an expression (js: without spaces) that is a price
// parsed as a decimal number: parseFloat(price), Number(price), or
// toFixed(2)'s text made a number again.
func majorUnits(js string, made amountMade) bool {
	return made == madeDecimal || (strings.HasPrefix(js, "parseFloat(") || strings.HasPrefix(js, "Number(")) && strings.HasSuffix(js, ")")
}

// judgeNumber judges a known number. A literal written with cents (25.00)
// is in major units. A folded expression is what JavaScript computes:
// 25.99 * 100 is 2599 exactly, and a result with float noise
// (19.99 * 100) is amount-not-integer's finding; only a factor of 100
// wrong for the currency is this rule's.
func judgeNumber(v *model.Value, currency string) (msg, hint string, bad, judged bool) {
	digits, known := isodata.MinorDigits(currency)
	raw := strings.TrimSpace(v.Raw)
	if isExpression(raw) {
		if !known || digits == 2 || !v.IsInteger() || !timesHundred(compact(raw)) {
			return "", "", false, false
		}
		hint := factorHint(currency, digits)
		if n, ok := rescaled(v.Num, digits); ok {
			hint = fmt.Sprintf("send %s, the amount in %s's minor unit, without the * 100", n, currency)
		}
		return factorMessage(v.Raw, currency, digits), hint, true, true
	}
	if !strings.Contains(raw, ".") || strings.ContainsAny(raw, "eExXoObB_") || v.Num != math.Trunc(v.Num) || known && digits == 0 {
		return "", "", false, false
	}
	if _, _, lost := imprecise("", v); lost {
		return "", "", false, false // digits a number cannot hold: amount-imprecise's finding
	}
	minor, name := toMinor(v.Num, currency)
	return fmt.Sprintf("is written %s, major units with cents: the pixel reads %s minor units, not %s", raw, strconv.FormatFloat(v.Num, 'f', -1, 64), raw),
		fmt.Sprintf("send %s for %s %s", minor, raw, name), true, true
}

// factorMessage says what a factor of 100 does to an amount in a currency
// whose minor unit is not the hundredth.
func factorMessage(raw, currency string, digits int) string {
	if digits == 0 {
		return fmt.Sprintf("is %s, but %s has no minor unit: the pixel gets 100 times the amount", raw, currency)
	}
	return fmt.Sprintf("is %s, but %s has %d decimals: the pixel gets %s the amount", raw, currency, digits, map[bool]string{true: "a tenth of", false: "the wrong multiple of"}[digits == 3])
}

func factorHint(currency string, digits int) string {
	if digits == 0 {
		return fmt.Sprintf("send whole %s without the * 100, rounded: Math.round(x)", currency)
	}
	p := strconv.Itoa(int(math.Pow10(digits)))
	return fmt.Sprintf("multiply by %s for %s's %d decimals, rounded: Math.round(x * %s)", p, currency, digits, p)
}

// rescaled is a number multiplied by 100 scaled instead by the currency's
// own digits, when that is a whole number a JavaScript number holds.
func rescaled(n float64, digits int) (string, bool) {
	var r float64
	if digits < 2 {
		r = n / math.Pow10(2-digits)
	} else {
		r = n * math.Pow10(digits-2)
	}
	if r != math.Trunc(r) || math.Abs(r) > maxSafeInteger {
		return "", false
	}
	return strconv.FormatFloat(r, 'f', -1, 64), true
}

// amountExpressionFix writes a judged amount the way its hint says, when
// the fix is known: a literal in major units converted to minor units (the
// currency a known ISO 4217 code), a literal product scaled by the
// currency's digits, x * 100 rounded, a parsed decimal scaled and rounded,
// toFixed's text made a number. It changes the value sent, so it is
// unsafe; an amount computed for the wrong currency (x * 100 for JPY), or
// read from a binding declared outside the call, is left to a person.
func amountExpressionFix(v *model.Value, call *model.Call, currency string) *model.Fix {
	digits, known := isodata.MinorDigits(currency)
	if v == nil || !writtenInCall(v, call) {
		return nil
	}
	if v.Is(model.Number) {
		raw := strings.TrimSpace(v.Raw)
		if !known {
			return nil
		}
		if isExpression(raw) {
			n, ok := rescaled(v.Num, digits)
			if !ok {
				return nil
			}
			return model.NewFix(fmt.Sprintf("write the amount in %s's minor unit: %s", currency, n), model.Unsafe, model.E(model.Whole(v.Span, raw, n)))
		}
		minor, _ := toMinor(v.Num, currency)
		return model.NewFix("write the amount in minor units: "+minor, model.Unsafe, model.E(model.Whole(v.Span, raw, minor)))
	}
	if !v.IsDynamic() || v.Raw == "" {
		return nil
	}
	// The expression as written: a fix replaces exactly that text.
	written := writtenCode(v.Raw)
	made, operand := howMade(written)
	if receiver, _, ok := toFixedText(written); ok && made != madeRounded && made != madeDecimal {
		if to := toFixedReplacement(receiver, written, currency, v.Span.File); to != "" {
			return model.NewFix("make the amount a number: "+to, model.Unsafe, model.E(model.Whole(v.Span, written, to)))
		}
		return nil
	}
	js := compact(templatesMasked(written, v.Span.File))
	twoDigits := !known || digits == 2
	switch {
	case (made == madeTruncated || made == madeCeiled) && cutsAPrice(operand) && twoDigits:
		return model.NewFix("round the amount instead: Math.round("+operand+")", model.Unsafe, model.E(model.Whole(v.Span, written, "Math.round("+operand+")")))
	case made == madeRounded || made == madeTruncated || made == madeCeiled:
		return nil
	case timesHundred(js) && twoDigits:
		return model.NewFix("round the amount: Math.round("+written+")", model.Unsafe, model.E(model.Whole(v.Span, written, "Math.round("+written+")")))
	case known && digits > 0 && majorUnits(js, made):
		to := fmt.Sprintf("Math.round(%s * %d)", written, int(math.Pow10(digits)))
		return model.NewFix("convert the amount to minor units: "+to, model.Unsafe, model.E(model.Whole(v.Span, written, to)))
	}
	return nil
}

// toFixedText recognises an expression whose value is toFixed's text:
// receiver.toFixed(places), not wrapped in a conversion back to a number.
func toFixedText(code string) (receiver string, places int, ok bool) {
	code = strings.TrimSpace(code)
	i := strings.LastIndex(code, ".toFixed(")
	if i <= 0 || !strings.HasSuffix(code, ")") {
		return "", 0, false
	}
	arg := strings.TrimSpace(code[i+len(".toFixed(") : len(code)-1])
	if arg != "" {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 {
			return "", 0, false
		}
		places = n
	}
	receiver = strings.TrimSpace(code[:i])
	if len(receiver) > 1 && receiver[0] == '(' && receiver[len(receiver)-1] == ')' && balanced(receiver[1:len(receiver)-1]) {
		receiver = strings.TrimSpace(receiver[1 : len(receiver)-1])
	}
	return receiver, places, true
}

// toFixedReplacement is the number an amount written as toFixed's text
// means: the receiver rounded when it already is in minor units (x * 100
// for a currency with cents, or one already rounded), scaled and rounded
// when it is a price in major units written with the currency's decimals.
// "" when which one is not clear.
func toFixedReplacement(receiver, written, currency, file string) string {
	digits, known := isodata.MinorDigits(currency)
	_, places, _ := toFixedText(written)
	js := compact(templatesMasked(receiver, file))
	switch made, _ := howMade(receiver); {
	case made == madeRounded || made == madeTruncated || made == madeCeiled:
		return receiver
	case timesHundred(js):
		if known && digits != 2 {
			return ""
		}
		return "Math.round(" + receiver + ")"
	case known && places == digits && digits == 0:
		return "Math.round(" + receiver + ")"
	case known && places == digits:
		return fmt.Sprintf("Math.round(%s * %d)", receiver, int(math.Pow10(digits)))
	}
	return ""
}

// balanced reports whether every parenthesis of s closes one it opened.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// compact is an expression without white space, as the forms are matched.
func compact(raw string) string { return strings.Join(strings.Fields(raw), "") }

// describedRef is a tag manager variable as a dynamic value quotes it:
// with the data-layer key it reads after it (internal/extract/gtm).
var describedRef = regexp.MustCompile(`(\{\{[^{}]*\}\}) \(data layer "[^"]*"\)`)

// writtenCode is an expression as written, without the descriptions a
// dynamic value's text may carry.
func writtenCode(raw string) string { return describedRef.ReplaceAllString(raw, "$1") }

// templatesMasked is code with each template tag (a server template's or
// tag manager's, and those of the template language the file's name
// says) masked as a name, so what is left is the arithmetic the page's
// JavaScript does.
func templatesMasked(code, file string) string {
	masked, _ := tmpl.MaskFile(file, []byte(code))
	return string(masked)
}

// timesHundred reports a multiplication by 100 in an expression written
// without spaces: x*100, 100*x.
func timesHundred(raw string) bool {
	for i := strings.Index(raw, "100"); i >= 0; {
		before, after := byte(0), byte(0)
		if i > 0 {
			before = raw[i-1]
		}
		if i+3 < len(raw) {
			after = raw[i+3]
		}
		numberEdge := !(after >= '0' && after <= '9' || after == '.') && !(before >= '0' && before <= '9' || before == '.' || before == '_' || before|0x20 >= 'a' && before|0x20 <= 'z')
		if numberEdge && (before == '*' || after == '*' && (i+4 >= len(raw) || raw[i+4] != '*')) {
			return true
		}
		j := strings.Index(raw[i+3:], "100")
		if j < 0 {
			break
		}
		i += 3 + j
	}
	return false
}

// amountJudged reports an amount at path in a call's argument arg that
// amount-expression judges: a finding of its own, or a right form. The
// dynamic-value info is then not needed.
func amountJudged(c *model.Call, arg int, path []string, n *model.Value) bool {
	m, obj, ok := amountObject(c, arg, path)
	if !ok {
		return false
	}
	_, _, _, judged := judgeAmount(n, currencyFor(m, path[:len(path)-1], obj))
	return judged
}

// amountTimes100ForComputedCurrency reports an amount scaled by 100 beside
// a currency computed in code (review A25): right for a currency with two
// decimals only, which cannot be known here, so dynamic-value's info says
// so (a shop selling in one currency is right; nothing is guessed).
func amountTimes100ForComputedCurrency(c *model.Call, arg int, path []string, n *model.Value) bool {
	m, obj, ok := amountObject(c, arg, path)
	if !ok || !timesHundred(compact(writtenCode(n.Raw))) {
		return false
	}
	cur := obj.Get("currency")
	if cur == nil && len(path) > 1 {
		cur = m.Data.Get("currency") // an item without its own: the event's
	}
	return cur != nil && cur.IsDynamic()
}

// amountObject is the measure call and the object holding the amount at
// path in argument arg: the event data or one of its contents items.
func amountObject(c *model.Call, arg int, path []string) (measureCall, *model.Value, bool) {
	if arg != argData || len(path) == 0 || path[len(path)-1] != "amount" || c.Command() != "measure" {
		return measureCall{}, nil, false
	}
	data := c.Arg(argData)
	obj := data
	if len(path) == 3 && path[0] == "contents" {
		cs := data.Get("contents")
		i, err := strconv.Atoi(path[1])
		if !cs.Is(model.Array) || err != nil || i < 0 || i >= len(cs.Items) {
			return measureCall{}, nil, false
		}
		obj = cs.Items[i]
	} else if len(path) != 1 {
		return measureCall{}, nil, false
	}
	return measureCall{Call: c, Data: data}, obj, true
}

// amountMade is how a computed amount is made, read from its text as
// written: the last step, which decides whether the result is an integer.
type amountMade int

const (
	madeOther     amountMade = iota
	madeRounded              // Math.round(x), or toFixed(0)'s text made a number again
	madeTruncated            // ~~x, x | 0, x >> 0, Math.trunc(x), Math.floor(x), parseInt(x)
	madeCeiled               // Math.ceil(x)
	madeDecimal              // toFixed(n > 0)'s text made a number: a decimal, not rounded to an integer
)

// howMade reads the last step of an amount written as code: its kind and
// the operand it applies to, as written (outer parentheses and spaces
// trimmed). Template tags are opaque operands.
func howMade(code string) (made amountMade, operand string) {
	if made, operand = lastStep(code); made == madeOther {
		return madeOther, ""
	}
	return made, operand
}

func lastStep(code string) (made amountMade, operand string) {
	s := stripParens(code)
	numberOf := func(x string) amountMade { // x converted to a number
		if _, places, ok := toFixedText(x); ok {
			if places == 0 {
				return madeRounded
			}
			return madeDecimal
		}
		if m, _ := howMade(x); m == madeRounded {
			return madeRounded
		}
		return madeOther
	}
	if cond, a, b, ok := splitTernary(s); ok && cond != "" {
		if integral(a) && integral(b) {
			return madeRounded, "" // an integer either way
		}
		return madeOther, ""
	}
	if l, op, r, ok := splitBinary(s, "|", "^", ">>>", ">>", "<<"); ok {
		switch {
		case isZero(r):
			return madeTruncated, stripParens(l)
		case isZero(l) && (op == "|" || op == "^"):
			return madeTruncated, stripParens(r)
		}
		return madeOther, ""
	}
	if l, op, r, ok := splitBinary(s, "+", "-"); ok {
		switch {
		case isZero(r) && op == "-":
			return numberOf(l), l
		case integral(l) && integral(r):
			return madeRounded, "" // Math.round(a * 100) + Math.round(b * 100)
		}
		return madeOther, ""
	}
	if l, op, r, ok := splitBinary(s, "*", "/"); ok {
		switch {
		case isOne(r):
			return numberOf(l), l
		case isOne(l) && op == "*":
			return numberOf(r), r
		case op == "*" && integral(l) && integral(r):
			return madeRounded, "" // Math.round(price * 100) * quantity's literal
		}
		return madeOther, ""
	}
	switch {
	case strings.HasPrefix(s, "~~"):
		return madeTruncated, stripParens(s[2:])
	case strings.HasPrefix(s, "+") && !strings.HasPrefix(s, "++"):
		return numberOf(strings.TrimSpace(s[1:])), strings.TrimSpace(s[1:])
	}
	fn, args, ok := callOf(s)
	if !ok || len(args) == 0 {
		return madeOther, ""
	}
	args[0] = stripParens(args[0])
	switch {
	case fn == "Math.round" && len(args) == 1:
		return madeRounded, args[0]
	case (fn == "Math.trunc" || fn == "Math.floor") && len(args) == 1:
		return madeTruncated, args[0]
	case fn == "Math.ceil" && len(args) == 1:
		return madeCeiled, args[0]
	case (fn == "Number" || fn == "parseFloat") && len(args) == 1:
		return numberOf(args[0]), args[0]
	case fn == "parseInt" && (len(args) == 1 || len(args) == 2 && args[1] == "10"):
		if m := numberOf(args[0]); m == madeRounded {
			return m, args[0]
		}
		return madeTruncated, args[0]
	}
	return madeOther, ""
}

// cutsAPrice reports an operand of a truncation or a rounding up that is a
// price times 100 not yet rounded: the float noise of the product (19.99 *
// 100 is 1998.9999999999998) then loses or adds a cent.
func cutsAPrice(operand string) bool {
	js := compact(templatesMasked(operand, ""))
	if !timesHundred(js) {
		return false
	}
	m, _ := howMade(operand)
	return m != madeRounded && m != madeTruncated && m != madeCeiled
}

// integral reports code whose value is known to be an integer: an integer
// literal, or a last step that makes one.
func integral(code string) bool {
	s := stripParens(code)
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return true
	}
	m, _ := howMade(s)
	return m == madeRounded || m == madeTruncated || m == madeCeiled
}

// splitTernary splits code at its conditional operator: cond ? a : b
// outside brackets. ok is false when there is none.
func splitTernary(code string) (cond, a, b string, ok bool) {
	q, colon, nested := -1, -1, 0
	scanCode(code, func(i, depth int) bool {
		if depth != 0 {
			return true
		}
		switch c := code[i]; {
		case c == '?' && q < 0 && !strings.HasPrefix(code[i:], "??") && !strings.HasPrefix(code[i:], "?.") && (i == 0 || code[i-1] != '?'):
			q = i
		case c == '?' && q >= 0 && !strings.HasPrefix(code[i:], "??") && !strings.HasPrefix(code[i:], "?.") && code[i-1] != '?':
			nested++
		case c == ':' && q >= 0 && nested > 0:
			nested--
		case c == ':' && q >= 0 && colon < 0:
			colon = i
		}
		return true
	})
	if q < 0 || colon < 0 {
		return "", "", "", false
	}
	return strings.TrimSpace(code[:q]), strings.TrimSpace(code[q+1 : colon]), strings.TrimSpace(code[colon+1:]), true
}

func isZero(s string) bool { s = stripParens(s); return s == "0" || s == "0.0" }
func isOne(s string) bool  { s = stripParens(s); return s == "1" || s == "1.0" }

// stripParens trims white space and parentheses around a whole expression.
func stripParens(s string) string {
	for {
		s = strings.TrimSpace(s)
		if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' || closeOf(s, 0) != len(s)-1 {
			return s
		}
		s = s[1 : len(s)-1]
	}
}

// scanCode calls fn for each byte of code outside strings, template
// literals and template tags, with the bracket depth there; fn returning
// false stops the scan.
func scanCode(code string, fn func(i, depth int) bool) {
	_, tags := tmpl.Mask([]byte(code))
	depth := 0
	for i := 0; i < len(code); i++ {
		if len(tags) > 0 && i == tags[0].Start {
			i = tags[0].End - 1
			tags = tags[1:]
			continue
		}
		switch c := code[i]; c {
		case '"', '\'', '`':
			for i++; i < len(code) && code[i] != c; i++ {
				if code[i] == '\\' {
					i++
				}
			}
			continue
		case '(', '[', '{':
			if !fn(i, depth) {
				return
			}
			depth++
			continue
		case ')', ']', '}':
			depth--
		}
		if !fn(i, depth) {
			return
		}
	}
}

// closeOf is the index of the bracket closing the one at open, or -1.
func closeOf(code string, open int) int {
	end := -1
	scanCode(code, func(i, depth int) bool {
		if i > open && depth == 0 && strings.IndexByte(")]}", code[i]) >= 0 {
			end = i
			return false
		}
		return true
	})
	return end
}

// splitBinary splits code at its last binary operator among ops outside
// brackets (they share one precedence level and associate to the left):
// a * b * 100 splits as "a * b", "*", "100". Unary signs, ||, **, >>= and
// the like are not split.
func splitBinary(code string, ops ...string) (left, op, right string, ok bool) {
	at := -1
	scanCode(code, func(i, depth int) bool {
		if depth != 0 {
			return true
		}
		for _, o := range ops {
			if !strings.HasPrefix(code[i:], o) || !binaryAt(code, i, o) {
				continue
			}
			at, op = i, o
			break
		}
		return true
	})
	if at < 0 {
		return "", "", "", false
	}
	return strings.TrimSpace(code[:at]), op, strings.TrimSpace(code[at+len(op):]), true
}

// binaryAt reports the operator o at i as a binary operator of its own:
// an operand before it, and not part of a longer operator.
func binaryAt(code string, i int, o string) bool {
	prev := strings.TrimRight(code[:i], " \t\r\n")
	if prev == "" {
		return false
	}
	switch p := prev[len(prev)-1]; {
	case p == ')' || p == ']' || p == '}' || p == '"' || p == '\'' || p == '`' || p == '_' || p == '$' || p == '.' ||
		p >= '0' && p <= '9' || p|0x20 >= 'a' && p|0x20 <= 'z' || p >= 0x80:
	case (strings.HasSuffix(prev, "++") || strings.HasSuffix(prev, "--")) && i > len(prev):
		// x++ + 1: an operand's postfix update, then the operator.
	default:
		return false // a unary sign, or the second character of another operator
	}
	after := code[i+len(o):]
	next := byte(0)
	if after != "" {
		next = after[0]
	}
	switch o {
	case "|":
		return next != '|' && next != '='
	case "^", "/", "+", "-":
		return next != '=' && next != o[0]
	case "*":
		return next != '*' && next != '='
	case ">>":
		return next != '>' && next != '='
	case ">>>", "<<":
		return next != '='
	}
	return true
}

// callOf reads a call written fn(args): the function's dotted name and
// its arguments as written. ok is false for anything else.
func callOf(code string) (fn string, args []string, ok bool) {
	open := strings.IndexByte(code, '(')
	if open <= 0 || closeOf(code, open) != len(code)-1 {
		return "", nil, false
	}
	fn = strings.TrimSpace(code[:open])
	for _, r := range fn {
		if !(r == '.' || r == '_' || r == '$' || r >= '0' && r <= '9' || r|0x20 >= 'a' && r|0x20 <= 'z') {
			return "", nil, false
		}
	}
	inner := code[open+1 : len(code)-1]
	from := 0
	scanCode(inner, func(i, depth int) bool {
		if depth == 0 && inner[i] == ',' {
			args = append(args, strings.TrimSpace(inner[from:i]))
			from = i + 1
		}
		return true
	})
	if last := strings.TrimSpace(inner[from:]); last != "" || len(args) > 0 {
		args = append(args, last)
	}
	return fn, args, true
}
