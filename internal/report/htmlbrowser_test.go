package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/oaiq-lint/oaiq-lint/internal/report/browsertest"
)

// writeFixtureReport writes the HTML fixture report, changed by edit, to a
// temporary file.
func writeFixtureReport(t *testing.T, edit func(string) string) string {
	t.Helper()
	opts, results := htmlFixture()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(edit(renderHTML(t, opts, results))), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run[T any](t *testing.T, p *browsertest.Page, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(p.Ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestHTMLReportInBrowser opens the report as a reader would (from a file,
// offline) and checks that its own policy lets it run cleanly, that it
// shows a known finding and the funnel, and that the filters work.
func TestHTMLReportInBrowser(t *testing.T) {
	p := browsertest.Open(t, writeFixtureReport(t, func(s string) string { return s }), 1280, 900)
	if problems := p.Problems(t); len(problems) > 0 {
		t.Fatalf("the browser complained:\n%s", strings.Join(problems, "\n"))
	}

	msg := run(t, p, chromedp.Text(`.finding[data-rule="amount-not-integer"] .message`))
	if !strings.Contains(msg, "amount 25.99 is not an integer") {
		t.Errorf("known finding reads %q", msg)
	}
	rows := run(t, p, chromedp.Evaluate[int](`document.querySelectorAll("#funnel tbody tr:not(.group)").length`))
	if rows < 10 {
		t.Errorf("funnel shows %d rows, want the ten standard events at least", rows)
	}
	order := run(t, p, chromedp.Evaluate[string](`[...document.querySelectorAll("#funnel tbody tr")].find(r => r.textContent.startsWith("order_created")).innerText`))
	if !strings.Contains(order, "2 of 3 (67%)") {
		t.Errorf("order_created row reads %q", order)
	}

	if hidden := run(t, p, chromedp.Evaluate[bool](`document.getElementById("filters").hidden`)); hidden {
		t.Fatal("the script did not reveal the filters")
	}
	visible := func(sel string) int {
		return run(t, p, chromedp.Evaluate[int](`document.querySelectorAll(`+"`"+sel+"`"+`).length`))
	}
	if err := chromedp.Do(p.Ctx, chromedp.Click(`input.sev-filter[value="error"]`)); err != nil {
		t.Fatal(err)
	}
	if n := visible(`.finding[data-severity="error"]:not([hidden])`); n != 0 {
		t.Errorf("%d errors still shown with the error box unticked", n)
	}
	if got := run(t, p, chromedp.Text("#shown")); got != "4 of 6 findings" {
		t.Errorf("counter reads %q after hiding errors", got)
	}
	if err := chromedp.Do(p.Ctx, chromedp.SendKeys("#search", "vendor")); err != nil {
		t.Fatal(err)
	}
	if n, sections := visible(".finding:not([hidden])"), visible(".target:not([hidden])"); n != 1 || sections != 1 {
		t.Errorf("search for a file name shows %d findings in %d sections, want 1 in 1", n, sections)
	}
	if problems := p.Problems(t); len(problems) > 0 {
		t.Errorf("the browser complained while filtering:\n%s", strings.Join(problems, "\n"))
	}
}

// TestBrowserSeesPolicyViolations makes sure the browser test can fail: a
// script edited after its hash was taken must be reported as blocked.
func TestBrowserSeesPolicyViolations(t *testing.T) {
	path := writeFixtureReport(t, func(s string) string {
		return strings.Replace(s, `"use strict";`, `"use strict"; `, 1)
	})
	p := browsertest.Open(t, path, 1280, 900)
	problems := strings.Join(p.Problems(t), "\n")
	if !strings.Contains(problems, "CSP violation: script-src") {
		t.Errorf("an edited script ran or went unreported:\n%s", problems)
	}
	if hidden := run(t, p, chromedp.Evaluate[bool](`document.getElementById("filters").hidden`)); !hidden {
		t.Error("the blocked script ran anyway")
	}
}
