package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func githubLine(t *testing.T, f model.Finding) string {
	t.Helper()
	var out bytes.Buffer
	rep := newGitHub(&out, Options{BaseDir: "/repo"})
	if err := rep.Result(Result{Path: f.Span.File, Findings: []model.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if err := rep.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestGitHubAnnotationEscaping(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    model.Finding
		want string
	}{
		{
			name: "commas, colons, percent signs and newlines",
			f: model.Finding{Rule: "amount-not-integer", Severity: model.Error,
				Span:    fixtureSpan("/repo/a,b:c%d.html", 4, 2, 4, 9),
				Message: "amount: 25.99, not 100%\nfix it", Hint: "use 2599\r\nplease"},
			want: "::error file=a%2Cb%3Ac%25d.html,line=4,col=2,endLine=4,endColumn=8,title=amount-not-integer" +
				"::amount: 25.99, not 100%25%0Afix it%0AHint: use 2599%0D%0Aplease\n",
		},
		{
			name: "an escape typed by the user is not decoded by the runner",
			f: model.Finding{Rule: "r", Severity: model.Warning, Span: fixtureSpan("x.js", 1, 1, 1, 2),
				Message: "literal %0A and ::error:: inside"},
			want: "::warning file=x.js,line=1,col=1,endLine=1,endColumn=1,title=r::literal %250A and ::error:: inside\n",
		},
		{
			name: "a span over several lines has no columns",
			f: model.Finding{Rule: "snippet-not-in-head", Severity: model.Info, Span: fixtureSpan("p.html", 3, 5, 6, 2),
				Message: "m"},
			want: "::notice file=p.html,line=3,endLine=6,title=snippet-not-in-head::m\n",
		},
		{
			name: "a finding on a fetched page names the URL in the message",
			f:    model.Finding{Rule: "r", Severity: model.Error, Span: model.Span{File: "https://x.example/a?b=1,2"}, Message: "m"},
			want: "::error title=r::https://x.example/a?b=1,2: m\n",
		},
		{
			name: "e-mail addresses are redacted",
			f:    model.Finding{Rule: "r", Severity: model.Error, Message: "saw jane.doe@example.com"},
			want: "::error title=r::saw " + "j***@e***.com" + "\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := githubLine(t, tc.f)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if strings.Count(got, "\n") != 1 {
				t.Errorf("an annotation must be exactly one line: %q", got)
			}
		})
	}
}

// With a step summary, what GitHub cannot show as an annotation is listed
// there: findings on URLs, and those past the tenth of their type.
func TestGitHubOverflowGoesToTheStepSummary(t *testing.T) {
	var out, summary bytes.Buffer
	rep := newGitHub(&out, Options{BaseDir: "/repo", Tool: Tool{Name: "oaiq-lint"}, StepSummary: &summary})
	var fs []model.Finding
	for i := 1; i <= 12; i++ {
		fs = append(fs, model.Finding{Rule: "amount-not-integer", Severity: model.Error, Span: fixtureSpan("/repo/a.html", i, 1, i, 3), Message: "m|x"})
	}
	fs = append(fs, model.Finding{Rule: "fetch-failed", Severity: model.Warning, Span: model.Span{File: "https://x.example/p"}, Message: "HTTP 500"})
	if err := rep.Result(Result{Path: "a.html", Findings: fs}); err != nil {
		t.Fatal(err)
	}
	if err := rep.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "::error "); n != 12 {
		t.Errorf("%d error commands, want all 12 in the log", n)
	}
	if strings.Contains(out.String(), "x.example") {
		t.Errorf("a URL finding became an annotation:\n%s", out.String())
	}
	s := summary.String()
	for _, want := range []string{"3 findings not shown as annotations", "| error | a.html:11:1 | `amount-not-integer` | m\\|x |",
		"| error | a.html:12:1 |", "| warning | https://x.example/p | `fetch-failed` | HTTP 500 |"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "a.html:10:1") {
		t.Errorf("the tenth annotation is listed too:\n%s", s)
	}
}
