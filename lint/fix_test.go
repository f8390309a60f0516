package lint_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/fixer"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func lintBytes(t *testing.T, name, text string) []model.Finding {
	t.Helper()
	var out []model.Finding
	in := func(yield func(lint.Input) bool) { yield(lint.Bytes(name, []byte(text), lint.SourceOptions{})) }
	if strings.HasSuffix(name, ".jsonl") {
		in = lint.Records(name, name, []byte(text))
	}
	if _, err := lint.New(lint.Options{Workers: 1}).Run(context.Background(), in, func(r *lint.Result) error {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		out = append(out, r.Report.Findings...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkFixResolves lints text (a.js), takes the first finding of rule with
// a fix, and checks the fix: its applicability, that it applies to the
// text it was made for, that the fixed text holds want, and that the
// finding is gone from the fixed text.
func checkFixResolves(t *testing.T, text, rule, want string, a model.Applicability) {
	t.Helper()
	fs := lintBytes(t, "a.js", text)
	i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == rule && f.Fix != nil })
	if i < 0 {
		t.Fatalf("no %s finding with a fix in %v", rule, fs)
	}
	if fs[i].Fix.Applicability != a || fs[i].Fix.Description == "" {
		t.Errorf("fix %+v: want applicability %v and a description", fs[i].Fix, a)
	}
	f := fixer.Decode("a.js", []byte(text))
	if f.Apply(fs[i:i+1]) != 1 {
		t.Fatal("the fix did not apply to the text it was made for")
	}
	if !strings.Contains(string(f.Text), want) {
		t.Errorf("fixed text:\n%s\nwant it to contain %s", f.Text, want)
	}
	for _, g := range lintBytes(t, "a.js", string(f.Text)) {
		if g.Rule == rule && g.Span.Start.Line == fs[i].Span.Start.Line {
			t.Errorf("still reported after the fix: %s", g.Message)
		}
	}
}

// Every fix a rule offers, applied alone, gives the text a person would
// write, and that text no longer has the finding.
func TestFixesResolveTheirFindings(t *testing.T) {
	const init = `oaiq("init", { pixelId: "px_123" });` + "\n"
	for _, tc := range []struct {
		rule, in, want string
		a              model.Applicability
	}{
		{"currency-code", `oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });`, `currency: "USD"`, model.Safe},
		{"country-code", `oaiq("init", { pixelId: "px_1", user: { country: 'gb' } });`, `country: 'GB'`, model.Safe},
		{"hash-format", `oaiq("init", { pixelId: "px_1", user: { email_sha256: "7F73355BF032DCBB8E5A3F51F1E4A8BA92EF1344DE2D95382634CF91DA6D6181" } });`, `"7f73355bf032dcbb8e5a3f51f1e4a8ba92ef1344de2d95382634cf91da6d6181"`, model.Safe},
		{"init-unknown-field", `oaiq("init", { pixel_id: "px_1" });`, `{ pixelId: "px_1" }`, model.Safe},
		{"user-unknown-field", `oaiq("init", { pixelId: "px_1", user: { "zipcode": "12345" } });`, `"zip_code": "12345"`, model.Safe},
		{"data-unknown-field", `oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", event_id: "e-1" });`, `currency: "USD" }, { event_id: "e-1" });`, model.Safe},
		{"data-unknown-field", `oaiq("measure", "order_created", { event_id: "e-1", type: "contents", amount: 2599, currency: "USD" }, { opt_out: false });`, `{ type: "contents", amount: 2599, currency: "USD" }, { event_id: "e-1", opt_out: false }`, model.Safe},
		{"data-unknown-field", `oaiq("measureSingle", "px_123", "order_created", { type: "contents", amount: 2599, currency: "USD", event_id: "e-1" });`, `currency: "USD" }, { event_id: "e-1" });`, model.Safe},
		{"data-type-missing", `oaiq("measure", "order_created", { amount: 2599, currency: "USD" });`, `{ type: "contents", amount: 2599`, model.Safe},
		{"amount-not-integer", `oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });`, `amount: 2599,`, model.Unsafe},
		{"amount-expression", `oaiq("measure", "order_created", { type: "contents", amount: total * 100, currency: "USD" });`, `amount: Math.round(total * 100),`, model.Unsafe},
		{"init-debug-enabled", `oaiq("init", { pixelId: "px_1", debug: true });`, `oaiq("init", { pixelId: "px_1" });`, model.Unsafe},
		{"custom-name-case", `oaiq("measure", "custom", { type: "custom" }, { custom_event_name: "QuoteRequested" });`, `custom_event_name: "quote_requested"`, model.Unsafe},
		{"command-unknown", `oaiq("track", "Purchase", { value: 25.99, currency: "USD", content_ids: ["sku-1"] });`, `oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD", contents: [{ id: "sku-1", quantity: 1 }] });`, model.Unsafe},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			text := init + tc.in + "\n"
			if strings.HasPrefix(tc.in, `oaiq("init"`) {
				text = tc.in + "\n"
			}
			checkFixResolves(t, text, tc.rule, tc.want, tc.a)
		})
	}
}

