package render

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func TestRoute(t *testing.T) {
	const pageURL = "https://shop.example.com/thanks"
	for _, tc := range []struct {
		url   string
		block bool
		want  verdict
	}{
		{pixel.SDKURL, false, answer},
		{"https://bzrcdn.openai.com/sdk/oaiq.js", false, answer},
		{"https://bzr.openai.com/v1/sdk/events", false, blockPix},
		{"https://cdn.example.com/app.js", true, pass},
		{"https://shop.example.com/app.js", true, pass},
		{"https://tracker.example.net/t.js", false, pass},
		{"https://tracker.example.net/t.js", true, block3P},
		{"data:text/plain,x", true, pass},
	} {
		if got := route(tc.url, pageURL, tc.block); got != tc.want {
			t.Errorf("route(%s, block=%v) = %d, want %d", tc.url, tc.block, got, tc.want)
		}
	}
	if sameSite("localhost", "http://127.0.0.1:8080/") {
		t.Error("an address and a name are not the same site")
	}
}

func TestProbe(t *testing.T) {
	for _, tc := range []struct{ in, probe string }{
		{"https://a.example/x", "https://a.example/x?oppref=oaiq-lint-probe"},
		{"https://a.example/x?a=1", "https://a.example/x?a=1&oppref=oaiq-lint-probe"},
		{"https://a.example/x?oppref=abc", "https://a.example/x?oppref=abc"},
	} {
		got, err := withProbe(tc.in)
		if err != nil || got != tc.probe {
			t.Errorf("withProbe(%s) = %s, %v; want %s", tc.in, got, err, tc.probe)
		}
		if back := stripProbe(got); back != tc.in {
			t.Errorf("stripProbe(%s) = %s, want %s", got, back, tc.in)
		}
	}
	if got := stripProbe("https://a.example/x?oppref=oaiq-lint-probe&b=2#top"); got != "https://a.example/x?b=2#top" {
		t.Errorf("stripProbe kept the probe or lost the rest: %s", got)
	}
	if _, err := withProbe("ftp://a.example/"); err == nil {
		t.Error("withProbe accepted a non-http URL")
	}
}

func TestParseSteps(t *testing.T) {
	steps, err := ParseSteps("s.txt", []byte("# checkout\nclick #buy\n\ntype \"input[name=q]\" red shoes\nwait 250ms\nwait-for .thanks\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Step{
		{Kind: Click, Selector: "#buy", Line: 2},
		{Kind: Type, Selector: "input[name=q]", Text: "red shoes", Line: 4},
		{Kind: Pause, Duration: 250 * time.Millisecond, Line: 5},
		{Kind: WaitFor, Selector: ".thanks", Line: 6},
	}
	if len(steps) != len(want) {
		t.Fatalf("got %d steps, want %d: %+v", len(steps), len(want), steps)
	}
	for i := range want {
		if steps[i] != want[i] {
			t.Errorf("step %d = %+v, want %+v", i, steps[i], want[i])
		}
	}
	for _, bad := range []string{"tap #x", "wait soon", "click form .buy", "type #q", "click \"#x"} {
		if _, err := ParseSteps("s.txt", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "s.txt:1: ") {
			t.Errorf("ParseSteps(%q) error = %v, want one at s.txt:1", bad, err)
		}
	}
}

func TestCallSite(t *testing.T) {
	stack := "Error\n    at stackHere (<anonymous>:73:22)\n    at Object.apply (<anonymous>:84:24)\n    at sdkFn (https://bzrcdn.openai.com/sdk/oaiq.min.js:1:5)\n    at HTMLButtonElement.<anonymous> (http://127.0.0.1:80/js/app.js?v=2:12:7)\n    at http://127.0.0.1:80/:3:1"
	f, ok := callSite(stack)
	if !ok || f != (Frame{URL: "http://127.0.0.1:80/js/app.js?v=2", Line: 12, Col: 7}) {
		t.Errorf("callSite = %+v, %v", f, ok)
	}
	if _, ok := callSite("Error\n    at <anonymous>:1:1"); ok {
		t.Error("a stack with no page frame gave a call site")
	}
}

func TestRuneColumn(t *testing.T) {
	// "😀" is two UTF-16 units and one rune.
	if got := runeColumn(`x="😀"; oaiq()`, 9); got != 8 {
		t.Errorf("runeColumn = %d, want 8", got)
	}
	if got := runeColumn("abc", 2); got != 2 {
		t.Errorf("runeColumn ASCII = %d, want 2", got)
	}
}

func TestFindBrowserExplicitMissing(t *testing.T) {
	_, err := FindBrowser("/nonexistent/chromium")
	if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "--browser") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	t.Setenv(EnvBrowser, "")
	_, err = FindBrowser("")
	if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "apt-get install -y chromium") {
		t.Errorf("err = %v, want the install hint", err)
	}
}

// Positions Chromium gave calls in inline handlers: the first code line
// continues after the tag's ">", later lines count from the tag's end.
func TestHandlerCall(t *testing.T) {
	html := "<!doctype html><html><head></head><body>\n" +
		"<button onclick=\"var x = 1;  oaiq('measure','a',{})\">A</button>\n" +
		"<button id=\"b2\"\n onclick=\"var x = 1;\n  oaiq('measure','b',{})\">B</button>\n</body></html>\n"
	static, files := extract.Page("p.html", []byte(html), extract.Options{Kind: extract.HTML})
	byName := map[string]*source.File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	for _, tc := range []struct {
		frame model.Pos
		event string
	}{{model.Pos{Line: 2, Col: 66}, "a"}, {model.Pos{Line: 5, Col: 3}, "b"}, {model.Pos{Line: 3, Col: 40}, ""}} {
		at := model.Span{File: "p.html", Start: tc.frame, End: model.Pos{Line: tc.frame.Line, Col: tc.frame.Col + 1}}
		w := writtenAt(static, byName, at)
		switch {
		case tc.event == "" && w != nil:
			t.Errorf("frame %v matched %v, want none", tc.frame, w.Span)
		case tc.event != "" && (w == nil || w.Arg(1).Str != tc.event):
			t.Errorf("frame %v matched %v, want the call of %q", tc.frame, w, tc.event)
		}
	}
}
