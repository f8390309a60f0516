package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/fixer"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Fixes about money (issue 20: a safe fix cannot change what is measured
// except to make it valid). Each one, applied alone, writes what a person
// would, and its finding is gone; a change that needs a person's judgement
// (a retired currency's amount, the factor of a currency without cents) is
// unsafe or not offered.
func TestMoneyFixes(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct {
		name, rule, in, want string
		a                    model.Applicability
	}{
		{"toFixed of x*100", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: (total * 100).toFixed(0), currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"toFixed of a price", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: price.toFixed(2), currency: "EUR" });`, `amount: Math.round(price * 100),`, model.Unsafe},
		{"toFixed of a rounded amount", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: Math.round(total * 100).toFixed(0), currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 with a computed currency", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: total * 100, currency: cart.currency });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 truncated with ~~", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: ~~(total * 100), currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 truncated with | 0", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: total * 100 | 0, currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 truncated with Math.trunc", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: Math.trunc(total * 100), currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 floored", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: Math.floor( (total * 100) ), currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"x*100 rounded up", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: Math.ceil(total * 100), currency: cart.currency });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"literal x*100 in yen", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: 1500 * 100, currency: "JPY" });`, `amount: 1500,`, model.Unsafe},
		{"literal x*100 in dinars", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: 12.5 * 100, currency: "KWD" });`, `amount: 12500,`, model.Unsafe},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := init + tc.in + "\n"
			checkFixResolves(t, text, tc.rule, tc.want, tc.a)
		})
	}
}

// What a fix cannot know is left to a person: no fix, and a hint saying
// what to do.
func TestMoneyFindingsWithoutAFix(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct{ name, rule, in, hint string }{
		// 25.99 JPY does not exist: which amount was meant is not known.
		{"a product with cents in yen", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: 25.99 * 100, currency: "JPY" });`, "send whole JPY without the * 100"},
		{"toFixed with other decimals than the currency's", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: price.toFixed(2), currency: "JPY" });`, "round without toFixed"},
		{"toFixed of x*100 in yen", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: (total * 100).toFixed(0), currency: "JPY" });`, "send whole JPY without the * 100, rounded: Math.round(x), without toFixed"},
		{"x*100 in yen", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: total * 100, currency: "JPY" });`, "send whole JPY without the * 100"},
		{"x*100 truncated in yen", "amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: ~~(total * 100), currency: "JPY" });`, "send whole JPY without the * 100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := lintBytes(t, "a.js", init+tc.in+"\n")
			i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == tc.rule })
			if i < 0 {
				t.Fatalf("no %s finding in %v", tc.rule, fs)
			}
			if fs[i].Fix != nil {
				t.Errorf("fix offered: %s", fs[i].Fix.Description)
			}
			if !strings.Contains(fs[i].Hint, tc.hint) {
				t.Errorf("hint %q, want it to say %q", fs[i].Hint, tc.hint)
			}
		})
	}
}

// A literal product is what JavaScript computes: 25.99 * 100 is 2599
// exactly, so there is nothing to say about its unit (review A1); its
// rounding neither.
func TestLiteralProductIsNotMajorUnits(t *testing.T) {
	for _, amount := range []string{"25.99 * 100", "Math.round(25.99 * 100)", "2599", "(25.99 * 100)"} {
		text := `oaiq("init", { pixelId: "px_123" });` + "\n" + `oaiq("measure", "order_created", { type: "contents", amount: ` + amount + `, currency: "USD" });` + "\n"
		for _, f := range lintBytes(t, "a.js", text) {
			t.Errorf("%s: %s %s", amount, f.Rule, f.Message)
		}
	}
}

