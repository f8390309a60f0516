package report

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Raw personal data the HTML fixture plants in every place text reaches
// the report from: a message, a hint, a source line, a URL, an event name.
const (
	rawEmail = "jane.doe@example.com"
	rawPhone = "+1 (415) 555-0134"
)

var htmlStandardEvents = []string{
	"page_viewed", "contents_viewed", "items_added", "checkout_started", "order_created",
	"lead_created", "registration_completed", "appointment_scheduled",
	"subscription_created", "trial_started",
}

// htmlFixture is the shared fixture run with what only the HTML report
// reads: kinds, page facts, events and source files for code frames.
func htmlFixture() (Options, []Result) {
	opts, results := fixtureRun()
	opts.StandardEvents = htmlStandardEvents

	lines := make([]string, 50)
	lines[2] = `<script src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script>`
	lines[41] = "    amount: 25.99, note: \"call " + rawPhone + "\","
	lines[49] = "      value_id: order.total, // " + rawEmail
	thanks := source.New("/repo/site/thanks.html", []byte(strings.Join(lines, "\n")))

	results[0].Kind = "page"
	results[0].Page = &PageInfo{HasLoader: true, HasInit: true}
	results[0].Sources = map[string]*source.File{thanks.Name: thanks}
	results[0].Findings[0].Hint += " (ask " + rawPhone + ")"
	results[0].Events = []EventInfo{
		{Name: "order_created", EventID: Present},
		{Name: "order_created", EventID: Absent},
		{Name: "page_viewed"},
	}
	results[1].Kind = "page"
	results[1].Page = &PageInfo{TagManager: "Google Tag Manager"}
	results[1].Events = []EventInfo{{Name: "custom", Custom: "quote_requested", EventID: Unknown}}
	results[2].Kind = "page"
	results[2].Path = "https://shop.example/checkout?email=" + rawEmail
	results[2].Findings[0].Span.File = results[2].Path
	results[2].Page = &PageInfo{}
	results[3].Kind = "log"
	results[3].Events = []EventInfo{
		{Name: "order_created", EventID: Present, Side: model.Server},
		{Name: "custom", Custom: "call_" + strings.NewReplacer(" ", "", "(", "", ")", "", "-", "").Replace(rawPhone), EventID: Absent, Side: model.Server},
		{Name: "Purchase"},
		{Name: ""},
	}
	results[4].Kind = "script"
	return opts, results
}

func renderHTML(t *testing.T, opts Options, results []Result) string {
	t.Helper()
	return string(runFormat(t, "html", opts, results))
}

func TestHTMLGolden(t *testing.T) {
	opts, results := htmlFixture()
	first := renderHTML(t, opts, results)
	if again := renderHTML(t, opts, results); first != again {
		t.Fatal("html output differs between two runs over the same input")
	}
	golden(t, "html.golden", []byte(first))
}

var (
	cspMeta     = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	styleBlocks = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	scriptBlock = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
)

// TestHTMLPolicyAllowsExactlyItsBlocks recomputes the hash of every inline
// block from the written file and holds the policy to them, and makes sure
// nothing else could need a source: no style attributes, no external
// scripts, stylesheets or images.
func TestHTMLPolicyAllowsExactlyItsBlocks(t *testing.T) {
	opts, results := htmlFixture()
	out := renderHTML(t, opts, results)
	m := cspMeta.FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no Content-Security-Policy meta element")
	}
	policy := html.UnescapeString(m[1])
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	styles, scripts := styleBlocks.FindAllStringSubmatch(out, -1), scriptBlock.FindAllStringSubmatch(out, -1)
	if len(styles) != 1 || len(scripts) != 1 {
		t.Fatalf("want one <style> and one <script>, got %d and %d", len(styles), len(scripts))
	}
	want := "default-src 'none'; img-src data:; style-src " + hash(styles[0][1]) +
		"; script-src " + hash(scripts[0][1]) + "; base-uri 'none'; form-action 'none'"
	if policy != want {
		t.Errorf("policy\n%s\nwant\n%s", policy, want)
	}
	if strings.Index(out, "Content-Security-Policy") > strings.Index(out, "<style>") {
		t.Error("the policy must come before the blocks it allows")
	}
	for _, bad := range []string{" style=", "<script src", "<link rel=\"stylesheet", "<img", "@import", "url(http"} {
		if strings.Contains(out, bad) {
			t.Errorf("report holds %q, which its policy would block or which loads from elsewhere", bad)
		}
	}
}

// TestHTMLNeverShowsRawPersonalData reads the report as a browser shows it
// (entities decoded: html/template writes "+" as "&#43;", which would hide
// a raw phone number from a byte search).
func TestHTMLNeverShowsRawPersonalData(t *testing.T) {
	opts, results := htmlFixture()
	shown := html.UnescapeString(renderHTML(t, opts, results))
	for _, raw := range []string{rawEmail, rawPhone, "14155550134"} {
		if strings.Contains(shown, raw) {
			t.Errorf("report shows raw personal data %q", raw)
		}
	}
	// The places the data was planted are still shown, masked.
	for _, masked := range []string{"checkout?email=j***@e***.com", "// j***@e***.com", `note: "call +`} {
		if !strings.Contains(shown, masked) {
			t.Errorf("report lacks the masked text %q", masked)
		}
	}
}

func TestHTMLTimestampOnlyWhenAsked(t *testing.T) {
	opts, results := htmlFixture()
	if out := renderHTML(t, opts, results); strings.Contains(out, "<time") {
		t.Error("report carries a time without --report-time")
	}
	opts.ReportTime = time.Date(2026, 11, 26, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	if out := renderHTML(t, opts, results); !strings.Contains(out, `<time datetime="2026-11-26T09:00:00Z">`) {
		t.Error("report lacks the time asked for, in UTC")
	}
}

func TestHTMLCleanRun(t *testing.T) {
	out := renderHTML(t, Options{Tool: Tool{Name: "oaiq-lint"}, StandardEvents: htmlStandardEvents},
		[]Result{{Path: "index.html", Kind: "page", Calls: 2, Page: &PageInfo{HasLoader: true, HasInit: true},
			Events: []EventInfo{{Name: "page_viewed"}}}})
	for _, want := range []string{"No problems found in 1 target.", `id="funnel"`, "<code>page_viewed</code>"} {
		if !strings.Contains(out, want) {
			t.Errorf("clean report lacks %q", want)
		}
	}
	if strings.Contains(out, `id="filters"`) {
		t.Error("a report without findings has nothing to filter")
	}
}

func TestProseShowsBacktickedPartsAsCode(t *testing.T) {
	for in, want := range map[string]string{
		"add `connect-src 'self'` to <meta>": "add <code>connect-src &#39;self&#39;</code> to &lt;meta&gt;",
		"one ` backtick <b>":                 "one ` backtick &lt;b&gt;",
	} {
		if got := string(prose(in)); got != want {
			t.Errorf("prose(%q) = %q, want %q", in, got, want)
		}
	}
}