// A value read through a transform (an escape, an entity, a template) is
// not the text at its span: its fix is not offered.
func TestFixesNotOfferedThroughTransforms(t *testing.T) {
	for name, text := range map[string]string{
		"a.js":     `oaiq("init", { pixelId: "px_1" }); oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "\u0075sd" });`,
		"a.jsonl":  `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "u\u0073d"}]`,
		"a.html":   `<html><head></head><body><a onclick="oaiq('init', { pixelId: 'px_1' }); oaiq('measure', 'order_created', { type: 'contents', amount: 2599, currency: &quot;usd&quot; })">x</a></body></html>`,
		"a.liquid": `<script>oaiq("init", { pixelId: "px_1" }); oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "{{ shop.cur }}sd" });</script>`,
	} {
		found := false
		for _, f := range lintBytes(t, name, text) {
			found = found || f.Rule == "currency-code"
			if f.Rule == "currency-code" && f.Fix != nil {
				t.Errorf("%s: fix offered through a transform: %+v", name, f.Fix.Edits)
			}
		}
		if !found && name != "a.liquid" { // a template value is not judged at all
			t.Errorf("%s: no currency-code finding: the case proves nothing", name)
		}
	}
}

// Fixes at page facts: the SDK URL and a Next.js <Script>'s strategy, in a
// TSX file whose positions come back through esbuild's source map.
func TestPageFactFixes(t *testing.T) {
	const layout = `import Script from "next/script";
export default function RootLayout({ children }) {
  return (<html><body>
    <Script id="a" strategy="lazyOnload" src="https://cdn.openai.com/oaiq/pixel.js" />
    <Script id="b" src="https://bzrcdn.openai.com/sdk/oaiq.min.js" />
    {children}
  </body></html>);
}
`
	fs := lintBytes(t, "app/layout.tsx", layout)
	f := fixer.Decode("app/layout.tsx", []byte(layout))
	var rules []string
	for _, x := range fs {
		if x.Fix != nil {
			rules = append(rules, x.Rule)
		}
	}
	if n := f.Apply(fs); n != 3 {
		t.Fatalf("applied %d fixes, want 3 (%v)", n, rules)
	}
	for _, want := range []string{
		`<Script id="a" strategy="beforeInteractive" src="https://bzrcdn.openai.com/sdk/oaiq.min.js" />`,
		`<Script strategy="beforeInteractive" id="b"`,
	} {
		if !strings.Contains(string(f.Text), want) {
			t.Errorf("fixed text lacks %s:\n%s", want, f.Text)
		}
	}
	for _, x := range lintBytes(t, "app/layout.tsx", string(f.Text)) {
		if x.Rule == "snippet-late" || x.Rule == "snippet-src" {
			t.Errorf("still reported after the fixes: %s %s", x.Rule, x.Message)
		}
	}
}

// In an event log, a value written without escapes is fixed where it is.
func TestFixInEventLog(t *testing.T) {
	text := `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "usd"}]` + "\n"
	fs := lintBytes(t, "b.jsonl", text)
	i := slices.IndexFunc(fs, func(f model.Finding) bool { return f.Rule == "currency-code" })
	if i < 0 || fs[i].Fix == nil {
		t.Fatalf("no fixable currency-code in %v", fs)
	}
	f := fixer.Decode("b.jsonl", []byte(text))
	if f.Apply(fs) != 1 || !strings.Contains(string(f.Text), `"currency": "USD"`) {
		t.Errorf("fixed log: %s", f.Text)
	}
}