// A currency's fix is safe only when the code is the same money written
// another way; a retired code's successor or a symbol's usual currency is
// unsafe (issue 20, review A3): the amount may be in the other currency.
func TestCurrencyFixApplicability(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct {
		code, want string
		a          model.Applicability
	}{
		{"usd", `currency: "USD"`, model.Safe},
		{"RMB", `currency: "CNY"`, model.Safe},
		{"HRK", `amount: 75000, currency: "EUR"`, model.Unsafe},
		{"BYR", `amount: 75000, currency: "BYN"`, model.Unsafe},
		{"$", `currency: "USD"`, model.Unsafe},
		{"¥", `currency: "JPY"`, model.Unsafe},
	} {
		text := init + `oaiq("measure", "order_created", { type: "contents", amount: 75000, currency: "` + tc.code + `" });` + "\n"
		fs := lintBytes(t, "a.js", text)
		i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == "currency-code" && f.Fix != nil })
		if i < 0 {
			t.Errorf("%s: no currency-code finding with a fix in %v", tc.code, fs)
			continue
		}
		if fs[i].Fix.Applicability != tc.a {
			t.Errorf("%s: fix %q is %v, want %v", tc.code, fs[i].Fix.Description, fs[i].Fix.Applicability, tc.a)
		}
		if tc.a == model.Unsafe && !strings.Contains(fs[i].Fix.Description+fs[i].Hint, "convert") && !strings.Contains(fs[i].Fix.Description, "if the prices are in") {
			t.Errorf("%s: neither the fix nor the hint says the amount may need converting: %q / %q", tc.code, fs[i].Fix.Description, fs[i].Hint)
		}
		f := fixer.Decode("a.js", []byte(text))
		if f.Apply(fs[i:i+1]) != 1 || !strings.Contains(string(f.Text), tc.want) {
			t.Errorf("%s: fixed text %s, want it to contain %s", tc.code, f.Text, tc.want)
		}
	}
}

// A misspelt key gets its rename as a safe fix: another case or separator
// style, or one slip in a long name. A guess at another name does not.
func TestMisspeltKeysRenamed(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct{ rule, in, want string }{
		{"options-unknown-field", `oaiq("measure", "order_created", { type: "contents" }, { eventId: "o-1" });`, `{ event_id: "o-1" }`},
		{"options-unknown-field", `oaiq("measure", "order_created", { type: "contents" }, { optOut: true });`, `{ opt_out: true }`},
		{"data-unknown-field", `oaiq("measure", "order_created", { type: "contents", amount: 2599, curency: "EUR" });`, `currency: "EUR"`},
		{"data-unknown-field", `oaiq("measure", "order_created", { type: "contents", amout: 2599, currency: "EUR" });`, `amount: 2599`},
		{"contents-unknown-field", `oaiq("measure", "order_created", { type: "contents", contents: [{ id: "a", contentType: "product" }] });`, `content_type: "product"`},
		{"init-unknown-field", `oaiq("init", { pixelID: "px_1" });`, `pixelId: "px_1"`},
		{"user-unknown-field", `oaiq("init", { pixelId: "px_1", user: { zipCode: "94107" } });`, `zip_code: "94107"`},
	} {
		text := init + tc.in + "\n"
		if strings.HasPrefix(tc.in, `oaiq("init"`) {
			text = tc.in + "\n"
		}
		fs := lintBytes(t, "a.js", text)
		i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == tc.rule })
		if i < 0 || fs[i].Fix == nil || fs[i].Fix.Applicability != model.Safe {
			t.Errorf("%s: no %s finding with a safe fix in %v", tc.in, tc.rule, fs)
			continue
		}
		f := fixer.Decode("a.js", []byte(text))
		if f.Apply(fs[i:i+1]) != 1 || !strings.Contains(string(f.Text), tc.want) {
			t.Errorf("%s: fixed text %s, want it to contain %s", tc.in, f.Text, tc.want)
		}
		for _, g := range lintBytes(t, "a.js", string(f.Text)) {
			if g.Severity >= model.Warning {
				t.Errorf("%s: after the fix: %s %s", tc.in, g.Rule, g.Message)
			}
		}
	}
	for _, tc := range []struct{ rule, in string }{
		// value is another pixel's name for a price in major units, not a misspelling.
		{"data-unknown-field", `oaiq("measure", "order_created", { type: "contents", value: 25.99, currency: "EUR" });`},
		// Too short to be sure: tipe could be many things.
		{"data-unknown-field", `oaiq("measure", "order_created", { tipe: "contents" });`},
		// The right key is there already: renaming would make a duplicate.
		{"data-unknown-field", `oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "EUR", curency: "USD" });`},
		{"options-unknown-field", `oaiq("measure", "order_created", { type: "contents" }, { id: "o-1" });`},
	} {
		fs := lintBytes(t, "a.js", init+tc.in+"\n")
		i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == tc.rule })
		if i < 0 {
			t.Errorf("%s: no %s finding", tc.in, tc.rule)
		} else if fs[i].Fix != nil {
			t.Errorf("%s: fix offered: %s", tc.in, fs[i].Fix.Description)
		}
	}
}

// Another vendor's call translated by its unsafe fix keeps every field the
// translation reads, computed ones as written (review F7: a dynamic
// currency was dropped, so currency-missing fired on the fixed call).
// Applied and linted again, nothing above an info is left.
func TestVendorTranslationKeepsEveryField(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct{ in, want string }{
		{`function f(order) { oaiq("track", "Purchase", { value: order.total, currency: order.currency }); }`,
			`oaiq("measure", "order_created", { type: "contents", amount: Math.round(order.total * 100), currency: order.currency })`},
		{`function f(order, cur) { oaiq("track", "Purchase", { value: order.total, currency: cur, content_ids: [order.sku], num_items: order.n }, { eventID: "o-1" }); }`,
			`oaiq("measure", "order_created", { type: "contents", amount: Math.round(order.total * 100), currency: cur, contents: [{ id: order.sku, quantity: order.n }] }, { event_id: "o-1" })`},
		{`oaiq("track", "Purchase", { value: 25.99, currency: "usd" });`,
			`oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" })`},
		{`oaiq("event", "purchase", { value: 1500, currency: "JPY" });`,
			`oaiq("measure", "order_created", { type: "contents", amount: 1500, currency: "JPY" })`},
	} {
		text := init + tc.in + "\n"
		fs := lintBytes(t, "a.js", text)
		i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == "command-unknown" && f.Fix != nil })
		if i < 0 {
			t.Errorf("%s: no command-unknown finding with a fix in %v", tc.in, fs)
			continue
		}
		if fs[i].Fix.Applicability != model.Unsafe {
			t.Errorf("%s: the translation is %v, want unsafe", tc.in, fs[i].Fix.Applicability)
		}
		f := fixer.Decode("a.js", []byte(text))
		if f.Apply(fs[i:i+1]) != 1 || !strings.Contains(string(f.Text), tc.want) {
			t.Errorf("%s: fixed text\n%s\nwant it to contain %s", tc.in, f.Text, tc.want)
			continue
		}
		for _, g := range lintBytes(t, "a.js", string(f.Text)) {
			if g.Severity >= model.Warning {
				t.Errorf("%s: after the fix: %s %s", tc.in, g.Rule, g.Message)
			}
		}
	}
	// A currency that is no ISO 4217 code is kept as written, not dropped:
	// currency-code says what is wrong with it, currency-missing does not fire.
	text := init + `oaiq("track", "Purchase", { value: 10, currency: "US$" });` + "\n"
	fs := lintBytes(t, "a.js", text)
	i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == "command-unknown" && f.Fix != nil })
	if i < 0 {
		t.Fatalf("no command-unknown finding with a fix in %v", fs)
	}
	f := fixer.Decode("a.js", []byte(text))
	if f.Apply(fs[i:i+1]) != 1 || !strings.Contains(string(f.Text), `currency: "US$"`) {
		t.Fatalf("fixed text\n%s\nwant the currency as written", f.Text)
	}
	for _, g := range lintBytes(t, "a.js", string(f.Text)) {
		if g.Rule == "currency-missing" {
			t.Errorf("after the fix: %s %s", g.Rule, g.Message)
		}
	}
}