// In an event-handler attribute a fix may not write the attribute's quote
// or an ampersand: the page would change meaning around the call.
func TestFixesInHandlerAttributes(t *testing.T) {
	const page = `<html><head></head><body>
<a onclick="oaiq('init', { pixelId: 'px_1' }); oaiq('measure', 'order_created', { amount: 2599, currency: 'usd' })">buy</a>
</body></html>
`
	fs := lintBytes(t, "a.html", page)
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Rule] = f.Fix != nil
	}
	if !got["currency-code"] {
		t.Errorf("upper-casing a code inside the attribute is fine: %v", got)
	}
	if fixable, found := got["data-type-missing"]; !found || fixable {
		t.Errorf("adding type: \"contents\" would close the attribute: offered=%v found=%v", fixable, found)
	}
}

// The snippet's missing nonce is copied from the page's policy: the
// template that prints it, read from the template as written.
func TestNonceFix(t *testing.T) {
	const page = `<!doctype html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-{{ csp_nonce }}' 'strict-dynamic'">
<script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>
</head><body></body></html>
`
	fs := lintBytes(t, "layout.liquid", page)
	f := fixer.Decode("layout.liquid", []byte(page))
	if f.Apply(fs) != 1 || !strings.Contains(string(f.Text), `<script nonce="{{ csp_nonce }}" async src=`) {
		t.Fatalf("fixed:\n%s", f.Text)
	}
	for _, x := range lintBytes(t, "layout.liquid", string(f.Text)) {
		if x.Rule == "csp-nonce-missing" {
			t.Errorf("still reported: %s", x.Message)
		}
	}
}

// A log large enough to be read in pieces keeps the fixes of every piece.
func TestFixInLogPieces(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 17 MB log")
	}
	// Padded records: few of them fill the pieces, so the test stays quick.
	line := `["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "USD"}` + strings.Repeat(" ", 2000) + "]\n"
	var b strings.Builder
	for b.Len() < 17<<20 {
		b.WriteString(line)
	}
	b.WriteString(`["measure", "order_created", {"type": "contents", "amount": 2599, "currency": "usd"}]` + "\n")
	p := t.TempDir() + "/big.jsonl"
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	found := false
	_, err := lint.New(lint.Options{Workers: 1}).Run(context.Background(), lint.Logs([]string{p}, nil), func(r *lint.Result) error {
		for _, f := range r.Report.Findings {
			if f.Rule == "currency-code" {
				found = true
				if f.Fix == nil {
					t.Errorf("no fix for %s in a later piece", f.Span)
				}
			}
		}
		return nil
	})
	if err != nil || !found {
		t.Fatalf("err %v, found %v", err, found)
	}
}

// The amount fixes edit an amount only where the call writes it: an
// amount read from a binding (a shared const, an object declared before
// the call and passed to other code too, a member written later) may be
// what other code reads, so no edit is offered there.
func TestAmountFixesOnlyWhereTheCallWritesIt(t *testing.T) {
	text := `oaiq("init", { pixelId: "px_1" });
const data = { type: "contents", amount: 12.5, currency: "USD" };
oaiq("measure", "order_created", data);
showTotal(data);
const d2 = { type: "contents", currency: "USD" };
d2.amount = 7.5;
oaiq("measure", "order_created", d2);
const d3 = { type: "contents", amount: sub * 100, currency: "USD" };
oaiq("measure", "order_created", d3);
oaiq("measure", "order_created", { type: "contents", amount: 3.25, currency: "USD" });
oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: "USD" });
function send(items) {
  oaiq("measure", "order_created", {
    type: "contents",
    amount: 4.5,
    currency: "EUR",
  });
}
`
	// line → whether its amount finding carries a fix
	want := map[int]bool{2: false, 6: false, 8: false, 10: true, 11: true, 15: true}
	got := map[int]bool{}
	for _, f := range lintBytes(t, "a.js", text) {
		if f.Rule != "amount-not-integer" && f.Rule != "amount-expression" {
			continue
		}
		got[f.Span.Start.Line] = f.Fix != nil
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				if !want[e.Span.Start.Line] {
					t.Errorf("line %d: %s edits line %d", f.Span.Start.Line, f.Rule, e.Span.Start.Line)
				}
			}
		}
	}
	for line, fixed := range want {
		if g, ok := got[line]; !ok || g != fixed {
			t.Errorf("line %d: reported %v, fix offered %v; want a finding, fix %v", line, ok, g, fixed)
		}
	}
}
